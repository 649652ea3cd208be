import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../lib/agreements/model';
import { today } from '../../lib/escalations/model';
import { type AppLocale, formatDateLong } from '../../lib/format';
import { levelLabel } from '../../lib/steering/labels';
import { useTRPC } from '../../lib/trpc';
import { CockpitItem, useQueryState } from './CockpitItem';
import { dueCounts, type LatestScores, openEscalations } from './cockpit-model';

/** "Te laat" in words, set apart visually as well: never colour alone. */
export function Late({ count }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <strong className="regie-badge regie-badge--late">
      {count === undefined ? t('reports.late') : t('cockpit.dutiesLate', { count })}
    </strong>
  );
}

/** Open information duties: the expected reports (a provider: its own party's), late ones counted apart. */
export function CockpitDuties({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const state = useQueryState();
  const party = a.view !== 'internal';
  // The same query as the next deadline above: read once.
  const dues = useQuery(trpc.report.due.queryOptions({ agreementId: a.id, limit: 100 }));
  const counts = dues.data ? dueCounts(dues.data) : null;
  return (
    <CockpitItem id="duties" href="#duties" label={party ? t('cockpit.dutiesParty') : t('cockpit.duties')}>
      {state(dues) ??
        (counts && counts.open > 0 ? (
          <>
            {t('cockpit.dutiesOpen', { count: counts.open })}
            {counts.overdue > 0 ? (
              <>
                {' '}
                <Late count={counts.overdue} />
              </>
            ) : null}
          </>
        ) : party ? (
          t('cockpit.noDutiesParty')
        ) : (
          t('cockpit.noDuties')
        ))}
    </CockpitItem>
  );
}

/** Open escalations (a provider: those about its own party, as the API filters), the most urgent named. */
export function CockpitEscalations({
  agreementId,
  party,
  locale,
}: {
  agreementId: string;
  party: boolean;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const state = useQueryState();
  // The same query as the escalations section below: read once.
  const list = useQuery(trpc.escalation.list.queryOptions({ agreementId }));
  const summary = list.data ? openEscalations(list.data, today()) : null;
  const first = summary?.open[0];
  return (
    <CockpitItem
      id="escalations"
      href="#escalations"
      label={party ? t('cockpit.escalationsParty') : t('cockpit.escalations')}
    >
      {state(list) ??
        (summary && first ? (
          <>
            {t('cockpit.escalationsOpen', { count: summary.open.length })}
            {summary.overdue > 0 ? (
              <>
                {' '}
                <strong className="regie-badge regie-badge--late">
                  {t('cockpit.escalationsLate', { count: summary.overdue })}
                </strong>
              </>
            ) : null}
            <br />
            {t('cockpit.escalationFirst', {
              subject: first.subject,
              level: levelLabel(t, first.ladder[first.level]?.level ?? String(first.level + 1)),
              deadline: first.deadline
                ? t('cockpit.escalationDeadline', { date: formatDateLong(first.deadline, locale) })
                : '',
            })}
          </>
        ) : (
          t('cockpit.noEscalations')
        ))}
    </CockpitItem>
  );
}

/** The latest meeting's trust scores: the municipality's and each party's, or a provider's own. */
export function ScoresText({ scores, locale }: { scores: LatestScores; locale: AppLocale }) {
  const { t } = useTranslation();
  const parts = [
    ...(scores.municipality !== undefined
      ? [t('cockpit.trustMunicipality', { score: scores.municipality })]
      : []),
    ...scores.parties.map((p) => t('cockpit.trustParty', { party: p.partyName, score: p.score })),
    ...(scores.provider !== undefined ? [t('cockpit.trustOwn', { score: scores.provider })] : []),
  ];
  return (
    <>
      {parts.join(', ')}
      <br />
      <span className="regie-hint">
        {t('cockpit.trustDate', { date: formatDateLong(scores.date, locale) })}
      </span>
    </>
  );
}
