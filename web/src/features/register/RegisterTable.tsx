import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { domainLabel, kindLabel, statusLabel } from '../../lib/agreements/labels';
import type { AgreementSummary } from '../../lib/agreements/model';
import { formatDate, formatMoney, localeFor } from '../../lib/format';

/** The register's rows: reference (a link to the agreement), title, party or owner, kind, status, end, ceiling. */
export function RegisterTable({
  rows,
  busy,
  provider,
  budgetBadge,
}: {
  rows: AgreementSummary[];
  busy: boolean;
  provider: boolean;
  /** The budget signal of a row (warning, breach) as a badge; the page gives it (features do not import each other). */
  budgetBadge: (level: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  return (
    // On a narrow screen the table scrolls sideways; each row's link keeps the region reachable by keyboard.
    <div className="regie-table-scroll">
      <Table data-testid="register-table" busy={busy} className="regie-register-table">
        <TableCaption id="register-caption" className="regie-visually-hidden">
          {t('register.caption')}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('fields.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{provider ? t('fields.owner') : t('fields.party')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.domain')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.endDate')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
              {t('fields.valueCeiling')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="regie-nowrap">
                <Link href={`/agreements/${encodeURIComponent(row.id)}`} className="utrecht-link">
                  {row.reference}
                </Link>
              </TableCell>
              <TableCell>{row.title}</TableCell>
              <TableCell>
                {row.view === 'party'
                  ? row.ownerName
                  : row.parties.length > 0
                    ? row.parties.map((p) => p.name).join(', ')
                    : t('register.noParty')}
              </TableCell>
              <TableCell>{kindLabel(t, row.kind)}</TableCell>
              <TableCell>{statusLabel(t, row.status)}</TableCell>
              <TableCell>{domainLabel(t, row.domain)}</TableCell>
              <TableCell className="regie-nowrap">
                <time dateTime={row.endDate}>{formatDate(row.endDate, locale)}</time>
              </TableCell>
              <TableCell className="utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap">
                {row.valueCeilingCents === null
                  ? t('register.noCeiling')
                  : formatMoney(row.valueCeilingCents, locale)}
                {row.view === 'internal' && row.budget && row.budget.level !== 'ok' ? (
                  <>
                    <br />
                    {budgetBadge(row.budget.level)}
                  </>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
