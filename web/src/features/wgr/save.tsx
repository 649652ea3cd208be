import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, type Ref, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, focusSoon } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import type { WgrView } from './model';

/** How the calendar's two forms save: the mutation, the conflict with a reload, the error summary, the frame. */

/** After a save: show what the server answered, and refresh the audit trail that recorded it. */
function useSaved(agreementId: string, year: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (view: WgrView) => {
    queryClient.setQueryData(trpc.wgr.get.queryKey({ agreementId, year }), view);
    await queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) });
  };
}

function Conflict({ onReload, conflictRef }: { onReload: () => void; conflictRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div ref={conflictRef} tabIndex={-1} className="regie-error-summary">
      <Alert type="warning">
        <Paragraph>{t('wgr.conflict')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={onReload}>
          {t('wgr.reload')}
        </Button>
      </Alert>
    </div>
  );
}

/**
 * One save of the calendar: the mutation (with its idempotency key), what it tells on success, and how it failed —
 * a stale version as a conflict with a reload, anything else in the error summary.
 */
export function useWgrSave<I>(
  view: WgrView,
  mutationKey: readonly unknown[],
  send: (input: I, options?: { context: { idempotencyKey: string } }) => Promise<WgrView>,
  done: (result: WgrView, input: I) => string,
  onDone: (text: string) => void,
) {
  const { t } = useTranslation();
  const saved = useSaved(view.agreementId, view.year);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The server's refusal from its reason key, in the user's language; a stale version as a conflict with a reload.
  const failure = useMutationError({
    fieldOf: () => undefined,
    messages: { forbidden: t('wgr.errors.forbidden'), notFound: t('agreementDetail.notFound') },
    onConflict: () => focusSoon(() => conflictRef.current),
  });
  const keys = useRef(idempotencyKeys());
  const mutation = useMutation({
    mutationKey,
    mutationFn: (input: I) => {
      const idempotencyKey = keys.current(input);
      return send(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (result, input) => {
      keys.current = idempotencyKeys();
      failure.reset();
      onDone(done(result, input));
      await saved(result);
    },
    onError: (error) => failure.onError(error),
  });
  const conflict = failure.kind === 'conflict';
  const general = failure.summary && !conflict ? [failure.summary] : [];
  return { mutation, general, conflict, reset: failure.reset, summaryRef: failure.summaryRef, conflictRef };
}

/**
 * The frame both calendar forms share: heading, intro, the conflict notice, the error summary, the fields, a busy
 * line and the submit button. A submit while one is pending is ignored; otherwise the last failure is cleared before
 * `onSubmit` checks the fields.
 */
export function WgrForm({
  name,
  title,
  intro,
  save,
  fields,
  onSubmit,
  onReload,
  submitLabel,
  children,
}: {
  name: 'plan' | 'opinion';
  title: string;
  intro: string;
  save: Omit<ReturnType<typeof useWgrSave>, 'mutation'> & { mutation: { isPending: boolean } };
  fields: { id: string; text: string }[];
  /** Checks the fields (react-hook-form with the API's schema) and sends them. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onReload: () => void;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `wgr-${name}-heading`;
  const pending = save.mutation.isPending;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    save.reset();
    onSubmit(event);
  }
  return (
    <section className="regie-subsection" aria-labelledby={headingId}>
      <h3 className="regie-subheading" id={headingId}>
        {title}
      </h3>
      <Paragraph>{intro}</Paragraph>
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
        {save.conflict ? (
          <Conflict
            conflictRef={save.conflictRef}
            onReload={() => {
              save.reset();
              onReload();
            }}
          />
        ) : null}
        <ErrorSummary
          title={t('wgr.errorTitle')}
          general={save.general}
          fields={fields}
          summaryRef={save.summaryRef}
        />
        {children}
        <StatusLine>{pending ? t('app.loading') : null}</StatusLine>
        <Button type="submit" appearance="primary-action-button" busy={pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
