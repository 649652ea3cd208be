import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isProviderUser, type Me } from '../../lib/agreements/model';
import { type AppLocale, formatDateLong, formatDateTime, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Definition, DefinitionList } from '../../ui/DefinitionList';
import type { PartyChoice } from '../../ui/PartyField';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { RecordForm, ScoreForm } from './DialogueForms';
import { canTalk, type Meeting, type Side } from './model';

function MeetingItem({
  m,
  locale,
  side,
  parties,
  canAct,
  onDone,
}: {
  m: Meeting;
  locale: AppLocale;
  side: Side;
  parties: readonly PartyChoice[];
  canAct: boolean;
  onDone: (s: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `meeting-${m.id}-heading`;
  const score = (value: number | undefined) =>
    value === undefined ? <em>{t('dialogue.noScore')}</em> : t('dialogue.scoreValue', { score: value });
  return (
    <article className="regie-subsection" aria-labelledby={headingId} data-testid={`meeting-${m.id}`}>
      <h3 className="regie-subheading" id={headingId}>
        {t('dialogue.meetingTitle', {
          kind: t(`dialogue.kinds.${m.kind}`),
          date: formatDateLong(m.date, locale),
        })}
      </h3>
      <DefinitionList>
        {/* A provider sees a meeting the municipality recorded without its participants, notes and actions. */}
        {m.participants ? (
          <Definition label={t('dialogue.participants')}>{m.participants.join(', ')}</Definition>
        ) : null}
        {m.notes ? (
          <Definition label={t('dialogue.notes')}>
            <span className="regie-multiline">{m.notes}</span>
          </Definition>
        ) : null}
        {m.actions ? (
          <Definition label={t('dialogue.actions')}>
            {m.actions.length === 0 ? (
              <em>{t('dialogue.noActions')}</em>
            ) : (
              <ul className="regie-list">
                {m.actions.map((a) => (
                  <li key={`${a.text}-${a.owner}`}>
                    {a.due
                      ? t('dialogue.actionDue', {
                          text: a.text,
                          owner: a.owner,
                          due: formatDateLong(a.due, locale),
                        })
                      : t('dialogue.action', { text: a.text, owner: a.owner })}
                  </li>
                ))}
              </ul>
            )}
          </Definition>
        ) : null}
        {side === 'municipality' ? (
          <>
            <Definition label={t('dialogue.scoreMunicipality')} testId={`meeting-${m.id}-score-municipality`}>
              {score(m.scores.municipality)}
            </Definition>
            {/* Each provider party's own score: by name where the agreement has several parties. */}
            {parties.length > 1 ? (
              parties.map((p) => (
                <Definition
                  key={p.party}
                  label={t('parties.score', { party: p.partyName })}
                  testId={`meeting-${m.id}-score-${p.party}`}
                >
                  {score(m.partyScores?.find((s) => s.party === p.party)?.score)}
                </Definition>
              ))
            ) : (
              <Definition label={t('dialogue.scoreProvider')} testId={`meeting-${m.id}-score-provider`}>
                {score(m.partyScores?.[0]?.score)}
              </Definition>
            )}
          </>
        ) : (
          <Definition label={t('dialogue.scoreProvider')} testId={`meeting-${m.id}-score-provider`}>
            {score(m.scores.provider)}
          </Definition>
        )}
      </DefinitionList>
      {m.recordedBy && m.recordedAt ? (
        <Paragraph>
          {t('dialogue.recordedBy', {
            by: m.recordedByName ?? m.recordedBy,
            at: formatDateTime(m.recordedAt, locale),
          })}
        </Paragraph>
      ) : null}
      {canAct && m.scores[side] === undefined ? <ScoreForm m={m} onDone={onDone} /> : null}
    </article>
  );
}

/**
 * "Overleg en evaluatie" on the agreement page, for both sides (SPEC §4.7): meetings newest first with
 * participants, actions and both sides' trust scores in words; either side records a meeting, and the other
 * side gives its score.
 */
export function DialogueSection({
  agreementId,
  parties,
  me,
}: {
  agreementId: string;
  parties: readonly PartyChoice[];
  me: Me | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const list = useQuery(trpc.dialogue.list.queryOptions({ agreementId }));
  const { announce, outcome } = useOutcome('dialogue-outcome');
  const canAct = canTalk(me);
  const side: Side = isProviderUser(me) ? 'provider' : 'municipality';
  const rows = list.data ?? [];
  const done = announce;
  return (
    <Section id="dialogue" title={t('dialogue.title')}>
      <Paragraph>{t('dialogue.intro')}</Paragraph>
      <QueryState
        query={list}
        count={rows.length}
        loading={t('dialogue.loading')}
        error={t('dialogue.error')}
        empty={t('dialogue.none')}
      />
      {outcome}
      {rows.map((m) => (
        <MeetingItem
          key={m.id}
          m={m}
          locale={locale}
          side={side}
          parties={parties}
          canAct={canAct}
          onDone={done}
        />
      ))}
      {canAct ? <RecordForm agreementId={agreementId} onDone={done} /> : null}
    </Section>
  );
}
