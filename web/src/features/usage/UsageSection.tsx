import '../../i18n/usage-load';
import { useQuery } from '@tanstack/react-query';
import {
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { formatMoney, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { type Service, UsageForm } from './UsageForm';
import { NUMERIC, Statement } from './UsageStatement';

/**
 * "Gebruik en afrekening" on a region's service agreement (issue 16 point 4): per member the settled months and
 * its statement (provisional from the take-up, definitive from the measured usage), with exports. The region sees
 * every member and records a month's usage; a member sees its own statement and only the region's totals (the
 * server cuts the others out: `usage.list`).
 */
export function UsageSection({
  agreementId,
  services,
}: {
  agreementId: string;
  services: readonly Service[];
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useQuery(trpc.usage.list.queryOptions({ agreementId, year }));
  const [status, setStatus] = useState<string | null>(null);
  const view = query.data;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <Section id="usage" title={t('usage.title')}>
      <Field id="usage-year" label={t('usage.year')} error={undefined}>
        {(props) => (
          <Select {...props} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <SelectOption key={y} value={String(y)}>
                {y}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <QueryState query={query} loading={t('usage.loading')} error={t('usage.loadError')} count={1} />
      {view ? (
        <>
          <Paragraph>{view.canWrite ? t('usage.intro') : t('usage.memberIntro')}</Paragraph>
          <div className="regie-table-scroll">
            <Table className="regie-table" data-testid="usage-table">
              <TableCaption className="regie-visually-hidden">{t('usage.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('usage.member')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('usage.months')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.yearProvisional')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.provisional')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.definitive')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.difference')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.rows.map((row) => {
                  const s = row.detail?.statement;
                  return (
                    <TableRow key={row.member} data-testid={`usage-${row.member}`}>
                      <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                      {s ? (
                        <>
                          <TableCell>
                            {s.periods.length > 0 ? s.periods.join(', ') : t('usage.noMonths')}
                          </TableCell>
                          <TableCell className={NUMERIC}>{money(s.yearProvisional.totalCents)}</TableCell>
                          <TableCell className={NUMERIC}>{money(s.provisional.totalCents)}</TableCell>
                          <TableCell className={NUMERIC} data-testid={`usage-definitive-${row.member}`}>
                            {money(s.definitive.totalCents)}
                          </TableCell>
                          <TableCell className={NUMERIC}>{money(s.differenceCents)}</TableCell>
                        </>
                      ) : (
                        <TableCell colSpan={5}>{t('usage.hidden')}</TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={2}>
                    {t('usage.total')}
                  </TableHeaderCell>
                  <TableCell className={NUMERIC} data-testid="usage-total-year">
                    {money(view.totals.yearProvisionalCents)}
                  </TableCell>
                  <TableCell />
                  <TableCell className={NUMERIC} data-testid="usage-total-definitive">
                    {money(view.totals.definitiveCents)}
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          {view.rows.flatMap((row) =>
            row.detail
              ? [
                  <Statement
                    key={row.member}
                    agreementId={agreementId}
                    row={row}
                    year={year}
                    services={services}
                    locale={locale}
                  />,
                ]
              : [],
          )}
          <StatusLine>{status}</StatusLine>
          {view.canWrite ? (
            <UsageForm
              agreementId={agreementId}
              year={year}
              view={view}
              services={services}
              locale={locale}
              onDone={setStatus}
            />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
