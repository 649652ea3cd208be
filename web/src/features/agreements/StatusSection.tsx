import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusLabel, transitionLabel } from '../../lib/agreements/labels';
import type { AgreementStatus, InternalAgreement } from '../../lib/agreements/model';
import { Field, focusSoon } from '../../lib/form';
import { formatDateLong, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { monthsText } from './present';
import { ShareControl } from './ShareControl';

const NOTE_MAX = 1000;

/** Moves that end or undo an agreement's course are offered as secondary actions, never as the obvious next step. */
const ENDING: readonly AgreementStatus[] = ['draft', 'terminated', 'expired', 'refused', 'withdrawn'];

type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'conflict' }
  | { kind: 'error'; text: string; reason?: string };

/** After a change: every view of this agreement is refreshed from the server. */
export function useAgreementRefresh(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (next?: InternalAgreement) => {
    if (next) queryClient.setQueryData(trpc.agreement.get.queryKey({ id }), next);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id }), refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.versions.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id }) }),
    ]);
  };
}

/**
 * The agreement's status, a button per move the caller may make now (the server's `transitions`), an optional
 * note that goes into the audit trail, and "Verlengen" while renewal options remain. A stale version (someone
 * else changed it meanwhile) is said plainly, with a button to load the latest.
 */
export function StatusSection({ a, canRenew }: { a: InternalAgreement; canRenew: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = useAgreementRefresh(a.id);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [keyFor] = useState(idempotencyKeys);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // A refused move says why in the page's language (no renewal option left, the mandate); a stale version
  // offers to load the latest.
  const refusal = useMutationError({
    fieldOf: () => undefined,
    messages: { forbidden: t('status.forbidden') },
  });
  const failed = (error: unknown, generic: string) =>
    refusal.handle(error, {
      onFailure: ({ kind, summary }) => {
        if (kind === 'conflict') setOutcome({ kind: 'conflict' });
        else if (kind === 'forbidden') setOutcome({ kind: 'error', text: summary });
        // What failed, then why, from the server's reason key.
        else setOutcome({ kind: 'error', text: generic, reason: summary });
        focusSoon(() => outcomeRef.current);
      },
    });

  const move = useMutation({
    mutationFn: (to: AgreementStatus) => {
      const input = {
        id: a.id,
        expectedVersion: a.version,
        to,
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      const idempotencyKey = keyFor(input);
      return client.agreement.transition.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (next) => {
      setNote('');
      setOutcome({ kind: 'done', text: t('status.moved', { status: statusLabel(t, next.status) }) });
      await refresh(next);
      focusSoon(() => outcomeRef.current);
    },
    onError: (error) => failed(error, t('status.moveFailed')),
  });

  const renew = useMutation({
    mutationFn: () => {
      const input = { id: a.id, expectedVersion: a.version };
      const idempotencyKey = keyFor({ renew: input });
      return client.agreement.renew.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (next) => {
      setOutcome({ kind: 'done', text: t('status.renewed', { date: formatDateLong(next.endDate, locale) }) });
      await refresh(next);
      focusSoon(() => outcomeRef.current);
    },
    onError: (error) => failed(error, t('status.renewFailed')),
  });

  async function reload() {
    await queryClient.refetchQueries({ queryKey: trpc.agreement.get.queryKey({ id: a.id }) });
    await refresh();
    setOutcome({ kind: 'done', text: t('status.reloaded') });
    focusSoon(() => outcomeRef.current);
  }

  const busy = move.isPending || renew.isPending;
  const renewal = a.renewal;
  const renewable = canRenew && a.status === 'active' && renewal !== null && renewal.used < renewal.options;

  return (
    <Section id="status" title={t('agreementDetail.sections.status')}>
      <Paragraph>
        {t('status.current')} <strong data-testid="current-status">{statusLabel(t, a.status)}</strong>
      </Paragraph>

      <div ref={outcomeRef} tabIndex={-1} className="regie-outcome" aria-live="polite">
        {outcome?.kind === 'done' ? <Paragraph>{outcome.text}</Paragraph> : null}
        {outcome?.kind === 'error' ? (
          <Alert type="error">
            <Paragraph>{outcome.text}</Paragraph>
            {outcome.reason ? <Paragraph data-testid="status-reason">{outcome.reason}</Paragraph> : null}
          </Alert>
        ) : null}
        {outcome?.kind === 'conflict' ? (
          <Alert type="warning">
            <Paragraph>{t('agreementForm.conflict')}</Paragraph>
            <Button appearance="secondary-action-button" onClick={() => void reload()}>
              {t('agreementForm.reload')}
            </Button>
          </Alert>
        ) : null}
      </div>

      {a.transitions.length > 0 ? (
        <div className="regie-status-actions">
          <Field
            id="transition-note"
            label={`${t('status.noteLabel')} ${t('agreementForm.optional')}`}
            hint={t('status.noteHint')}
            error={note.length > NOTE_MAX ? t('status.noteTooLong') : undefined}
          >
            {(props) => (
              <Textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <ButtonGroup>
            {a.transitions.map((to, i) => (
              <Button
                key={to}
                appearance={
                  i === a.transitions.findIndex((move) => !ENDING.includes(move))
                    ? 'primary-action-button'
                    : 'secondary-action-button'
                }
                busy={move.isPending && move.variables === to}
                disabled={busy || note.length > NOTE_MAX}
                onClick={() => move.mutate(to)}
              >
                {transitionLabel(t, to)}
              </Button>
            ))}
          </ButtonGroup>
        </div>
      ) : (
        <Paragraph className="regie-hint">{t('status.noMoves')}</Paragraph>
      )}

      {renewable && renewal ? (
        <div className="regie-status-actions">
          <Paragraph id="renew-hint">
            {t('status.renewHint', {
              left: renewal.options - renewal.used,
              each: monthsText(t, renewal.monthsEach),
            })}
          </Paragraph>
          <Button
            appearance="secondary-action-button"
            aria-describedby="renew-hint"
            busy={renew.isPending}
            disabled={busy}
            onClick={() => renew.mutate()}
          >
            {t('status.renew')}
          </Button>
        </div>
      ) : null}
      {canRenew ? <ShareControl a={a} /> : null}
    </Section>
  );
}
