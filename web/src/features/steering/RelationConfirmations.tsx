import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, ErrorSummary, Field, focusSoon } from '../../lib/form';
import { type AppLocale, formatDateTime } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import {
  type ConfirmationOverview,
  decisionRefError,
  type PartyConfirmation,
  stateBadgeClass,
} from '../../lib/steering/confirm';
import { useTRPC } from '../../lib/trpc';
import { AnswerText, RelationHistory } from './RelationHistory';

/** The municipality records the board's confirmation for a party without users of its own. */
function RecordForm({
  agreementId,
  round,
  party,
}: {
  agreementId: string;
  round: number;
  party: PartyConfirmation;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [decisionRef, setDecisionRef] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<{ decisionRef?: string; date?: string }>({});
  const [done, setDone] = useState(false);
  const failed = useMutationError({
    fieldOf: (path) => (path === 'decisionRef' || path === 'date' ? path : undefined),
  });
  const ids = { decisionRef: `record-${party.party}-ref`, date: `record-${party.party}-date` };
  const record = useMutation(
    trpc.steering.recordConfirmation.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        setDecisionRef('');
        setDate('');
        await queryClient.invalidateQueries({ queryKey: trpc.steering.get.queryKey({ agreementId }) });
      },
      onError: failed.onError,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    failed.reset();
    setDone(false);
    const refProblem = decisionRefError(decisionRef);
    const next = {
      ...(refProblem ? { decisionRef: t(`relation.errors.${refProblem}`) } : {}),
      ...(date ? {} : { date: t('relation.errors.dateRequired') }),
    };
    setErrors(next);
    if (next.decisionRef || next.date) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    record.mutate({ agreementId, round, party: party.party, decisionRef: decisionRef.trim(), date });
  }

  const refError = errors.decisionRef ?? failed.fieldErrors.decisionRef;
  const dateError = errors.date ?? failed.fieldErrors.date;
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${ids.decisionRef}-title`}>
      <h4 className="regie-subheading" id={`${ids.decisionRef}-title`}>
        {t('relation.recordTitle', { party: party.partyName })}
      </h4>
      <Paragraph>{t('relation.recordIntro', { party: party.partyName })}</Paragraph>
      {done ? (
        <Alert type="ok">
          <Paragraph>{t('relation.recorded', { party: party.partyName })}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        title={t('relation.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={[
          ...(refError ? [{ id: ids.decisionRef, text: refError }] : []),
          ...(dateError ? [{ id: ids.date, text: dateError }] : []),
        ]}
        summaryRef={failed.summaryRef}
      />
      <Field
        id={ids.decisionRef}
        label={t('relation.decisionRef')}
        hint={t('relation.decisionRefHint')}
        error={refError}
      >
        {(props) => (
          <Textbox
            {...props}
            name="decisionRef"
            value={decisionRef}
            onChange={(e) => setDecisionRef(e.target.value)}
          />
        )}
      </Field>
      <DateField
        id={ids.date}
        label={t('relation.decisionDate')}
        error={dateError}
        value={date}
        onChange={setDate}
      />
      <Button type="submit" appearance="primary-action-button" busy={record.isPending}>
        {t('relation.record')}
      </Button>
    </form>
  );
}

/**
 * Per party of the agreement: its state in the current round (Voorgesteld / Bevestigd door aanbieder / Wijziging
 * gevraagd) with its last answer, the history of answers and re-openings, and for a party without users the form
 * to record its board's confirmation.
 */
export function RelationConfirmations({
  agreementId,
  confirmation,
  decided,
  canRecord,
  locale,
}: {
  agreementId: string;
  confirmation: ConfirmationOverview;
  decided: boolean;
  canRecord: boolean;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  // Nothing decided and nothing answered yet: the section already says no relation was designed.
  if (!decided && confirmation.answers.length === 0 && confirmation.rounds.length === 0) return null;
  return (
    <div data-testid="relation-confirmations">
      <h3 className="regie-subheading">{t('relation.partiesTitle')}</h3>
      {!decided ? (
        <Paragraph className="regie-empty">{t('relation.partiesNone')}</Paragraph>
      ) : (
        <ul className="regie-plain-list">
          {confirmation.parties.map((p) => (
            <li key={p.party} data-testid={`relation-party-${p.party}`}>
              <strong>{p.partyName}</strong>:{' '}
              <span className={stateBadgeClass(p.state)}>
                {p.state === 'confirmed' && p.answer?.onBehalf
                  ? t('relation.byBoard')
                  : t(`relation.states.${p.state}`)}
              </span>{' '}
              ({t('relation.round', { round: p.round })})
              {p.answer ? (
                <>
                  <br />
                  {t('relation.lastAnswer')}: <AnswerText answer={p.answer} locale={locale} />,{' '}
                  {formatDateTime(p.answer.at, locale)}
                  {p.answer.reason ? (
                    <>
                      <br />
                      <span className="regie-multiline">{p.answer.reason}</span>
                    </>
                  ) : null}
                </>
              ) : null}
              {!p.portal && canRecord && p.state !== 'confirmed' ? (
                <RecordForm agreementId={agreementId} round={confirmation.round} party={p} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <RelationHistory
        answers={confirmation.answers}
        rounds={confirmation.rounds}
        locale={locale}
        withParty
      />
    </div>
  );
}
