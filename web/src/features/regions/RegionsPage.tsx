import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addBenchmarkTexts } from '../../i18n/benchmark';
import { allocationMethodLabel, statusLabel } from '../../lib/agreements/labels';
import {
  type AgreementSummary,
  type InternalAgreement,
  isProviderUser,
  type Me,
  spaceName,
} from '../../lib/agreements/model';
import { formatMoney, localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';

addBenchmarkTexts();

/** A region's agreements are read in one request; beyond that the register (filtered on the region) pages on. */
const LIMIT = 100;

function RegionPanel({ region, me }: { region: Me['reach'][number]; me: Me }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const agreements = useQuery(trpc.agreement.find.queryOptions({ space: region.space, limit: LIMIT }));
  const rows = (agreements.data?.items ?? []).filter(
    (row: AgreementSummary): row is InternalAgreement => row.view === 'internal',
  );
  // The region's own record names its members (me.get), so the list is complete even before any agreement.
  const memberList = region.members ?? [];
  const members = memberList.map((m) => m.space);
  const own = members.includes(me.space) ? me.space : null;
  const none = t('agreementDetail.none');
  const id = `region-${region.space}`;
  const memberName = (space: string) =>
    memberList.find((m) => m.space === space)?.name ?? spaceName(me, space);

  return (
    <Section id={id} title={region.name}>
      <StatusLine>{agreements.isPending ? t('regions.loading') : null}</StatusLine>
      {agreements.isError ? <Alert type="error">{t('regions.error')}</Alert> : null}
      {agreements.isSuccess ? (
        <>
          <Paragraph id={`${id}-members`}>{t('regions.members')}</Paragraph>
          <UnorderedList aria-labelledby={`${id}-members`}>
            {members.map((space) => (
              <UnorderedListItem key={space}>
                {memberName(space)}
                {memberName(space) !== space ? ` (${space})` : null}
                {space === own ? <strong> {t('allocation.yours')}</strong> : null}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          {rows.length === 0 ? (
            <Paragraph className="regie-empty">{t('regions.empty')}</Paragraph>
          ) : (
            <div className="regie-table-scroll">
              <Table className="regie-table" data-testid={`region-table-${region.space}`}>
                <TableCaption className="regie-table__caption">
                  {t('regions.caption', { region: region.name })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('fields.reference')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('fields.title')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('fields.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('allocation.method')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                      {t('fields.valueCeiling')}
                    </TableHeaderCell>
                    {members.map((space) => (
                      <TableHeaderCell
                        key={space}
                        scope="col"
                        className={`utrecht-table__header-cell--numeric-column${space === own ? ' regie-own' : ''}`}
                      >
                        {space === own ? (
                          <>
                            {t('regions.yourShare')}
                            <br />
                            <span className="regie-own__name">{memberName(space)}</span>
                          </>
                        ) : (
                          memberName(space)
                        )}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => {
                    const shares = new Map((row.shares ?? []).map((s) => [s.space, s.cents]));
                    return (
                      <TableRow key={row.id}>
                        <TableHeaderCell scope="row" className="regie-nowrap">
                          <Link href={`/agreements/${encodeURIComponent(row.id)}`} className="utrecht-link">
                            {row.reference}
                          </Link>
                        </TableHeaderCell>
                        <TableCell>{row.title}</TableCell>
                        <TableCell>{statusLabel(t, row.status)}</TableCell>
                        <TableCell>
                          {row.allocationKey
                            ? allocationMethodLabel(t, row.allocationKey.method)
                            : t('regions.noKey')}
                        </TableCell>
                        <TableCell className="utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap">
                          {row.valueCeilingCents === null ? none : formatMoney(row.valueCeilingCents, locale)}
                        </TableCell>
                        {members.map((space) => {
                          const cents = shares.get(space);
                          const value = cents === undefined ? none : formatMoney(cents, locale);
                          return (
                            <TableCell
                              key={space}
                              className={`utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap${space === own ? ' regie-own' : ''}`}
                              data-testid={space === own ? `own-share-${row.reference}` : undefined}
                            >
                              {space === own ? <strong>{value}</strong> : value}
                            </TableCell>
                          );
                        })}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )}
          <Paragraph>
            <Link href={`/regions/${encodeURIComponent(region.space)}/benchmark`} className="utrecht-link">
              {t('benchmark.link', { region: region.name })}
            </Link>
          </Paragraph>
          <Paragraph>
            <Link href={`/register?space=${encodeURIComponent(region.space)}`} className="utrecht-link">
              {agreements.data?.nextCursor
                ? t('regions.more', { region: region.name })
                : t('regions.toRegister', { region: region.name })}
            </Link>
          </Paragraph>
        </>
      ) : null}
    </Section>
  );
}

/** `/regions`: per region the caller's municipality works in, its members and its shared agreements. */
export function RegionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('regions.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const regions = (me.data?.reach ?? []).filter((r) => r.kind === 'region');
  return (
    <div className="regie-regions">
      <PageHeading>{t('regions.title')}</PageHeading>
      <Paragraph>{t('regions.intro')}</Paragraph>
      <StatusLine>{me.isPending ? t('app.loading') : null}</StatusLine>
      {me.isError ? <Alert type="error">{t('app.meError')}</Alert> : null}
      {me.data && (isProviderUser(me.data) || regions.length === 0) ? (
        <Paragraph className="regie-empty">{t('regions.none')}</Paragraph>
      ) : null}
      {me.data
        ? regions.map((region) => <RegionPanel key={region.space} region={region} me={me.data} />)
        : null}
    </div>
  );
}
