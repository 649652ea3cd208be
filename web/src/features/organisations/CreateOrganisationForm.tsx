import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { ORGANISATION_KINDS, type OrganisationCreateInput } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { organisationKindLabel } from '../../lib/agreements/labels';
import type { Me } from '../../lib/agreements/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import {
  EMPTY_ORGANISATION,
  ORGANISATION_FIELDS,
  type OrganisationField,
  type OrganisationValues,
  organisationSchema,
} from './organisation-form';

const inputId = (field: string) => `organisation-${field}`;

/** "Organisatie registreren": a provider or joint body in one's own register or a region's. */
export function CreateOrganisationForm({
  space,
  spaceName,
  me,
}: {
  space: string;
  spaceName: string;
  me: Me;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const resolver = useMemo(
    () => standardSchemaResolver(organisationSchema(space, me.space)),
    [space, me.space],
  );
  const form = useForm<OrganisationValues, unknown, OrganisationCreateInput>({
    defaultValues: EMPTY_ORGANISATION,
    resolver,
    shouldFocusError: false,
  });
  const [created, setCreated] = useState('');
  const createdRef = useRef<HTMLDivElement>(null);
  const [keyFor] = useState(idempotencyKeys);

  const failure = useMutationError({
    fieldOf: (path) => (ORGANISATION_FIELDS as readonly string[]).find((field) => field === path),
    messages: {
      invalid: t('organisations.errors.rejected'),
      conflict: t('organisations.errors.conflict'),
      forbidden: t('organisations.errors.forbidden'),
      unknown: t('organisations.errors.failed'),
      network: t('organisations.errors.failed'),
    },
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });
  const summaryRef = failure.summaryRef;

  const create = useMutation({
    mutationFn: (input: OrganisationCreateInput) => {
      const idempotencyKey = keyFor(input);
      return client.organisation.create.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (organisation) => {
      form.reset(EMPTY_ORGANISATION);
      setCreated(t('organisations.created', { name: organisation.name, space: spaceName }));
      await queryClient.invalidateQueries({ queryKey: trpc.organisation.find.pathKey() });
      focusSoon(() => createdRef.current);
    },
    onError: (error) => failure.onError(error),
  });

  const submit = form.handleSubmit(
    (input) => {
      if (create.isPending) return;
      create.mutate(input);
    },
    () => focusSoon(() => summaryRef.current),
  );
  const errors = form.formState.errors;
  const errorFor = (field: OrganisationField) => errorText(errors[field]);

  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;
  const text = (
    field: 'name' | 'kvkNumber' | 'agbCode' | 'iban',
    label: string,
    hint?: string,
    extra = {},
  ) => (
    <Field id={inputId(field)} label={label} hint={hint} error={errorFor(field)}>
      {(props) => <Textbox {...props} {...extra} autoComplete="off" {...form.register(field)} />}
    </Field>
  );

  return (
    <Section id="create-organisation" title={t('organisations.createTitle')}>
      <Paragraph>{t('organisations.createIntro', { space: spaceName })}</Paragraph>
      <div ref={createdRef} tabIndex={-1} aria-live="polite" className="regie-outcome">
        {created ? <Alert type="ok">{created}</Alert> : null}
      </div>
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={orderedErrors(errors, ORGANISATION_FIELDS).map(([path, error]) => ({
          id: inputId(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />
      <form
        className="regie-form"
        noValidate
        onSubmit={(event) => {
          failure.reset();
          setCreated('');
          void submit(event);
        }}
        onChange={() => setCreated('')}
      >
        <Field id={inputId('kind')} label={t('organisations.kind')} error={errorFor('kind')}>
          {(props) => (
            <Select {...props} required {...form.register('kind')}>
              <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
              {ORGANISATION_KINDS.map((kind) => (
                <SelectOption key={kind} value={kind}>
                  {organisationKindLabel(t, kind)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        {text('name', t('organisations.name'))}
        {text('kvkNumber', t('organisations.kvk'), t('organisations.kvkHint'), {
          inputMode: 'numeric',
          className: 'regie-input--code',
        })}
        {text('agbCode', optional(t('organisations.agb')), t('organisations.agbHint'), {
          inputMode: 'numeric',
          className: 'regie-input--code',
        })}
        {text('iban', optional(t('organisations.iban')), t('organisations.ibanHint'), {
          className: 'regie-input--iban',
        })}
        <StatusLine>{create.isPending ? t('agreementForm.saving') : null}</StatusLine>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            {t('organisations.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
