import { COLLAB_QUESTIONS, type CollabAnswers } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { type AppLocale, formatDateLong, formatDateTime } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { Definition, DefinitionList } from '../../ui/DefinitionList';
import { Hidden } from '../../ui/Fieldset';
import type { PartyChoice } from '../../ui/PartyField';
import { ScoreForm } from './DialogueForms';
import type { ActionDoneInput, Meeting, Side } from './model';

type Action = NonNullable<Meeting['actions']>[number];

/** "Afgerond": marks one agreed action done (its deadline goes), with the meeting's version seen. */
function DoneButton({
  m,
  action,
  index,
  onDone,
}: {
  m: Meeting;
  action: Action;
  index: number;
  onDone: (s: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({ messages: { forbidden: t('dialogue.errors.forbidden') } });
  const mark = useMutation({
    mutationKey: trpc.dialogue.actionDone.mutationKey(),
    mutationFn: (input: ActionDoneInput) => client.dialogue.actionDone.mutate(input),
    onSuccess: async () => {
      onDone(t('collaboration.actionDoneSaved', { text: action.text }));
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: trpc.dialogue.list.queryKey({ agreementId: m.agreementId }),
        }),
        queryClient.invalidateQueries({ queryKey: trpc.deadline.upcoming.queryKey() }),
      ]);
    },
    onError: failed.onError,
  });
  return (
    <>
      {' '}
      <Button
        appearance="subtle-button"
        busy={mark.isPending}
        onClick={() =>
          mark.mutate({
            agreementId: m.agreementId,
            meetingId: m.id,
            actionIndex: index,
            expectedVersion: m.version,
          })
        }
      >
        {t('collaboration.markDone')}
        <Hidden>{t('collaboration.markDoneHidden', { text: action.text })}</Hidden>
      </Button>
      <div ref={failed.summaryRef} tabIndex={-1} role="alert">
        {failed.summary}
      </div>
    </>
  );
}

/** A side's score in words, with its four answers where it gave them. */
function ScoreText({ score, answers }: { score: number | undefined; answers?: CollabAnswers }) {
  const { t } = useTranslation();
  if (score === undefined) return <em>{t('dialogue.noScore')}</em>;
  const detail = answers
    ? ` (${COLLAB_QUESTIONS.map((q) => t('collaboration.answersValue', { question: t(`collaboration.questions.${q}`), value: answers[q] })).join(' · ')})`
    : '';
  return <>{`${t('dialogue.scoreValue', { score })}${detail}`}</>;
}

export function MeetingItem({
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
  const partyScore = (party: string | undefined) =>
    party === undefined ? m.partyScores?.[0] : m.partyScores?.find((s) => s.party === party);
  return (
    <article className="regie-subsection" aria-labelledby={headingId} data-testid={`meeting-${m.id}`}>
      <h3 className="regie-subheading" id={headingId}>
        {t('dialogue.meetingTitle', {
          kind: t(`dialogue.kinds.${m.kind}`),
          date: formatDateLong(m.date, locale),
        })}
      </h3>
      <DefinitionList>
        {/* A provider sees a meeting the municipality recorded without its participants and notes. */}
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
                {m.actions.map((a, position) => {
                  // A provider's view numbers the actions it sees by their stored position.
                  const index = a.index ?? position;
                  const owner = a.side
                    ? `${a.owner} ${t('collaboration.actionOwnerSide', { side: t(`collaboration.actionSide.${a.side}`) })}`
                    : a.owner;
                  return (
                    <li key={index}>
                      {a.due
                        ? t('dialogue.actionDue', { text: a.text, owner, due: formatDateLong(a.due, locale) })
                        : t('dialogue.action', { text: a.text, owner })}
                      {a.done ? (
                        <>
                          {' '}
                          — <strong>{t('collaboration.actionDone')}</strong>
                        </>
                      ) : canAct ? (
                        <DoneButton m={m} action={a} index={index} onDone={onDone} />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </Definition>
        ) : null}
        {side === 'municipality' ? (
          <>
            <Definition label={t('dialogue.scoreMunicipality')} testId={`meeting-${m.id}-score-municipality`}>
              <ScoreText score={m.scores.municipality} answers={m.answers?.municipality} />
            </Definition>
            {/* Each provider party's own score: by name where the agreement has several parties. */}
            {parties.length > 1 ? (
              parties.map((p) => (
                <Definition
                  key={p.party}
                  label={t('parties.score', { party: p.partyName })}
                  testId={`meeting-${m.id}-score-${p.party}`}
                >
                  <ScoreText score={partyScore(p.party)?.score} answers={partyScore(p.party)?.answers} />
                </Definition>
              ))
            ) : (
              <Definition label={t('dialogue.scoreProvider')} testId={`meeting-${m.id}-score-provider`}>
                <ScoreText score={partyScore(undefined)?.score} answers={partyScore(undefined)?.answers} />
              </Definition>
            )}
          </>
        ) : (
          <Definition label={t('dialogue.scoreProvider')} testId={`meeting-${m.id}-score-provider`}>
            <ScoreText score={m.scores.provider} answers={m.answers?.provider} />
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
