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
import { formatDateTime, localeFor } from '../../lib/format';
import type { SignerState, SigningStatus } from './model';

/** The signers in their order (the signing slots), each with its state: signed by whom and when, next, waiting. */
export function SignersTable({ s }: { s: SigningStatus }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const state = (x: SignerState) =>
    x.signature
      ? t('signing.section.signedBy', {
          name: x.signature.signerName,
          at: formatDateTime(x.signature.at, locale),
        })
      : x.state === 'next'
        ? t('signing.section.stateNext')
        : t('signing.section.stateWaiting');
  return (
    <Table data-testid="signers-table">
      <TableCaption>{t('signing.section.signersCaption')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('signing.section.order')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('signing.section.organisation')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('signing.section.role')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('signing.section.state')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {s.signers.map((x) => (
          <TableRow key={x.order} data-testid={`signer-${x.order}`}>
            <TableCell>{x.order}</TableCell>
            <TableCell>{x.organisationName}</TableCell>
            <TableCell>
              {t(`signing.section.roles.${x.role === 'approver' ? 'approver' : 'provider_signer'}`)}
            </TableCell>
            <TableCell>{x.state === 'next' ? <strong>{state(x)}</strong> : state(x)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
