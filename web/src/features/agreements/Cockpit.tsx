import { useQuery } from '@tanstack/react-query';
import { DataList, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { statusLabel, transitionLabel } from '../../lib/agreements/labels';
import {
  type Agreement,
  type AgreementStatus,
  type InternalAgreement,
  providerPartiesOf,
} from '../../lib/agreements/model';
import { agreementYears, defaultYear } from '../../lib/budget/model';
import {
  type AppLocale,
  formatDateLong,
  formatMoney,
  formatNumber,
  formatPercent,
  localeFor,
} from '../../lib/format';
import { periodLabel } from '../../lib/reports/model';
import { relationTypeLabel } from '../../lib/steering/labels';
import { useTRPC } from '../../lib/trpc';
import { CockpitItem, useQueryState } from './CockpitItem';
import { CockpitDuties, CockpitEscalations, Late, ScoresText } from './CockpitSignals';
import { hasEnded, highestVolumeUse, latestScores, nextDeadline, noticeDate } from './cockpit-model';

/** Today as `YYYY-MM-DD` in UTC, the way the API decides a report is overdue. */
const todayIso = () => new Date().toISOString().slice(0, 10);

function StatusItem({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const internal = a.view === 'internal' ? a : null;
  return (
    <CockpitItem id="status" href={internal ? '#status' : '#terms'} label={t('cockpit.status')}>
      <strong>{statusLabel(t, a.status)}</strong>
      {internal ? (
        <>
          <br />
          {internal.transitions.length > 0
            ? t('cockpit.moves', {
                moves: internal.transitions.map((to) => transitionLabel(t, to)).join(', '),
              })
            : t('cockpit.noMoves')}
        </>
      ) : null}
    </CockpitItem>
  );
}

function DeadlineItem({ a, locale }: { a: Agreement; locale: AppLocale }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const state = useQueryState();
  const dues = useQuery(trpc.report.due.queryOptions({ agreementId: a.id, limit: 100 }));
  const next = dues.data
    ? nextDeadline({
        dues: dues.data,
        endDate: a.endDate,
        noticeDate: noticeDate(a.endDate, a.noticePeriodMonths),
        today: todayIso(),
        ended: hasEnded(a.status as AgreementStatus),
      })
    : null;
  let text: ReactNode = state(dues) ?? t('cockpit.noDeadline');
  if (next?.kind === 'report') {
    const { due } = next;
    const values = {
      duty: due.dutyTitle,
      period: periodLabel(t, locale, due.period),
      date: formatDateLong(next.date, locale),
    };
    text =
      // Whose report it is matters only where several providers each owe their own.
      due.partyName && providerPartiesOf(a).length > 1
        ? t('cockpit.deadlineReportParty', { ...values, party: due.partyName })
        : t('cockpit.deadlineReport', values);
  } else if (next?.kind === 'notice')
    text = t('cockpit.deadlineNotice', { date: formatDateLong(next.date, locale) });
  else if (next?.kind === 'end') text = t('cockpit.deadlineEnd', { date: formatDateLong(next.date, locale) });
  return (
    <CockpitItem
      id="deadline"
      href={next?.kind === 'report' ? '#duties' : '#terms'}
      label={t('cockpit.deadline')}
    >
      {next?.overdue ? (
        <>
          <Late />{' '}
        </>
      ) : null}
      {text}
    </CockpitItem>
  );
}

function SpendItems({ a, locale }: { a: InternalAgreement; locale: AppLocale }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const state = useQueryState();
  // The same query (and year) as the budget section below, so it is read once.
  const year = defaultYear(agreementYears(a.startDate, a.endDate));
  const budget = useQuery(trpc.budget.get.queryOptions({ agreementId: a.id, year }));
  const spend = a.budget;
  const volume = budget.data ? highestVolumeUse(budget.data.lines) : null;
  return (
    <>
      {spend && a.valueCeilingCents !== null ? (
        <CockpitItem id="spend" href="#budget" label={t('cockpit.spend')}>
          {t('cockpit.spendValue', {
            spent: formatMoney(spend.spentCents, locale),
            ceiling: formatMoney(a.valueCeilingCents, locale),
            percent: formatPercent(spend.usedBasisPoints, locale),
          })}
          <br />
          <span
            className={spend.level === 'ok' ? undefined : `regie-badge regie-badge--${spend.level}`}
            data-testid="cockpit-spend-level"
          >
            {t(`cockpit.levels.${spend.level}`)}
          </span>
        </CockpitItem>
      ) : null}
      <CockpitItem id="volume" href="#budget" label={t('cockpit.volume')}>
        {state(budget) ??
          (volume
            ? t('cockpit.volumeValue', {
                code: volume.productCode,
                volume: formatNumber(volume.volume, locale),
                ceiling: formatNumber(volume.volumeCeiling, locale),
                percent: formatPercent(volume.usedBasisPoints, locale),
              })
            : t('cockpit.noVolumeCeiling'))}
      </CockpitItem>
    </>
  );
}

function RelationItem({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const state = useQueryState();
  // Municipal only (steering.get answers a provider 403): rendered for the internal view alone.
  const steering = useQuery(trpc.steering.get.queryOptions({ agreementId }));
  const chosen = steering.data?.relation?.chosen;
  return (
    <CockpitItem id="relation" href="#steering" label={t('cockpit.relation')}>
      {state(steering) ??
        (chosen ? <strong>{relationTypeLabel(t, chosen)}</strong> : t('cockpit.noRelation'))}
    </CockpitItem>
  );
}

function TrustItem({ agreementId, locale }: { agreementId: string; locale: AppLocale }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const state = useQueryState();
  const meetings = useQuery(trpc.dialogue.list.queryOptions({ agreementId }));
  const latest = meetings.data ? latestScores(meetings.data) : null;
  return (
    <CockpitItem id="trust" href="#dialogue" label={t('cockpit.trust')}>
      {state(meetings) ?? (latest ? <ScoresText scores={latest} locale={locale} /> : t('cockpit.noTrust'))}
    </CockpitItem>
  );
}

/**
 * The agreement cockpit: what a contract manager needs first, each item linking to its section. A provider's
 * party view gets its own subset in its own words — its status, deadline, dues, escalations and scores; nothing
 * municipal-only is asked for (steering and budget answer a provider 403).
 */
export function Cockpit({ a }: { a: Agreement }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const internal = a.view === 'internal' ? a : null;
  return (
    <section className="regie-cockpit" aria-labelledby="cockpit-heading" data-testid="cockpit">
      <Heading2 id="cockpit-heading">{t('cockpit.title')}</Heading2>
      <Paragraph className="regie-hint">{internal ? t('cockpit.intro') : t('cockpit.introParty')}</Paragraph>
      <DataList className="regie-cockpit__list">
        <StatusItem a={a} />
        <DeadlineItem a={a} locale={locale} />
        {internal && internal.valueCeilingCents !== null ? <SpendItems a={internal} locale={locale} /> : null}
        <CockpitDuties a={a} />
        <CockpitEscalations agreementId={a.id} party={!internal} locale={locale} />
        {internal ? <RelationItem agreementId={a.id} /> : null}
        <TrustItem agreementId={a.id} locale={locale} />
      </DataList>
    </section>
  );
}
