import { useQuery } from '@tanstack/react-query';
import {
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
import { Link } from 'wouter';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { progress } from './model';

/**
 * `/signing` ("Ondertekening"): the agreements out for signature the caller can see — for a provider signer
 * those of its own organisation, for municipal users those of their municipality — with who signs next and
 * whether it is the caller's turn. Each row leads to the agreement's signing section.
 */
export function SigningPage() {
  const { t } = useTranslation();
  usePageTitle(t('signing.title'));
  const trpc = useTRPC();
  const inbox = useQuery(trpc.signing.inbox.queryOptions({ limit: 50 }));
  const rows = inbox.data ?? [];
  const mine = rows.filter((r) => r.myTurn).length;
  return (
    <div className="regie-signing">
      <PageHeading>{t('signing.title')}</PageHeading>
      <Paragraph>{t('signing.intro')}</Paragraph>
      <Paragraph className="regie-hint">{t('signing.level')}</Paragraph>
      <QueryState
        query={inbox}
        count={rows.length}
        loading={t('signing.loading')}
        status={rows.length > 0 ? t('signing.count', { count: rows.length, mine }) : null}
        error={t('signing.error')}
        empty={t('signing.none')}
      />
      {rows.length > 0 ? (
        <Table data-testid="signing-table">
          <TableCaption>{t('signing.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('signing.reference')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('signing.agreementTitle')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('signing.owner')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('signing.progress')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('signing.next')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const next = r.signers.find((s) => s.state === 'next');
              return (
                <TableRow key={r.agreementId} data-testid={`signing-row-${r.reference}`}>
                  <TableCell>
                    <Link
                      href={`/agreements/${encodeURIComponent(r.agreementId)}#signing`}
                      className="utrecht-link"
                      aria-label={t('signing.openLabel', { reference: r.reference })}
                    >
                      {r.reference}
                    </Link>
                  </TableCell>
                  <TableCell>{r.title}</TableCell>
                  <TableCell>{r.ownerName}</TableCell>
                  <TableCell>
                    {r.document ? t('signing.progressValue', progress(r)) : t('signing.noDocument')}
                  </TableCell>
                  <TableCell>
                    {r.myTurn ? <strong>{t('signing.yourTurn')}</strong> : (next?.organisationName ?? '—')}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
