import '../../i18n/usage-load';
import type { UsageView } from '@regie/core/browser';
import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/files';
import { type AppLocale, formatMoney, formatNumber } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import type { Service } from './UsageForm';

type Row = UsageView['rows'][number];

/** A figure's cell: right-aligned, on one line. */
export const NUMERIC = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

/** One member's statement: the parts per column, the measured months, and its exports. */
export function Statement({
  agreementId,
  row,
  year,
  services,
  locale,
}: {
  agreementId: string;
  row: Row;
  year: number;
  services: readonly Service[];
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const { announce, outcome } = useOutcome(`usage-export-${row.member}`);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const s = row.detail!.statement;
  const money = (cents: number) => formatMoney(cents, locale);
  const nameOf = (id: string) => services.find((x) => x.id === id)?.name ?? id;
  const columns = [
    { key: 'year', label: t('usage.yearProvisional'), c: s.yearProvisional },
    { key: 'provisional', label: t('usage.provisional'), c: s.provisional },
    { key: 'definitive', label: t('usage.definitive'), c: s.definitive },
  ];
  async function run(format: 'xlsx' | 'pdf') {
    setBusy(format);
    try {
      await downloadFile(
        `exports/usage/${encodeURIComponent(agreementId)}/${row.member}/${year}.${format}`,
        `afrekening-${row.member}-${year}.${format}`,
      );
      announce(t('usage.exportDone'));
    } catch {
      announce(t('usage.exportFailed'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div data-testid={`usage-statement-${row.member}`}>
      <h3 className="regie-subheading">{t('usage.statementTitle', { name: row.name, year })}</h3>
      <div className="regie-table-scroll">
        <Table className="regie-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('usage.parts')}</TableHeaderCell>
              {columns.map((col) => (
                <TableHeaderCell
                  key={col.key}
                  scope="col"
                  className="utrecht-table__header-cell--numeric-column"
                >
                  {col.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {(['baseCents', 'usageCents', 'modulesCents', 'totalCents'] as const).map((part) => (
              <TableRow key={part}>
                <TableHeaderCell scope="row">
                  {t(
                    part === 'baseCents'
                      ? 'usage.base'
                      : part === 'usageCents'
                        ? 'usage.usage'
                        : part === 'modulesCents'
                          ? 'usage.modules'
                          : 'usage.totalPart',
                  )}
                </TableHeaderCell>
                {columns.map((col) => (
                  <TableCell key={col.key} className={NUMERIC}>
                    {money(col.c[part])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {s.usage.length > 0 ? (
        <>
          <Paragraph>{t('usage.measured')}</Paragraph>
          <ul className="regie-list">
            {s.usage.map((u) => (
              <li key={u.period}>
                {t('usage.measuredLine', {
                  period: u.period,
                  quantities: u.quantities
                    .map((q) => `${nameOf(q.serviceId)} ${formatNumber(q.quantity, locale)}`)
                    .join('; '),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="regie-status-actions">
        <Button
          appearance="secondary-action-button"
          busy={busy === 'xlsx'}
          disabled={busy !== null}
          onClick={() => void run('xlsx')}
        >
          {t('usage.exportXlsx', { name: row.name })}
        </Button>
        <Button
          appearance="secondary-action-button"
          busy={busy === 'pdf'}
          disabled={busy !== null}
          onClick={() => void run('pdf')}
        >
          {t('usage.exportPdf', { name: row.name })}
        </Button>
        {outcome}
      </div>
    </div>
  );
}
