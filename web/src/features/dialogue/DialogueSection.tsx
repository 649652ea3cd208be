import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isProviderUser, type Me } from '../../lib/agreements/model';
import { localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import type { PartyChoice } from '../../ui/PartyField';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { CollaborationTrend } from './CollaborationTrend';
import { RecordForm } from './DialogueForms';
import { MeetingItem } from './MeetingItem';
import { canTalk, type Side } from './model';

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
      <CollaborationTrend agreementId={agreementId} side={side} />
    </Section>
  );
}
