import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
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
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWriteAgreement, type InternalAgreement, type Me } from '../../lib/agreements/model';
import {
  agreementYears,
  type Budget,
  type BudgetLine,
  budgetLevel,
  canCorrect,
  canRecord,
  defaultYear,
  forecastThreshold,
  regionMembers,
  shareOf,
  warningThreshold,
} from '../../lib/budget/model';
import { type AppLocale, formatMoney, formatNumber, formatPercent, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { Definition, DefinitionList } from '../../ui/DefinitionList';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { BurnDownChart } from './BurnDownChart';
import { RealisationForm } from './RealisationForm';
import { RealisationsTable } from './RealisationsTable';
import { StatementSection } from './StatementSection';
import { YearCeilings } from './YearCeilings';
import '../../i18n/incentives-texts';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';
const _fieldId = (field: string) => `realisation-${field}`;

/** Ceiling, spend with its share, what remains (or how far over), and the level in words. */
function Totals({ budget, locale }: { budget: Budget; locale: AppLocale }) {
  const { t } = useTranslation();
  const ceiling = budget.ceilingCents ?? 0;
  const used = budget.usedBasisPoints ?? shareOf(budget.spentCents, ceiling) ?? 0;
  const remaining = ceiling - budget.spentCents;
  return (
    <DefinitionList testId="budget-totals">
      <Definition label={t('budget.ceiling')}>{formatMoney(ceiling, locale)}</Definition>
      <Definition label={t('budget.spent')} testId="budget-spent">
        {t('budget.spentValue', {
          spent: formatMoney(budget.spentCents, locale),
          percent: formatPercent(used, locale),
        })}
      </Definition>
      <Definition label={t('budget.remaining')}>
        {remaining >= 0
          ? formatMoney(remaining, locale)
          : t('budget.over', { amount: formatMoney(-remaining, locale) })}
      </Definition>
      <Definition label={t('budget.level')} testId="budget-level">
        <strong>{t(`budget.levels.${budgetLevel(used)}`)}</strong>
      </Definition>
    </DefinitionList>
  );
}

function Forecast({ budget, locale }: { budget: Budget; locale: AppLocale }) {
  const { t } = useTranslation();
  const year = budget.year;
  if (!year) return null;
  const forecastAt = forecastThreshold(year.forecastCrosses);
  const ownCeiling = budget.yearCeilings.some((y) => y.year === year.year);
  const ceiling = (
    <Definition label={t('bounds.yearCeilings.shown', { year: year.year })} testId="budget-year-ceiling">
      {ownCeiling ? formatMoney(year.ceilingCents, locale) : t('bounds.yearCeilings.wholeCeiling')}
    </Definition>
  );
  if (year.spentCents === 0)
    return (
      <>
        <DefinitionList testId="budget-forecast">{ceiling}</DefinitionList>
        <Paragraph className="regie-empty">{t('budget.noSpendYear', { year: year.year })}</Paragraph>
      </>
    );
  return (
    <>
      <DefinitionList testId="budget-forecast">
        {ceiling}
        <Definition label={t('budget.spentYear', { year: year.year })}>
          {t('budget.forecastValue', {
            amount: formatMoney(year.spentCents, locale),
            percent: formatPercent(year.usedBasisPoints, locale),
          })}
        </Definition>
        <Definition label={t('budget.forecast', { year: year.year })}>
          {t('budget.forecastValue', {
            amount: formatMoney(year.forecastCents, locale),
            percent: formatPercent(shareOf(year.forecastCents, year.ceilingCents) ?? 0, locale),
          })}
        </Definition>
      </DefinitionList>
      {forecastAt !== null ? (
        <Paragraph data-testid="budget-forecast-warning">
          <strong>
            {forecastAt >= 100
              ? t('budget.forecastBreach')
              : t('bounds.forecastReaches', { threshold: forecastAt })}
          </strong>
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
  const members = regionMembers(me, a.space);
  return (
    <Section id="budget" title={t('agreementDetail.sections.budget')}>
      <StatusLine>{budget.isPending || budget.isPlaceholderData ? t('budget.loading') : null}</StatusLine>
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
          {data.year && data.year.incentiveCents !== 0 ? (
            <DefinitionList testId="budget-incentives">
              <Definition label={t('incentives.budgetLabel', { year })}>
                {t('incentives.budgetValue', {
                  amount: formatMoney(data.year.incentiveCents, locale),
                  total: formatMoney(data.year.spentWithIncentivesCents, locale),
                })}
              </Definition>
            </DefinitionList>
          ) : null}
          {data.year ? (
            <BurnDownChart year={data.year} locale={locale} warning={warningThreshold(data.thresholds)} />
          ) : null}
          {data.lines.length > 0 ? <LinesTable lines={data.lines} locale={locale} /> : null}
          <YearCeilings a={a} editable={canWriteAgreement(me, a)} locale={locale} />
          {a.allocationKey ? <StatementSection agreementId={a.id} year={year} locale={locale} /> : null}
          <h3 className="regie-subheading">{t('budget.realisationsTitle')}</h3>
          <RealisationsTable
            agreementId={a.id}
            entries={data.realisations}
            lines={data.lines}
            members={members}
            locale={locale}
            correctable={canCorrect(me)}
            caption={t('budget.realisationsCaption')}
            emptyText={t('budget.noRealisations')}
            testId="realisations"
          />
          {canRecord(me) ? <RealisationForm agreementId={a.id} lines={data.lines} members={members} /> : null}
        </>
      ) : null}
    </Section>
  );
}
