import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { Role, UserInviteInput } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../lib/agreements/labels';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { EMPTY_INVITE, INVITE_FIELDS, type InviteValues, inviteSchema } from './invite-form';
import { RoleChoices } from './RoleChoices';

const inputId = (field: string) => `invite-${field}`;

/** "Iemand uitnodigen": a colleague by name, e-mail and roles that fit the space (`user.invite`). */
export function InviteForm({ offered }: { offered: readonly Role[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const resolver = useMemo(() => standardSchemaResolver(inviteSchema(offered)), [offered]);
  const form = useForm<InviteValues, unknown, UserInviteInput>({
    defaultValues: EMPTY_INVITE,
    resolver,
    shouldFocusError: false,
  });
  const [invited, setInvited] = useState('');
  const invitedRef = useRef<HTMLDivElement>(null);
  const [keyFor] = useState(idempotencyKeys);

  const failure = useMutationError({
    fieldOf: (path) => (INVITE_FIELDS as readonly string[]).find((field) => path === field),
    messages: {
      invalid: t('people.errors.rejected'),
      forbidden: t('people.errors.forbidden'),
      unknown: t('people.errors.failed'),
      network: t('people.errors.failed'),
    },
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });

  const invite = useMutation({
    mutationFn: (input: UserInviteInput) => {
      const idempotencyKey = keyFor(input);
      return client.user.invite.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (_result, input) => {
      form.reset(EMPTY_INVITE);
      const roles = input.roles.map((role) => roleLabel(t, role)).join(', ');
      setInvited(t('people.invited', { name: input.name, roles, email: input.email }));
      focusSoon(() => invitedRef.current);
      await queryClient.invalidateQueries({ queryKey: trpc.user.list.pathKey() });
    },
    onError: (error) => failure.onError(error),
  });

  const submit = form.handleSubmit(
    (input) => {
      if (!invite.isPending) invite.mutate(input);
    },
    () => focusSoon(() => failure.summaryRef.current),
  );
  const errors = form.formState.errors;
  const chosen = form.watch('roles');

  return (
    <Section id="invite" title={t('people.inviteTitle')}>
      <Paragraph>{t('people.inviteIntro')}</Paragraph>
      <div ref={invitedRef} tabIndex={-1} aria-live="polite" className="regie-outcome">
        {invited ? (
          <Alert type="ok" data-testid="invite-outcome">
            {invited}
          </Alert>
        ) : null}
      </div>
      <ErrorSummary
        title={t('people.summaryTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={orderedErrors(errors, INVITE_FIELDS).map(([path, error]) => ({
          id: inputId(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={failure.summaryRef}
      />
      <form
        className="regie-form"
        noValidate
        data-testid="invite-form"
        onSubmit={(event) => {
          failure.reset();
          setInvited('');
          void submit(event);
        }}
      >
        <Field
          id={inputId('name')}
          label={t('people.name')}
          hint={t('people.nameHint')}
          error={errorText(errors.name)}
        >
          {(props) => (
            <Textbox {...props} autoComplete="off" className="regie-input--name" {...form.register('name')} />
          )}
        </Field>
        <Field
          id={inputId('email')}
          label={t('people.email')}
          hint={t('people.emailHint')}
          error={errorText(errors.email)}
        >
          {(props) => (
            <Textbox
              {...props}
              type="email"
              autoComplete="off"
              spellCheck={false}
              className="regie-input--name"
              {...form.register('email')}
            />
          )}
        </Field>
        <RoleChoices
          id={inputId('roles')}
          legend={t('people.rolesLegend')}
          offered={offered}
          chosen={chosen}
          error={errorText(errors.roles)}
          input={() => form.register('roles')}
        />
        <StatusLine>{invite.isPending ? t('people.saving') : null}</StatusLine>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={invite.isPending}>
            {t('people.invite')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
