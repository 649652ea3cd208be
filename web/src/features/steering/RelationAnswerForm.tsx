import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, Textarea } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import { reasonError } from '../../lib/steering/confirm';
import { useTRPC } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';

/** "Bevestigen" and "Wijziging vragen" (with a reason) for the round the party sees. */
export function RelationAnswerForm({ agreementId, round }: { agreementId: string; round: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const failed = useMutationError({ fieldOf: (path) => (path === 'reason' ? path : undefined) });
  const fieldId = `relation-${agreementId}-reason`;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.steering.partyView.queryKey({ agreementId }) });

  const confirm = useMutation(
    trpc.steering.confirm.mutationOptions({
      onSuccess: async () => {
        setDone(t('relation.confirmed'));
        await refresh();
      },
      onError: failed.onError,
    }),
  );
  const askChange = useMutation(
    trpc.steering.askChange.mutationOptions({
      onSuccess: async () => {
        setDone(t('relation.changeAsked'));
        setAsking(false);
        setReason('');
        await refresh();
      },
      onError: failed.onError,
    }),
  );
  const busy = confirm.isPending || askChange.isPending;

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    failed.reset();
    setDone(null);
    const problem = reasonError(reason);
    if (problem) {
      setError(t(`relation.errors.${problem}`));
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setError(undefined);
    askChange.mutate({ agreementId, round, reason: reason.trim() });
  }

  const reasonProblem = error ?? failed.fieldErrors.reason;
  return (
    <div data-testid="relation-answer">
      {done ? (
        <Alert type="ok">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        title={t('relation.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={reasonProblem ? [{ id: fieldId, text: reasonProblem }] : []}
        summaryRef={failed.summaryRef}
      />
      <StatusLine>{busy ? t('app.loading') : null}</StatusLine>
      {asking ? (
        <form className="regie-form" noValidate onSubmit={send}>
          <Field
            id={fieldId}
            label={t('relation.reason')}
            hint={t('relation.reasonHint')}
            error={reasonProblem}
          >
            {(props) => (
              <Textarea
                {...props}
                name="reason"
                rows={4}
                required
                value={reason}
                onChange={(ev) => {
                  setReason(ev.target.value);
                  if (error && !reasonError(ev.target.value)) setError(undefined);
                }}
              />
            )}
          </Field>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={askChange.isPending}>
              {t('relation.send')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setAsking(false);
                setError(undefined);
                failed.reset();
              }}
            >
              {t('relation.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            busy={confirm.isPending}
            onClick={() => {
              if (busy) return;
              failed.reset();
              setDone(null);
              confirm.mutate({ agreementId, round });
            }}
          >
            {t('relation.confirm')}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setDone(null);
              setAsking(true);
              focusSoon(() => document.getElementById(fieldId));
            }}
          >
            {t('relation.askChange')}
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}
