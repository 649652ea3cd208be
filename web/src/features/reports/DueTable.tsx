import { useQuery } from '@tanstack/react-query';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Agreement } from '../../lib/agreements/model';
import { formatDate, localeFor } from '../../lib/format';
import {
  type DueRow,
  type NextDue,
  partyDue,
  periodLabel,
  reportPath,
  sortDue,
  todayIso,
} from '../../lib/reports/model';
import { useTRPC } from '../../lib/trpc';

/** "Te laat" in words, set apart visually as well: never colour alone. */
export function LateBadge() {
  const { t } = useTranslation();
  return <strong className="regie-badge regie-badge--late">{t('reports.late')}</strong>;
}

/**
 * What an agreement expects next, one item per periodic duty: a provider reads it from its own party view; a
 * municipality from `report.due` of the owning register (the due-date index, not the agreement).
 */
export function useNextDue(a: Agreement) {
  const trpc = useTRPC();
  const internal = a.view === 'internal';
  const due = useQuery({
    ...trpc.report.due.queryOptions(internal ? { space: a.space, limit: 100 } : { limit: 100 }),
    enabled: internal,
  });
  if (!internal) {
    return { rows: partyDue(a.due, todayIso()), pending: false, failed: false };
  }
  const rows: NextDue[] | undefined = due.data
    ?.filter((row) => row.agreementId === a.id)
    .map(({ dutyId, dutyTitle, period, dueDate, overdue, party, partyName }) => ({
      dutyId,
      dutyTitle,
      period,
      dueDate,
      overdue,
      ...(party ? { party, partyName: partyName ?? party } : {}),
    }));
  return { rows, pending: due.isPending, failed: due.isError };
}

/**
 * Reports expected across agreements (the provider's "Te leveren", a register's list under Sturing): overdue
 * first with "Te laat", each agreement a link; with `canSubmit` a "Rapportage indienen" link per row.
 */
export function DueTable({
  rows,
  caption,
  canSubmit,
  testId,
}: {
  rows: readonly DueRow[];
  caption: string;
  canSubmit: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  // Each provider party has its own due: the municipality's list names whose it is.
  const showParty = rows.some((r) => r.partyName);
  // A duty owed by several parties gets a test id per party; one owed by one keeps the plain id.
  const perDuty = new Map<string, number>();
  for (const r of rows)
    perDuty.set(`${r.agreementId}-${r.dutyId}`, (perDuty.get(`${r.agreementId}-${r.dutyId}`) ?? 0) + 1);
  const testIdOf = (r: DueRow) =>
    `due-${r.agreementId}-${r.dutyId}${r.party && (perDuty.get(`${r.agreementId}-${r.dutyId}`) ?? 0) > 1 ? `-${r.party}` : ''}`;
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid={testId}>
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('reports.table.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.table.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.table.duty')}</TableHeaderCell>
            {showParty ? <TableHeaderCell scope="col">{t('parties.column')}</TableHeaderCell> : null}
            <TableHeaderCell scope="col">{t('reports.table.period')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.table.dueDate')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.table.status')}</TableHeaderCell>
            {canSubmit ? <TableHeaderCell scope="col">{t('reports.table.action')}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sortDue(rows).map((row) => {
            const period = periodLabel(t, locale, row.period);
            return (
              <TableRow
                key={`${row.agreementId}/${row.dutyId}/${row.party ?? ''}`}
                data-testid={testIdOf(row)}
              >
                <TableHeaderCell scope="row" className="regie-nowrap">
                  <Link href={`/agreements/${encodeURIComponent(row.agreementId)}`} className="utrecht-link">
                    {row.reference}
                  </Link>
                </TableHeaderCell>
                <TableCell>{row.title}</TableCell>
                <TableCell>{row.dutyTitle}</TableCell>
                {showParty ? <TableCell>{row.partyName ?? ''}</TableCell> : null}
                <TableCell className="regie-nowrap">{period}</TableCell>
                <TableCell className="regie-nowrap">
                  <time dateTime={row.dueDate}>{formatDate(row.dueDate, locale)}</time>
                </TableCell>
                <TableCell>{row.overdue ? <LateBadge /> : t('reports.expected')}</TableCell>
                {canSubmit ? (
                  <TableCell className="regie-nowrap">
                    <Link
                      href={reportPath(row.agreementId, row.dutyId, row.period, row.party)}
                      className="utrecht-link"
                    >
                      {t('reports.submit')}
                      <span className="regie-visually-hidden">
                        {' '}
                        {t('reports.submitFor', { reference: row.reference, period })}
                      </span>
                    </Link>
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
