import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Me } from '../../lib/agreements/model';
import { signalMessage } from '../../lib/budget/model';
import { signalText, whoLabel } from '../../lib/collaboration';
import { canEscalate } from '../../lib/escalations/model';
import { type AppLocale, formatDateLong, formatNumber, localeFor } from '../../lib/format';
import { periodLabel } from '../../lib/reports/model';
import { relationTypeLabel } from '../../lib/steering/labels';
import { useTRPC } from '../../lib/trpc';
import { Chart } from '../../ui/Chart';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { ServiceLevelSignalRow } from './ServiceLevelSignalRow';

const RELATION_TYPES = ['boss', 'customer', 'partner'] as const;

function AgreementLink({ id, reference }: { id: string; reference: string }) {
  return (
    <Link href={`/agreements/${encodeURIComponent(id)}`} className="utrecht-link">
      {reference}
    </Link>
  );
}

/** One panel: a heading with its count, and a list of rows each naming (and linking) its agreement. */
function Tile({
  id,
  title,
  count,
  locale,
  children,
}: {
  id: string;
  title: string;
  count: number;
  locale: AppLocale;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="regie-tile" data-testid={id}>
      <h4 className="regie-tile__title">
        {t('dashboard.tileTitle', { title, count: formatNumber(count, locale) })}
      </h4>
      {count === 0 ? <Paragraph className="regie-empty">{t('dashboard.none')}</Paragraph> : children}
    </div>
  );
}

/**
 * Agreements per relation type as a small bar chart (inline SVG, no chart library): one `role="img"` naming
 * every count, and the same counts as text next to it for those who read rather than look.
 */
function RelationChart({
  counts,
  locale,
}: {
  counts: Record<(typeof RELATION_TYPES)[number], number>;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...RELATION_TYPES.map((type) => counts[type]));
  const barWidth = 160;
  const rowHeight = 28;
  return (
    <Chart
      label={t('dashboard.relationLabel', counts)}
      width={280}
      height={rowHeight * RELATION_TYPES.length}
      svgClassName="regie-bars"
      alternative={
        <ul className="regie-list">
          {RELATION_TYPES.map((type) => (
            <li key={type}>
              {relationTypeLabel(t, type)}: {formatNumber(counts[type], locale)}
            </li>
          ))}
        </ul>
      }
    >
      {RELATION_TYPES.map((type, i) => {
        const width = (counts[type] / max) * barWidth;
        const y = i * rowHeight;
        return (
          <g key={type} className="regie-bars__row">
            <text x="0" y={y + 18}>
              {relationTypeLabel(t, type)}
            </text>
            <rect className="regie-bars__bar" x="80" y={y + 6} width={Math.max(width, 1)} height="16" />
            <text x={80 + Math.max(width, 1) + 6} y={y + 18}>
              {formatNumber(counts[type], locale)}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}

/** The dashboard of one register (the own municipality's, or a region's). */
function DashboardOfSpace({ space, me }: { space: Me['reach'][number]; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.steering.dashboard.queryOptions({ space: space.space }));
  const d = dashboard.data;
  const headingId = `dashboard-${space.space}-heading`;
  const prefix = `dashboard-${space.space}`;
  const relationTotal = d ? d.relationTypes.boss + d.relationTypes.customer + d.relationTypes.partner : 0;
  return (
    <section className="regie-subsection" aria-labelledby={headingId} data-testid={prefix}>
      <h3 className="regie-subheading" id={headingId}>
        {space.name}
      </h3>
      <QueryState query={dashboard} loading={t('dashboard.loading')} error={t('dashboard.error')} />
      {d ? (
        <div className="regie-tiles">
          <Tile
            id={`${prefix}-relations`}
            title={t('dashboard.relationTypes')}
            count={relationTotal}
            locale={locale}
          >
            <RelationChart counts={d.relationTypes} locale={locale} />
          </Tile>
          <Tile
            id={`${prefix}-duties`}
            title={t('dashboard.overdueDuties')}
            count={d.overdueDuties.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.overdueDuties.map((row) => (
                <li key={`${row.agreementId}-${row.dutyTitle}-${row.period}-${row.party ?? ''}`}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}:{' '}
                  {t('dashboard.dutyRow', {
                    duty: row.dutyTitle,
                    period: periodLabel(t, locale, row.period),
                    date: formatDateLong(row.dueDate, locale),
                  })}
                  {row.partyName ? ` (${row.partyName})` : ''}
                </li>
              ))}
            </ul>
          </Tile>
          <Tile
            id={`${prefix}-ceilings`}
            title={t('dashboard.ceilingsAtRisk')}
            count={d.ceilingsAtRisk.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.ceilingsAtRisk.map((row) => {
                const text = signalMessage(row, 'dashboard.ceilingRow');
                return (
                  <li key={row.agreementId}>
                    <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}:{' '}
                    {t(text.key, text.values)}
                  </li>
                );
              })}
            </ul>
          </Tile>
          <Tile
            id={`${prefix}-escalations`}
            title={t('dashboard.openEscalations')}
            count={d.openEscalations.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.openEscalations.map((row) => (
                <li key={row.id} data-testid={`dashboard-escalation-${row.id}`}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}:{' '}
                  {t('dashboard.escalationRow', {
                    subject: row.subject,
                    level: row.levelName,
                    date: row.deadline ? formatDateLong(row.deadline, locale) : '–',
                  })}
                  {row.overdue ? <strong> ({t('dashboard.overdue')})</strong> : null}
                </li>
              ))}
            </ul>
          </Tile>
          <Tile
            id={`${prefix}-notifications`}
            title={t('notifications.dashboardTitle')}
            count={d.overdueNotifications.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.overdueNotifications.map((row) => (
                <li key={row.id} data-testid={`dashboard-notification-${row.id}`}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}:{' '}
                  {t('notifications.dashboardRow', {
                    duty: row.dutyTitle,
                    party: row.partyName,
                    date: formatDateLong(row.deadline, locale),
                  })}{' '}
                  <strong>({t('dashboard.overdue')})</strong>
                </li>
              ))}
            </ul>
          </Tile>
          <Tile
            id={`${prefix}-conflicts`}
            title={t('dashboard.roleConflicts')}
            count={d.roleConflicts.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.roleConflicts.map((row) => (
                <li key={row.agreementId}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}:{' '}
                  {t('dashboard.conflictRow', { holder: row.portfolioHolder })}
                </li>
              ))}
            </ul>
          </Tile>
          {/* "Samenwerking": agreements whose collaboration rating dropped by 2 or is below 3 (sparse index). */}
          <Tile
            id={`${prefix}-collaboration`}
            title={t('collaboration.dashboardTitle')}
            count={d.collaboration.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.collaboration.map((row) => (
                <li key={row.agreementId}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}
                  <ul className="regie-plain-list">
                    {row.signals.map((s) => (
                      <li key={`${s.who.side === 'municipality' ? 'm' : s.who.party}-${s.kind}-${s.measure}`}>
                        {signalText(t, s, locale)}
                      </li>
                    ))}
                  </ul>
                  {t('collaboration.latest')}:{' '}
                  {row.latest
                    .map((l) =>
                      t('collaboration.latestValue', {
                        who: whoLabel(t, l.who),
                        value: formatNumber(l.average, locale),
                      }),
                    )
                    .join(', ')}
                </li>
              ))}
            </ul>
          </Tile>
          {/* Service levels missed their agreement's threshold of periods in a row (sparse index), latest first. */}
          <Tile
            id={`${prefix}-service-levels`}
            title={t('services.dashboard.title')}
            count={d.serviceLevels.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.serviceLevels.map((row) => (
                <li key={row.agreementId}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}
                  <ul className="regie-plain-list">
                    {row.signals.map((s) => (
                      <ServiceLevelSignalRow
                        key={`${s.levelId}-${s.party ?? ''}`}
                        agreementId={row.agreementId}
                        signal={s}
                        mayEscalate={canEscalate(me)}
                      />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </Tile>
          <Tile
            id={`${prefix}-meetings`}
            title={t('governance.missedMeetings')}
            count={d.missedMeetings.length}
            locale={locale}
          >
            <ul className="regie-list">
              {d.missedMeetings.map((row) => (
                <li key={`${row.agreementId}-${row.date}`}>
                  <AgreementLink id={row.agreementId} reference={row.reference} /> {row.title}:{' '}
                  {t('governance.missedRow', { date: formatDateLong(row.date, locale) })}
                </li>
              ))}
            </ul>
          </Tile>
        </div>
      ) : null}
    </section>
  );
}

/** "Stuurdashboard" at the top of Sturing: per register in reach, what needs attention (issue 4, point 7). */
export function DashboardSection({ spaces, me }: { spaces: readonly Me['reach'][number][]; me?: Me }) {
  const { t } = useTranslation();
  return (
    <Section id="dashboard" title={t('dashboard.title')}>
      <Paragraph>{t('dashboard.intro')}</Paragraph>
      {spaces.map((space) => (
        <DashboardOfSpace key={space.space} space={space} me={me} />
      ))}
    </Section>
  );
}
