import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { ConfirmDialog } from '../../ui/Dialog';
import { StatusLine } from '../../ui/StatusLine';
import type { FiledNotification } from './model';

type Action = 'acknowledge' | 'answer' | 'escalate';

/** After a step: this list, the escalations (one may have been opened), the dashboard, the audit trail. */
function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.escalation.list.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.steering.dashboard.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/**
 * The municipality's response to a pending notification: "Ontvangst bevestigen" (once) or "Beantwoorden", both
 * with a text; "Escaleren" asks first (ConfirmDialog), then turns it into an escalation in one step.
 */
export function RespondForm({ n, onDone }: { n: FiledNotification; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(n.agreementId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const failed = useMutationError({
    fieldOf: (path) => (path === 'text' ? 'text' : undefined),
    messages: { conflict: t('notifications.respond.conflict') },
  });
  const conflict = failed.kind === 'conflict';
  const keys = useRef(idempotencyKeys());
  const fieldId = `notification-${n.id}-text`;

  const step = useMutation({
    mutationKey: trpc.notification.respond.mutationKey(),
    mutationFn: async (action: Action) => {
      if (action === 'escalate') {
        const input = { agreementId: n.agreementId, notificationId: n.id, expectedVersion: n.version };
        const idempotencyKey = keys.current({ action, input });
        await client.notification.escalate.mutate(
          input,
          idempotencyKey ? { context: { idempotencyKey } } : undefined,
        );
        return action;
      }
      const input = {
        agreementId: n.agreementId,
        notificationId: n.id,
        expectedVersion: n.version,
        kind: action,
        text: text.trim(),
      };
      const idempotencyKey = keys.current(input);
      await client.notification.respond.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
      return action;
    },
    onSuccess: async (action) => {
      keys.current = idempotencyKeys();
      setText('');
      onDone(
        t(
          action === 'acknowledge'
            ? 'notifications.respond.acknowledged'
            : action === 'answer'
              ? 'notifications.respond.answered'
              : 'notifications.respond.escalated',
          { duty: n.dutyTitle },
        ),
      );
      await refresh();
    },
    onError: failed.onError,
  });

  function run(action: Action) {
    if (step.isPending) return;
    failed.reset();
    if (action !== 'escalate' && text.trim() === '') {
      setError(t('notifications.respond.required'));
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setError(undefined);
    step.mutate(action);
  }

  const textError = error ?? failed.fieldErrors.text;
  return (
    <form
      className="regie-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run('answer');
      }}
    >
      {conflict ? (
        <div ref={failed.summaryRef} tabIndex={-1} className="regie-error-summary">
          <Alert type="warning">
            <Paragraph>{t('notifications.respond.conflict')}</Paragraph>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                failed.reset();
                void refresh();
              }}
            >
              {t('notifications.respond.reload')}
            </Button>
          </Alert>
        </div>
      ) : null}
      <ErrorSummary
        title={t('notifications.respond.errorTitle')}
        general={!conflict && failed.summary ? [failed.summary] : []}
        fields={textError ? [{ id: fieldId, text: textError }] : []}
        summaryRef={failed.summaryRef}
      />
      <Field
        id={fieldId}
        label={t('notifications.respond.label', { duty: n.dutyTitle })}
        hint={t('notifications.respond.hint')}
        error={textError}
      >
        {(props) => (
          <Textarea
            {...props}
            name="text"
            rows={2}
            maxLength={4000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (error && e.target.value.trim() !== '') setError(undefined);
            }}
          />
        )}
      </Field>
      <StatusLine>{step.isPending ? t('app.loading') : null}</StatusLine>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
          {t('notifications.respond.answer')}
        </Button>
        {n.state === 'open' ? (
          <Button
            appearance="secondary-action-button"
            busy={step.isPending}
            onClick={() => run('acknowledge')}
          >
            {t('notifications.respond.acknowledge')}
          </Button>
        ) : null}
        <Button
          appearance="secondary-action-button"
          busy={step.isPending}
          onClick={() => setConfirming(true)}
        >
          {t('notifications.respond.escalate')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        open={confirming}
        title={t('notifications.respond.escalateTitle')}
        confirmLabel={t('notifications.respond.escalateConfirm')}
        onConfirm={() => {
          setConfirming(false);
          run('escalate');
        }}
        onCancel={() => setConfirming(false)}
        testId={`notification-escalate-dialog-${n.id}`}
      >
        <Paragraph>{t('notifications.respond.escalateText', { duty: n.dutyTitle })}</Paragraph>
      </ConfirmDialog>
    </form>
  );
}
