import { useTranslation } from 'react-i18next';
import { type AppLocale, formatDateLong, formatDateTime } from '../../lib/format';
import type { RelationAnswer } from '../../lib/steering/confirm';
import { relationTypeLabel } from '../../lib/steering/labels';

type Round = { round: number; chosen: string | null; by: string; byName?: string; at: string };

/** A party's answer in words: its state, or the board's decision recorded on its behalf. */
export function AnswerText({ answer, locale }: { answer: RelationAnswer; locale: AppLocale }) {
  const { t } = useTranslation();
  return answer.onBehalf
    ? t('relation.boardConfirmed', {
        ref: answer.onBehalf.decisionRef,
        date: formatDateLong(answer.onBehalf.date, locale),
      })
    : t(`relation.states.${answer.state}`);
}

/** Every answer and every re-opening, oldest first, as one list. */
export function RelationHistory({
  answers,
  rounds = [],
  locale,
  withParty,
}: {
  answers: readonly RelationAnswer[];
  rounds?: readonly Round[];
  locale: AppLocale;
  withParty: boolean;
}) {
  const { t } = useTranslation();
  const events = [
    ...rounds.map((r) => ({ at: r.at, key: `round-${r.round}`, round: r })),
    ...answers.map((a) => ({ at: a.at, key: `answer-${a.party}-${a.at}`, answer: a })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (events.length === 0) return null;
  return (
    <>
      <h4 className="regie-subheading">{t('relation.history')}</h4>
      <ul className="regie-plain-list" data-testid="relation-history">
        {events.map((event) => {
          const when = formatDateTime(event.at, locale);
          if ('round' in event && event.round) {
            const r = event.round;
            const by = r.byName ?? r.by;
            return (
              <li key={event.key}>
                {r.chosen
                  ? t('relation.reopened', { when, round: r.round, type: relationTypeLabel(t, r.chosen), by })
                  : t('relation.withdrawn', { when, round: r.round, by })}
              </li>
            );
          }
          const a = (event as { answer: RelationAnswer }).answer;
          return (
            <li key={event.key}>
              {withParty ? `${a.partyName}: ` : null}
              {t('relation.historyLine', {
                when,
                round: a.round,
                state: a.onBehalf
                  ? t('relation.boardConfirmed', {
                      ref: a.onBehalf.decisionRef,
                      date: formatDateLong(a.onBehalf.date, locale),
                    })
                  : t(`relation.states.${a.state}`),
                by: a.byName ?? a.by,
              })}
              {a.reason ? (
                <>
                  <br />
                  <span className="regie-multiline">{a.reason}</span>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
