import { useQuery } from '@tanstack/react-query';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/agreements/model';
import { type AppLocale, formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { periodLabel } from '../../lib/reports/model';
import { reportingFrequencyLabel } from '../../lib/steering/labels';
import { useTRPC } from '../../lib/trpc';
import { Chart } from '../../ui/Chart';
import type { PartyChoice } from '../../ui/PartyField';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { CommentForm, RecordForm } from './KpiForms';
import { byPeriod, COMMENT_ROLES, hasRole, type Kpi, kpiGeometry, RECORD_ROLES } from './model';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

/**
 * The results over time as an inline SVG line with the target as a line across (no chart library): one
 * `role="img"` with the conclusion in its label, and every number in a table under "De grafiek als tabel".
 */
function KpiChart({ kpi, locale }: { kpi: Kpi; locale: AppLocale }) {
  const { t } = useTranslation();
  const rows = byPeriod(kpi.results);
  const last = rows.at(-1);
  if (!last) return null;
  const g = kpiGeometry(rows, kpi.target);
  const label = t('kpis.chartLabel', {
    name: kpi.name,
    count: rows.length,
    value: formatNumber(last.value, locale),
    unit: kpi.unit,
    period: periodLabel(t, locale, last.period),
    target: formatNumber(kpi.target, locale),
    direction: t(`kpis.directions.${kpi.direction}`),
  });
  return (
    <Chart
      label={label}
      width={g.width}
      height={g.height}
      testId={`kpi-chart-${kpi.id}`}
      legend={[
        { variant: 'spent', text: t('kpis.legendValue') },
        { variant: 'ceiling', text: t('kpis.legendTarget') },
      ]}
      alternativeSummary={t('kpis.tableSummary')}
      alternative={
        <Table className="regie-table">
          <TableCaption className="regie-table__caption">
            {t('kpis.caption', { name: kpi.name })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('kpis.period')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('kpis.value')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('kpis.target')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.period}>
                <TableHeaderCell scope="row">{periodLabel(t, locale, r.period)}</TableHeaderCell>
                <TableCell className={numeric}>{formatNumber(r.value, locale)}</TableCell>
                <TableCell className={numeric}>{formatNumber(kpi.target, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    >
      <g className="regie-chart__grid">
        {g.ticks.map((tick) => (
          <g key={tick.y}>
            <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
            <text x={g.plot.left - 8} y={tick.y + 4} textAnchor="end">
              {formatNumber(tick.value, locale)}
            </text>
          </g>
        ))}
        {g.points.map((p) => (
          <text key={p.period} x={p.x} y={g.plot.bottom + 20} textAnchor="middle">
            {p.period}
          </text>
        ))}
      </g>
      <line
        className="regie-chart__ceiling"
        x1={g.plot.left}
        x2={g.plot.right}
        y1={g.targetY}
        y2={g.targetY}
      />
      <polyline className="regie-chart__spent" points={g.points.map((p) => `${p.x},${p.y}`).join(' ')} />
      {g.points.map((p) => (
        <circle key={p.period} className="regie-chart__point" cx={p.x} cy={p.y} r="4" />
      ))}
    </Chart>
  );
}

/** The results with on-target in words, who recorded them, and the comments of both sides per period. */
function Results({ kpi, locale, showParty }: { kpi: Kpi; locale: AppLocale; showParty: boolean }) {
  const { t } = useTranslation();
  const rows = byPeriod(kpi.results).reverse();
  if (rows.length === 0) return <Paragraph className="regie-empty">{t('kpis.noResults')}</Paragraph>;
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid={`kpi-results-${kpi.id}`}>
        <TableCaption className="regie-visually-hidden">{t('kpis.caption', { name: kpi.name })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kpis.period')}</TableHeaderCell>
            {showParty ? <TableHeaderCell scope="col">{t('parties.column')}</TableHeaderCell> : null}
            <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
              {t('kpis.value')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('kpis.onTarget')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kpis.recorded')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kpis.comments')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={`${r.period}-${r.party ?? ''}`} data-testid={`kpi-result-${kpi.id}-${r.period}`}>
              <TableHeaderCell scope="row" className="regie-nowrap">
                {periodLabel(t, locale, r.period)}
              </TableHeaderCell>
              {showParty ? <TableCell>{r.partyName ?? ''}</TableCell> : null}
              <TableCell className={numeric}>
                {formatNumber(r.value, locale)} {kpi.unit}
              </TableCell>
              <TableCell>{r.onTarget ? t('kpis.yes') : <strong>{t('kpis.no')}</strong>}</TableCell>
              <TableCell>
                {t('kpis.recordedValue', {
                  at: formatDateTime(r.recordedAt, locale),
                  by: r.recordedByName ?? r.recordedBy,
                  side: t(`escalations.sides.${r.side}`),
                })}
                {r.source === 'delivery' ? ` (${t('deliveries.source')})` : null}
              </TableCell>
              <TableCell>
                {r.comments.length === 0 ? (
                  <em>{t('kpis.noComments')}</em>
                ) : (
                  <ul className="regie-list">
                    {r.comments.map((c) => (
                      <li key={`${c.at}-${c.by}`}>
                        {t('kpis.comment', {
                          side: t(`escalations.sides.${c.side}`),
                          by: c.byName ?? c.by,
                          at: formatDateTime(c.at, locale),
                          text: c.text,
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The duty title and field label a KPI's source names (its key where the terms no longer have it). */
function sourceLabel(
  source: { dutyId: string; field: string },
  duties: readonly { id: string; title: string; dataSpec?: readonly { key: string; label: string }[] }[],
) {
  const duty = duties.find((d) => d.id === source.dutyId);
  return {
    duty: duty?.title ?? source.dutyId,
    field: duty?.dataSpec?.find((f) => f.key === source.field)?.label ?? source.field,
  };
}

function KpiItem({
  kpi,
  agreementId,
  parties,
  duties,
  me,
  locale,
  onDone,
}: {
  kpi: Kpi;
  duties: Parameters<typeof sourceLabel>[1];
  agreementId: string;
  parties: readonly PartyChoice[];
  me: Me | undefined;
  locale: AppLocale;
  onDone: (s: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `kpi-${kpi.id}-heading`;
  const sourceField = kpi.source ? sourceLabel(kpi.source, duties) : null;
  return (
    <article className="regie-subsection" aria-labelledby={headingId} data-testid={`kpi-${kpi.id}`}>
      <h3 className="regie-subheading" id={headingId}>
        {kpi.name}
      </h3>
      <DataList className="regie-data-list">
        <DataListItem>
          <DataListKey>{t('kpis.target')}</DataListKey>
          <DataListValue>
            {t('kpis.targetValue', {
              target: formatNumber(kpi.target, locale),
              unit: kpi.unit,
              direction: t(`kpis.directions.${kpi.direction}`),
            })}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('kpis.frequency')}</DataListKey>
          <DataListValue>{reportingFrequencyLabel(t, kpi.frequency)}</DataListValue>
        </DataListItem>
        {sourceField ? (
          <DataListItem>
            <DataListKey>{t('kpis.source')}</DataListKey>
            <DataListValue>
              <span data-testid={`kpi-source-${kpi.id}`}>
                {t('deliveries.sourceOf', { duty: sourceField.duty, field: sourceField.field })}
              </span>
            </DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      <KpiChart kpi={kpi} locale={locale} />
      <Results kpi={kpi} locale={locale} showParty={parties.length > 1} />
      {/* A result taken from a delivery is not entered (or commented) here: it changes with the report. */}
      {hasRole(me, COMMENT_ROLES) && !kpi.source ? (
        <CommentForm kpi={kpi} agreementId={agreementId} showParty={parties.length > 1} onDone={onDone} />
      ) : null}
      {hasRole(me, RECORD_ROLES) && !kpi.source ? (
        <RecordForm kpi={kpi} agreementId={agreementId} parties={parties} onDone={onDone} />
      ) : null}
    </article>
  );
}

/**
 * "Prestatie-indicatoren" on the agreement page, the same for both sides (SPEC §4.5): per indicator its target
 * and direction in words, a chart over the periods with the target line (and a table), the results with
 * on-target in words and the comments of both sides; a comment form for both sides and "Waarde vastleggen" for
 * the provider's reporter and the contract manager.
 */
export function KpiSection({
  agreementId,
  parties,
  duties = [],
  me,
}: {
  agreementId: string;
  parties: readonly PartyChoice[];
  /** The duties of the terms, for the name of a KPI's source (a delivered field). */
  duties?: Parameters<typeof sourceLabel>[1];
  me: Me | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const kpis = useQuery(trpc.kpi.results.queryOptions({ agreementId }));
  const { announce, outcome } = useOutcome('kpi-outcome');
  const rows = kpis.data ?? [];
  const done = announce;
  return (
    <Section id="kpis" title={t('kpis.title')}>
      <Paragraph>{t('kpis.intro')}</Paragraph>
      <QueryState
        query={kpis}
        count={rows.length}
        loading={t('kpis.loading')}
        error={t('kpis.error')}
        empty={t('kpis.none')}
      />
      {outcome}
      {rows.map((kpi) => (
        <KpiItem
          key={kpi.id}
          kpi={kpi}
          agreementId={agreementId}
          parties={parties}
          duties={duties}
          me={me}
          locale={locale}
          onDone={done}
        />
      ))}
    </Section>
  );
}
