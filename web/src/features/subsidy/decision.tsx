import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import type { FormEvent, ReactNode } from 'react';
import { useRef } from 'react';
import type { FieldValues, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/form-schema';
import { formatMoney, localeFor } from '../../lib/format';
import { type MutationErrorState, useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC } from '../../lib/trpc';
import type { SubsidyView } from './model';

/**
 * What the decision forms on a subsidy share: how a decision is sent and how it failed (`useMutationError`: a stale
 * version with a reload, the ceiling with the room left, or the server's reason key in words), and the frame.
 */

/** What each decision form gets: the subsidy as the server last showed it, and where to announce. */
export interface DecisionFormProps {
  view: SubsidyView;
  announce: (text: string) => void;
}

/** Every view of this subsidy, its agreement and the regulations, fresh from the server after a decision. */
function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.subsidy.get.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.subsidy.regulations.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/**
 * A failed decision in words, from the server's reason key in the user's language: a stale version with a reload,
 * the ceiling with the room left now (Awb 4:25), or the reason itself.
 */
function FailureNotice({
  failure,
  view,
  onReload,
}: {
  failure: MutationErrorState;
  view: SubsidyView;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const regulation = view.regulation;
  const ceiling = failure.error?.reason === 'subsidy.ceilingExceeded';
  return (
    <div ref={failure.summaryRef} tabIndex={-1} className="regie-outcome" aria-live="polite">
      {failure.kind === 'conflict' ? (
        <Alert type="warning">
          <Paragraph>{t('subsidy.section.errors.conflict')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('subsidy.section.errors.reload')}
          </Button>
        </Alert>
      ) : failure.summary ? (
        <Alert type="error" data-testid={ceiling ? 'grant-refused' : undefined}>
          {ceiling ? (
            <Paragraph>
              <strong>{t('subsidy.section.grant.refused')}</strong>
            </Paragraph>
          ) : null}
          {ceiling && regulation && regulation.roomLeftCents !== null ? (
            <Paragraph data-testid="grant-room-left">
              {t('subsidy.section.grant.room', {
                name: regulation.name,
                room: formatMoney(regulation.roomLeftCents, locale),
              })}
            </Paragraph>
          ) : null}
          <Paragraph>{failure.summary}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * One decision (application, grant, advance, settlement) on the subsidy as `view` shows it: `send` gets the input
 * the form's schema built (agreement and version included); its outcome line and how it failed.
 */
export function useDecision<I>(
  view: SubsidyView,
  send: (input: I, options?: { context: { idempotencyKey: string } }) => Promise<SubsidyView>,
  done: (view: SubsidyView) => string,
  announce: (text: string) => void,
) {
  const { t } = useTranslation();
  const refresh = useRefresh(view.agreementId);
  const failure = useMutationError({
    // Said in the form's frame, not at a field: the fields were checked with the same schema before sending.
    fieldOf: () => undefined,
    messages: { forbidden: t('subsidy.section.errors.forbidden') },
    // Above the ceiling: show the room left as it is now, not as it was when the page loaded.
    onFailure: (described) => {
      if (described.reason === 'subsidy.ceilingExceeded') void refresh();
    },
  });
  const keys = useRef(idempotencyKeys());
  const mutation = useMutation({
    mutationFn: (input: I) => {
      const idempotencyKey = keys.current(input);
      return send(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (view) => {
      keys.current = idempotencyKeys();
      failure.reset();
      await refresh();
      announce(done(view));
    },
    onError: (error) => failure.onError(error),
  });
  const reload = async () => {
    failure.reset();
    await refresh();
  };
  return { mutation, failure, reload };
}

/**
 * The frame every decision form shares: its heading, how the last attempt failed, its fields and the submit button.
 * A submit while one is pending is ignored; otherwise the old failure is cleared before the form checks its fields
 * (react-hook-form with the API's schema) and sends them.
 */
export function DecisionForm<V extends FieldValues, I>({
  name,
  view,
  decision,
  form,
  appearance,
  children,
}: {
  /** Also names its texts: `subsidy.section.<name>.title` and `.submit`. */
  name: 'apply' | 'grant' | 'settle' | 'advance';
  view: SubsidyView;
  decision: ReturnType<typeof useDecision<I>>;
  form: UseFormReturn<V, unknown, I>;
  appearance: 'primary-action-button' | 'secondary-action-button';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `subsidy-${name}-heading`;
  const send = form.handleSubmit((input) => decision.mutation.mutate(input));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decision.mutation.isPending) return;
    decision.failure.reset();
    void send(event);
  }
  const general = useErrorText(form.formState.errors)('root');
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t(`subsidy.section.${name}.title`)}</Heading3>
      <FailureNotice failure={decision.failure} view={view} onReload={() => void decision.reload()} />
      {general ? <Alert type="error">{general}</Alert> : null}
      {children}
      <Button type="submit" appearance={appearance} busy={decision.mutation.isPending}>
        {t(`subsidy.section.${name}.submit`)}
      </Button>
    </form>
  );
}

/** A checkbox with its label after it (NL Design System "choice" layout), bound to its form field. */
export function CheckboxField({
  id,
  label,
  checked,
  field,
}: {
  id: string;
  label: string;
  checked: boolean;
  field: UseFormRegisterReturn;
}) {
  return (
    <FormField
      type="checkbox"
      className="regie-choice"
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      }
      input={<Checkbox id={id} appearance="html" {...field} />}
    />
  );
}
