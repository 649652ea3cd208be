import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormLabel,
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
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import {
  type AppLocale,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  localeFor,
} from '../../lib/format';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import type { InternalAgreement, Me } from '../agreements/model';
import { Section } from '../agreements/Section';
import { BurnDownChart } from './BurnDownChart';
import {
  type BudgetError,
  type BudgetErrors,
  currentMonth,
  emptyRealisation,
  REALISATION_FIELDS,
  REALISATION_LIMITS,
  type RealisationValues,
  realisationIssues,
  validateRealisation,
} from './budget-form';
import {
  agreementYears,
  type Budget,
  type BudgetLine,
  type BudgetSignal,
  budgetLevel,
  canRecord,
  defaultYear,
  type RecordInput,
  shareOf,
} from './model';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';
const fieldId = (field: string) => `realisation-${field}`;

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <DataListItem data-testid={testId}>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Ceiling, spend with its share, what remains (or how far over), and the level in words. */
function Totals({ budget, locale }: { budget: Budget; locale: AppLocale }) {
  const { t } = useTranslation();
  const ceiling = budget.ceilingCents ?? 0;
  const used = budget.usedBasisPoints ?? shareOf(budget.spentCents, ceiling) ?? 0;
  const remaining = ceiling - budget.spentCents;
  return (
    <DataList className="regie-data-list" data-testid="budget-totals">
      <Item label={t('budget.ceiling')}>{formatMoney(ceiling, locale)}</Item>
      <Item label={t('budget.spent')} testId="budget-spent">
        {t('budget.spentValue', {
          spent: formatMoney(budget.spentCents, locale),
          percent: formatPercent(used, locale),
        })}
      </Item>
      <Item label={t('budget.remaining')}>
        {remaining >= 0
          ? formatMoney(remaining, locale)
          : t('budget.over', { amount: formatMoney(-remaining, locale) })}
      </Item>
      <Item label={t('budget.level')} testId="budget-level">
        <strong>{t(`budget.levels.${budgetLevel(used)}`)}</strong>
      </Item>
    </DataList>
  );
}

function Forecast({ budget, locale }: { budget: Budget; locale: AppLocale }) {
  const { t } = useTranslation();
  const year = budget.year;
  if (!year) return null;
  if (year.spentCents === 0)
    return <Paragraph className="regie-empty">{t('budget.noSpendYear', { year: year.year })}</Paragraph>;
  return (
    <>
      <DataList className="regie-data-list" data-testid="budget-forecast">
        <Item label={t('budget.spentYear', { year: year.year })}>
          {t('budget.forecastValue', {
            amount: formatMoney(year.spentCents, locale),
            percent: formatPercent(year.usedBasisPoints, locale),
          })}
        </Item>
        <Item label={t('budget.forecast', { year: year.year })}>
          {t('budget.forecastValue', {
            amount: formatMoney(year.forecastCents, locale),
            percent: formatPercent(shareOf(year.forecastCents, year.ceilingCents) ?? 0, locale),
          })}
        </Item>
      </DataList>
      {year.forecastCrosses.includes(100) ? (
        <Paragraph>
          <strong>{t('budget.forecastBreach')}</strong>
        </Paragraph>
      ) : year.forecastCrosses.includes(80) ? (
        <Paragraph>
          <strong>{t('budget.forecastWarning')}</strong>
        </Paragraph>
      ) : null}
    </>
  );
}

function LinesTable({ lines, locale }: { lines: readonly BudgetLine[]; locale: AppLocale }) {
  const { t } = useTranslation();
  const none = t('budget.none');
  return (
    <>
      <h3 className="regie-subheading">{t('budget.linesTitle')}</h3>
      <div className="regie-table-scroll">
        <Table className="regie-table" data-testid="budget-lines">
          <TableCaption className="regie-visually-hidden">{t('budget.linesCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('budget.productCode')}</TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.spent')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.lineCeiling')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.share')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.volume')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.volumeCeiling')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line) => {
              const share = shareOf(line.spentCents, line.ceilingCents);
              return (
                <TableRow key={line.id}>
                  <TableHeaderCell scope="row" className="regie-nowrap">
                    {line.productCode}
                  </TableHeaderCell>
                  <TableCell className={numeric}>{formatMoney(line.spentCents, locale)}</TableCell>
                  <TableCell className={numeric}>
                    {line.ceilingCents === null ? none : formatMoney(line.ceilingCents, locale)}
                  </TableCell>
                  <TableCell className={numeric}>
                    {share === null ? none : formatPercent(share, locale)}
                  </TableCell>
                  <TableCell className={numeric}>{formatNumber(line.volume, locale)}</TableCell>
                  <TableCell className={numeric}>
                    {line.volumeCeiling === null ? none : formatNumber(line.volumeCeiling, locale)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function RealisationsTable({ budget, locale }: { budget: Budget; locale: AppLocale }) {
  const { t } = useTranslation();
  const none = t('budget.none');
  const codes = new Map(budget.lines.map((l) => [l.id, l.productCode]));
  return (
    <>
      <h3 className="regie-subheading">{t('budget.realisationsTitle')}</h3>
      {budget.realisations.length === 0 ? (
        <Paragraph className="regie-empty">{t('budget.noRealisations')}</Paragraph>
      ) : (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="realisations">
            <TableCaption className="regie-visually-hidden">{t('budget.realisationsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('budget.month')}</TableHeaderCell>
                <TableHeaderCell scope="col" className={numericHeader}>
                  {t('budget.amount')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className={numericHeader}>
                  {t('budget.volume')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('budget.line')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('budget.note')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('budget.recorded')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {budget.realisations.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row" className="regie-nowrap">
                    {formatMonth(r.period, locale)}
                  </TableHeaderCell>
                  <TableCell className={numeric}>{formatMoney(r.amountCents, locale)}</TableCell>
                  <TableCell className={numeric}>
                    {r.volume === undefined ? none : formatNumber(r.volume, locale)}
                  </TableCell>
                  <TableCell>
                    {r.productLineId ? (codes.get(r.productLineId) ?? r.productLineId) : none}
                  </TableCell>
                  <TableCell>{r.note ?? none}</TableCell>
                  <TableCell>
                    {t('budget.recordedValue', {
                      at: formatDateTime(r.recordedAt, locale),
                      by: r.recordedBy,
                    })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

type Outcome = { kind: 'saved'; text: string; signals: BudgetSignal[] } | { kind: 'conflict' } | null;

/** "Realisatie vastleggen": one month's amount (and volume, line, note), with the signals it raises. */
function RealisationForm({ a, lines }: { a: InternalAgreement; lines: readonly BudgetLine[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RealisationValues>(() => emptyRealisation(currentMonth()));
  const [clientErrors, setClientErrors] = useState<BudgetErrors>({});
  const [serverErrors, setServerErrors] = useState<BudgetErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // One key per distinct entry until it is saved: a retry is not recorded twice, a second equal entry is.
  const keys = useRef(idempotencyKeys());
  const lineIds = lines.map((l) => l.id);

  const message = (error: BudgetError | undefined) =>
    error === undefined ? undefined : 'key' in error ? t(`budget.errors.${error.key}`) : error.text;
  const errorFor = (field: string) => message(clientErrors[field] ?? serverErrors[field]);

  const record = useMutation({
    mutationKey: trpc.budget.record.mutationKey(),
    mutationFn: (input: RecordInput) => {
      const idempotencyKey = keys.current(input);
      return client.budget.record.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      const r = result.realisation;
      setOutcome({
        kind: 'saved',
        text: t('budget.form.saved', {
          amount: formatMoney(r.amountCents, locale),
          month: formatMonth(r.period, locale),
        }),
        signals: result.signals,
      });
      setValues((previous) => ({
        ...emptyRealisation(previous.period),
        productLineId: previous.productLineId,
      }));
      setAttempted(false);
      focusSoon(() => outcomeRef.current);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.budget.signals.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: a.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: a.id }) }),
      ]);
    },
    onError: (error) => {
      const code = errorCode(error);
      setServerErrors({});
      setFormError([]);
      if (code === 'CONFLICT') {
        // Another entry won the race: nothing was stored; the totals shown are refreshed.
        setOutcome({ kind: 'conflict' });
        void queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() });
        focusSoon(() => outcomeRef.current);
        return;
      }
      setOutcome(null);
      if (code === 'BAD_REQUEST') {
        const { errors, other } = realisationIssues(errorIssues(error));
        setServerErrors(errors);
        if (other.length > 0 || Object.keys(errors).length === 0)
          setFormError([t('budget.errors.rejected'), ...other]);
      } else if (code === 'FORBIDDEN') setFormError([t('budget.errors.forbidden')]);
      else if (code === 'NOT_FOUND') setFormError([t('agreementDetail.notFound')]);
      else setFormError([t('budget.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  function change(field: keyof RealisationValues, value: string, path: string = field) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (attempted) {
      const result = validateRealisation(next, locale, lineIds);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors(({ [path]: _stale, ...rest }) => rest);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    setOutcome(null);
    const result = validateRealisation(values, locale, lineIds);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    record.mutate({ agreementId: a.id, realisation: result.input });
  }

  return (
    <section className="regie-subsection" aria-labelledby="realisation-form-heading">
      <h3 className="regie-subheading" id="realisation-form-heading">
        {t('budget.form.title')}
      </h3>
      <div
        ref={outcomeRef}
        tabIndex={-1}
        className="regie-outcome"
        aria-live="polite"
        data-testid="realisation-outcome"
      >
        {outcome?.kind === 'saved' ? (
          <>
            <Paragraph>{outcome.text}</Paragraph>
            {outcome.signals.map((signal) => (
              <Alert key={signal.threshold} type="warning">
                <Paragraph>
                  <strong>{t('budget.signal.title', { threshold: signal.threshold })}</strong>
                </Paragraph>
                <Paragraph>
                  {t('budget.signal.text', {
                    spent: formatMoney(signal.spentCents, locale),
                    ceiling: formatMoney(signal.ceilingCents, locale),
                  })}
                </Paragraph>
              </Alert>
            ))}
          </>
        ) : null}
        {outcome?.kind === 'conflict' ? (
          <Alert type="warning">
            <Paragraph>{t('budget.errors.conflict')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <ErrorSummary
        title={t('budget.form.summaryTitle')}
        general={formError}
        fields={REALISATION_FIELDS.flatMap((field) => {
          const text = errorFor(field);
          return text ? [{ id: fieldId(field), text }] : [];
        })}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="realisation-form-heading">
        <div className="regie-form__row">
          <Field
            id={fieldId('period')}
            label={t('budget.form.month')}
            hint={t('budget.form.monthHint')}
            error={errorFor('period')}
          >
            {(props) => (
              <Textbox
                {...props}
                type="month"
                name="period"
                required
                value={values.period}
                onChange={(e) => change('period', e.target.value)}
              />
            )}
          </Field>
          <Field
            id={fieldId('amountCents')}
            label={t('budget.form.amount')}
            hint={t('budget.form.amountHint')}
            error={errorFor('amountCents')}
          >
            {(props) => (
              <Textbox
                {...props}
                name="amount"
                required
                inputMode="decimal"
                autoComplete="off"
                className="regie-input--amount"
                value={values.amount}
                onChange={(e) => change('amount', e.target.value, 'amountCents')}
              />
            )}
          </Field>
          <Field
            id={fieldId('volume')}
            label={t('budget.form.volume')}
            hint={t('budget.form.volumeHint')}
            error={errorFor('volume')}
          >
            {(props) => (
              <Textbox
                {...props}
                name="volume"
                inputMode="numeric"
                autoComplete="off"
                className="regie-input--count"
                value={values.volume}
                onChange={(e) => change('volume', e.target.value)}
              />
            )}
          </Field>
        </div>
        {lines.length > 0 ? (
          <Field
            id={fieldId('productLineId')}
            label={t('budget.form.line')}
            error={errorFor('productLineId')}
          >
            {(props) => (
              <Select
                {...props}
                name="productLineId"
                value={values.productLineId}
                onChange={(e) => change('productLineId', e.target.value)}
              >
                <SelectOption value="">{t('budget.form.noLine')}</SelectOption>
                {lines.map((line) => (
                  <SelectOption key={line.id} value={line.id}>
                    {line.productCode}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <Field id={fieldId('note')} label={t('budget.form.note')} error={errorFor('note')}>
          {(props) => (
            <Textarea
              {...props}
              name="note"
              rows={2}
              maxLength={REALISATION_LIMITS.note + 50}
              value={values.note}
              onChange={(e) => change('note', e.target.value)}
            />
          )}
        </Field>
        <div role="status" aria-live="polite" className="regie-status">
          {record.isPending ? t('budget.form.saving') : null}
        </div>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={record.isPending}
          className="regie-form__submit"
        >
          {t('budget.form.submit')}
        </Button>
      </form>
    </section>
  );
}

/**
 * "Budget en volume" on the agreement page (internal view, with a ceiling): spend against the ceiling in words
 * and numbers, the year's burn-down with its forecast, spend per product line, the realisations, and for the
 * contract manager and purchaser the form to record one.
 */
export function BudgetSection({ a, me }: { a: InternalAgreement; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const years = agreementYears(a.startDate, a.endDate);
  const [year, setYear] = useState(() => defaultYear(years));
  const budget = useQuery({
    ...trpc.budget.get.queryOptions({ agreementId: a.id, year }),
    placeholderData: keepPreviousData,
  });
  const data = budget.data;
  return (
    <Section id="budget" title={t('agreementDetail.sections.budget')}>
      <div role="status" aria-live="polite" className="regie-status">
        {budget.isPending || budget.isPlaceholderData ? t('budget.loading') : null}
      </div>
      {budget.isError ? <Alert type="error">{t('budget.error')}</Alert> : null}
      {data ? (
        <>
          <Totals budget={data} locale={locale} />
          <div className="regie-section__top">
            <h3 className="regie-subheading">{t('budget.yearTitle', { year })}</h3>
            {years.length > 1 ? (
              <FormField
                className="regie-filters__field regie-year"
                label={<FormLabel htmlFor="budget-year">{t('budget.year')}</FormLabel>}
                input={
                  <Select
                    id="budget-year"
                    value={String(year)}
                    onChange={(e) => setYear(Number(e.target.value))}
                  >
                    {years.map((y) => (
                      <SelectOption key={y} value={String(y)}>
                        {y}
                      </SelectOption>
                    ))}
                  </Select>
                }
              />
            ) : null}
          </div>
          <Forecast budget={data} locale={locale} />
          {data.year ? <BurnDownChart year={data.year} locale={locale} /> : null}
          {data.lines.length > 0 ? <LinesTable lines={data.lines} locale={locale} /> : null}
          <RealisationsTable budget={data} locale={locale} />
          {canRecord(me) ? <RealisationForm a={a} lines={data.lines} /> : null}
        </>
      ) : null}
    </Section>
  );
}
