import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { type AppLocale, formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { ListState, useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import type { Me } from '../agreements/model';
import { type PartyChoice, PartyField, partyInput, partyMissing } from '../agreements/PartyField';
import { Section } from '../agreements/Section';
import { periodLabel } from '../reports/model';
import { reportingFrequencyLabel } from '../steering/labels';
import {
  byPeriod,
  COMMENT_ROLES,
  hasRole,
  type Kpi,
  type KpiCommentInput,
  type KpiRecordInput,
  kpiGeometry,
  PERIOD_PATTERN,
  parseDecimal,
  RECORD_ROLES,
} from './model';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

function failure(t: TFunction, error: unknown): string {
  const code = errorCode(error);
  if (code === 'FORBIDDEN') return t('kpis.errors.forbidden');
  if (code === 'NOT_FOUND') return t('agreementDetail.notFound');
  if (code === 'BAD_REQUEST') return t('kpis.errors.rejected');
  return t('kpis.errors.failed');
}

function Swatch({ variant }: { variant: 'spent' | 'ceiling' }) {
  return (
    <svg className="regie-chart__swatch" viewBox="0 0 32 8" aria-hidden="true" focusable="false">
      <line x1="0" y1="4" x2="32" y2="4" className={`regie-chart__${variant}`} />
    </svg>
  );
}

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
    <div className="regie-chart" data-testid={`kpi-chart-${kpi.id}`}>
      <svg
        className="regie-chart__svg"
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={label}
        focusable="false"
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
      </svg>
      <ul className="regie-chart__legend">
        <li>
          <Swatch variant="spent" /> {t('kpis.legendValue')}
        </li>
        <li>
          <Swatch variant="ceiling" /> {t('kpis.legendTarget')}
        </li>
      </ul>
      <details className="regie-chart__table">
        <summary>{t('kpis.tableSummary')}</summary>
        <div className="regie-table-scroll">
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
        </div>
      </details>
    </div>
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
                  by: r.recordedBy,
                  side: t(`escalations.sides.${r.side}`),
                })}
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
                          by: c.by,
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

function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kpi.results.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/** "Opmerking plaatsen": a comment on one period's result, from either side. */
function CommentForm({
  kpi,
  agreementId,
  showParty,
  onDone,
}: {
  kpi: Kpi;
  agreementId: string;
  showParty: boolean;
  onDone: (s: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(agreementId);
  // One choice per result: a period, and on an agreement with several parties whose result it is.
  const results = byPeriod(kpi.results).reverse();
  const choiceOf = (r: { period: string; party?: string }) =>
    showParty ? `${r.period}|${r.party ?? ''}` : r.period;
  const periods = results.map(choiceOf);
  const [period, setPeriod] = useState(periods[0] ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const prefix = `kpi-${kpi.id}-comment`;
  const comment = useMutation({
    mutationKey: trpc.kpi.comment.mutationKey(),
    mutationFn: (input: KpiCommentInput) => {
      const idempotencyKey = keys.current(input);
      return client.kpi.comment.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (_result, input) => {
      keys.current = idempotencyKeys();
      setText('');
      onDone(t('kpis.commentSaved', { period: periodLabel(t, locale, input.period) }));
      await refresh();
    },
    onError: (err) => {
      setGeneral([failure(t, err)]);
      focusSoon(() => summaryRef.current);
    },
  });
  if (periods.length === 0) return null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (comment.isPending) return;
    setGeneral([]);
    if (text.trim() === '') {
      setError(t('kpis.errors.text'));
      focusSoon(() => summaryRef.current);
      return;
    }
    setError(undefined);
    const [chosen, party] = (period || (periods[0] ?? '')).split('|');
    comment.mutate({
      agreementId,
      kpiId: kpi.id,
      period: chosen ?? '',
      text: text.trim(),
      ...(party ? { party } : {}),
    });
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 className="regie-subheading" id={`${prefix}-heading`}>
        {t('kpis.commentTitle')}
      </h4>
      <ErrorSummary
        title={t('kpis.errorTitle')}
        general={general}
        fields={error ? [{ id: `${prefix}-text`, text: error }] : []}
        summaryRef={summaryRef}
      />
      <Field id={`${prefix}-period`} label={t('kpis.commentPeriod')} error={undefined}>
        {(props) => (
          <Select {...props} name="period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {results.map((r) => (
              <SelectOption key={choiceOf(r)} value={choiceOf(r)}>
                {periodLabel(t, locale, r.period)}
                {showParty && r.partyName ? ` — ${r.partyName}` : ''}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${prefix}-text`} label={t('kpis.commentText')} error={error}>
        {(props) => (
          <Textarea
            {...props}
            name="text"
            rows={2}
            required
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" appearance="secondary-action-button" busy={comment.isPending}>
        {t('kpis.commentSubmit')}
      </Button>
    </form>
  );
}

/** "Waarde vastleggen": a period and its value (or a correction of it), for the reporter and contract manager. */
function RecordForm({
  kpi,
  agreementId,
  parties,
  onDone,
}: {
  kpi: Kpi;
  agreementId: string;
  parties: readonly PartyChoice[];
  onDone: (s: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(agreementId);
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [party, setParty] = useState('');
  const [errors, setErrors] = useState<{ party?: string; period?: string; value?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const prefix = `kpi-${kpi.id}-record`;
  const record = useMutation({
    mutationKey: trpc.kpi.record.mutationKey(),
    mutationFn: (input: KpiRecordInput) => {
      const idempotencyKey = keys.current(input);
      return client.kpi.record.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (_result, input) => {
      keys.current = idempotencyKeys();
      setValue('');
      onDone(
        t('kpis.recordSaved', {
          value: formatNumber(input.value, locale),
          unit: kpi.unit,
          period: periodLabel(t, locale, input.period),
        }),
      );
      await refresh();
    },
    onError: (err) => {
      setGeneral([failure(t, err)]);
      focusSoon(() => summaryRef.current);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    setGeneral([]);
    const next: { party?: string; period?: string; value?: string } = {};
    if (partyMissing(parties, party)) next.party = t('parties.required');
    const p = period.trim().toUpperCase();
    if (!PERIOD_PATTERN.test(p)) next.period = t('kpis.errors.period');
    const number = parseDecimal(value, locale);
    if (number === null) next.value = t('kpis.errors.value');
    setErrors(next);
    if (Object.keys(next).length > 0 || number === null) {
      focusSoon(() => summaryRef.current);
      return;
    }
    // The version of the value seen for this period and party (0: a new value); a stale one answers CONFLICT.
    const seen = kpi.results.find((r) => r.period === p && (party === '' || r.party === party));
    record.mutate({
      agreementId,
      kpiId: kpi.id,
      period: p,
      value: number,
      expectedVersion: seen?.version ?? 0,
      ...partyInput(parties, party),
    });
  }
  const fields = (['party', 'period', 'value'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ id: `${prefix}-${f}`, text: errors[f] ?? '' }));
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 className="regie-subheading" id={`${prefix}-heading`}>
        {t('kpis.recordTitle')}
      </h4>
      <ErrorSummary title={t('kpis.errorTitle')} general={general} fields={fields} summaryRef={summaryRef} />
      <PartyField
        id={`${prefix}-party`}
        parties={parties}
        value={party}
        onChange={setParty}
        error={errors.party}
      />
      <div className="regie-form__row">
        <Field
          id={`${prefix}-period`}
          label={t('kpis.recordPeriod')}
          hint={t('kpis.recordPeriodHint')}
          error={errors.period}
        >
          {(props) => (
            <Textbox
              {...props}
              name="period"
              required
              autoComplete="off"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${prefix}-value`} label={t('kpis.recordValue', { unit: kpi.unit })} error={errors.value}>
          {(props) => (
            <Textbox
              {...props}
              name="value"
              required
              inputMode="decimal"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Button type="submit" appearance="primary-action-button" busy={record.isPending}>
        {t('kpis.recordSubmit')}
      </Button>
    </form>
  );
}

function KpiItem({
  kpi,
  agreementId,
  parties,
  me,
  locale,
  onDone,
}: {
  kpi: Kpi;
  agreementId: string;
  parties: readonly PartyChoice[];
  me: Me | undefined;
  locale: AppLocale;
  onDone: (s: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `kpi-${kpi.id}-heading`;
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
      </DataList>
      <KpiChart kpi={kpi} locale={locale} />
      <Results kpi={kpi} locale={locale} showParty={parties.length > 1} />
      {hasRole(me, COMMENT_ROLES) ? (
        <CommentForm kpi={kpi} agreementId={agreementId} showParty={parties.length > 1} onDone={onDone} />
      ) : null}
      {hasRole(me, RECORD_ROLES) ? (
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
  me,
}: {
  agreementId: string;
  parties: readonly PartyChoice[];
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
      <div role="status" aria-live="polite" className="regie-status">
        {kpis.isPending ? t('kpis.loading') : null}
      </div>
      {outcome}
      <ListState
        query={kpis}
        isEmpty={rows.length === 0}
        error={t('kpis.error')}
        empty={t('kpis.none')}
        retry={t('app.retry')}
      />
      {rows.map((kpi) => (
        <KpiItem
          key={kpi.id}
          kpi={kpi}
          agreementId={agreementId}
          parties={parties}
          me={me}
          locale={locale}
          onDone={done}
        />
      ))}
    </Section>
  );
}
