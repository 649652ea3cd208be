import { formatIban } from '@regie/core/browser';
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
import { organisationKindLabel } from '../../lib/agreements/labels';
import type { Organisation } from '../../lib/agreements/model';
import { formatDate, localeFor } from '../../lib/format';

/** The registered organisations of one register. */
export function OrganisationsTable({ rows, busy }: { rows: Organisation[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const none = t('agreementDetail.none');
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" busy={busy} data-testid="organisations-table">
        <TableCaption className="regie-visually-hidden">{t('organisations.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('organisations.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.kvk')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.agb')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.iban')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.createdAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={o.id}>
              <TableHeaderCell scope="row">{o.name}</TableHeaderCell>
              <TableCell>{organisationKindLabel(t, o.kind)}</TableCell>
              <TableCell className="regie-nowrap">{o.kvkNumber}</TableCell>
              <TableCell className="regie-nowrap">{o.agbCode ?? none}</TableCell>
              <TableCell className="regie-nowrap">{o.iban ? formatIban(o.iban) : none}</TableCell>
              <TableCell className="regie-nowrap">
                <time dateTime={o.createdAt}>{formatDate(o.createdAt.slice(0, 10), locale)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
