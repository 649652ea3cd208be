import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  allocationMethodLabel,
  domainLabel,
  kindLabel,
  partyRoleLabel,
  statusLabel,
} from '../../lib/agreements/labels';
import { type Agreement, type InternalAgreement, type Me, spaceName } from '../../lib/agreements/model';
import {
  type AppLocale,
  formatDateLong,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { Definition, DefinitionList } from '../../ui/DefinitionList';
import { LoadStatus } from '../../ui/LoadStatus';
import { Section } from '../../ui/Section';
import { TableCell, TableFrame, TableHeaderCell, TableRow } from '../../ui/TableFrame';
import { monthsText, renewalText, weightText } from './present';

/** The agreement's own terms on its page: data, parties, product lines, call-offs and a region's allocation. */

/** The framework agreement a call-off belongs to, by its reference and title once known. */
function ParentLink({ id }: { id: string }) {
  const trpc = useTRPC();
  const parent = useQuery(trpc.agreement.get.queryOptions({ id }));
  return (
    <Link href={`/agreements/${encodeURIComponent(id)}`} className="utrecht-link">
      {parent.data ? `${parent.data.reference} ${parent.data.title}` : id}
    </Link>
  );
}

/** A framework contract's call-offs (deelovereenkomsten), newest first. */
export function CallOffsSection({ a }: { a: InternalAgreement }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const children = useQuery(trpc.agreement.find.queryOptions({ parentId: a.id, space: a.space, limit: 100 }));
  const rows = children.data?.items ?? [];
  return (
    <Section id="call-offs" title={t('agreementDetail.sections.callOffs')}>
      <LoadStatus
        query={children}
        loading={t('agreementDetail.loading')}
        error={t('agreementDetail.error')}
      />
      {children.isSuccess && rows.length === 0 ? (
        <Paragraph>{t('agreementDetail.noCallOffs')}</Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <ul className="regie-list">
          {rows.map((row) => (
            <li key={row.id}>
              <Link href={`/agreements/${encodeURIComponent(row.id)}`} className="utrecht-link">
                {row.reference}
              </Link>{' '}
              {row.title} ({statusLabel(t, row.status)})
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

export function TermsSection({ a, me, locale }: { a: Agreement; me: Me | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  const empty = t('agreementDetail.empty');
  const internal = a.view === 'internal' ? a : null;
  return (
    <Section id="terms" title={t('agreementDetail.sections.terms')}>
      <DefinitionList>
        <Definition label={t('fields.reference')}>{a.reference}</Definition>
        <Definition label={t('fields.title')}>{a.title}</Definition>
        <Definition label={t('fields.kind')}>{kindLabel(t, a.kind)}</Definition>
        <Definition label={t('fields.status')}>{statusLabel(t, a.status)}</Definition>
        <Definition label={t('fields.domain')}>{domainLabel(t, a.domain)}</Definition>
        {internal ? (
          <Definition label={t('fields.ownerSpace')}>{spaceName(me, internal.space)}</Definition>
        ) : a.view === 'party' ? (
          <Definition label={t('fields.owner')}>{a.ownerName}</Definition>
        ) : null}
        <Definition label={t('fields.startDate')}>
          <time dateTime={a.startDate}>{formatDateLong(a.startDate, locale)}</time>
        </Definition>
        <Definition label={t('fields.endDate')}>
          <time dateTime={a.endDate}>{formatDateLong(a.endDate, locale)}</time>
        </Definition>
        <Definition label={t('fields.noticePeriod')} empty={empty}>
          {a.noticePeriodMonths === null ? '' : monthsText(t, a.noticePeriodMonths)}
        </Definition>
        <Definition label={t('fields.renewal')}>{renewalText(t, a.renewal)}</Definition>
        <Definition label={t('fields.valueCeiling')} empty={empty}>
          {a.valueCeilingCents === null ? '' : formatMoney(a.valueCeilingCents, locale)}
        </Definition>
        {internal?.parentId ? (
          <Definition label={t('fields.parent')}>
            <ParentLink id={internal.parentId} />
          </Definition>
        ) : null}
        <Definition label={t('fields.description')} empty={empty}>
          {a.description ? <span className="regie-multiline">{a.description}</span> : ''}
        </Definition>
        <Definition label={t('fields.version')}>{formatNumber(a.version, locale)}</Definition>
        <Definition label={t('fields.createdAt')}>
          <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, locale)}</time>
        </Definition>
        {internal ? (
          <Definition label={t('fields.createdBy')}>
            {internal.createdByName ?? internal.createdBy}
          </Definition>
        ) : null}
        <Definition label={t('fields.updatedAt')}>
          <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt, locale)}</time>
        </Definition>
        {internal ? (
          <Definition label={t('fields.updatedBy')}>
            {internal.updatedByName ?? internal.updatedBy}
          </Definition>
        ) : null}
      </DefinitionList>
    </Section>
  );
}

export function PartiesSection({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const rows: { organisationId: string; name: string; role: string; kvkNumber: string }[] =
    a.view === 'internal' ? a.parties : [a.party];
  return (
    <Section id="parties" title={t('agreementDetail.sections.parties')}>
      {a.view === 'party' ? <Paragraph>{t('agreementDetail.partyViewNote')}</Paragraph> : null}
      {rows.length === 0 ? (
        <Paragraph className="regie-empty">{t('agreementDetail.noParties')}</Paragraph>
      ) : (
        <TableFrame
          caption={t('agreementDetail.partiesCaption')}
          head={
            <>
              <TableHeaderCell scope="col">{t('agreementDetail.partyName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('agreementDetail.partyRole')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('agreementDetail.partyKvk')}</TableHeaderCell>
            </>
          }
        >
          {rows.map((party) => (
            <TableRow key={`${party.organisationId}/${party.role}`}>
              <TableCell>{party.name}</TableCell>
              <TableCell>{partyRoleLabel(t, party.role)}</TableCell>
              <TableCell className="regie-nowrap">{party.kvkNumber}</TableCell>
            </TableRow>
          ))}
        </TableFrame>
      )}
    </Section>
  );
}

export function AllocationSection({
  a,
  me,
  locale,
}: {
  a: InternalAgreement;
  me: Me | undefined;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const key = a.allocationKey;
  const shares = new Map((a.shares ?? []).map((s) => [s.space, s.cents]));
  return (
    <Section id="allocation" title={t('agreementDetail.sections.allocation')}>
      {!key ? (
        <Paragraph>{t('allocation.noKey')}</Paragraph>
      ) : (
        <>
          <DefinitionList>
            <Definition label={t('allocation.method')}>{allocationMethodLabel(t, key.method)}</Definition>
            {key.referenceDate ? (
              <Definition label={t('allocation.referenceDate')}>
                <time dateTime={key.referenceDate}>{formatDateLong(key.referenceDate, locale)}</time>
              </Definition>
            ) : null}
            {key.source ? <Definition label={t('allocation.source')}>{key.source}</Definition> : null}
            {key.baseBasisPoints !== undefined ? (
              <Definition label={t('allocation.base')}>
                {formatPercent(key.baseBasisPoints, locale)}
              </Definition>
            ) : null}
          </DefinitionList>
          {a.shares === null ? <Paragraph>{t('allocation.noCeiling')}</Paragraph> : null}
          <TableFrame
            caption={t('allocation.caption')}
            captionVisible
            testId="allocation-table"
            head={
              <>
                <TableHeaderCell scope="col">{t('allocation.member')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('allocation.weight')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('allocation.share')}
                </TableHeaderCell>
              </>
            }
          >
            {key.weights.map((w) => {
              const own = w.space === me?.space;
              const cents = shares.get(w.space);
              return (
                <TableRow key={w.space} className={own ? 'regie-row--own' : undefined}>
                  <TableHeaderCell scope="row">
                    {spaceName(me, w.space)}
                    {own ? <strong className="regie-own-marker"> {t('allocation.yours')}</strong> : null}
                  </TableHeaderCell>
                  <TableCell className="utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap">
                    {weightText(t, locale, key.method, w.weight)}
                  </TableCell>
                  <TableCell className="utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap">
                    {cents === undefined ? t('agreementDetail.none') : formatMoney(cents, locale)}
                  </TableCell>
                </TableRow>
              );
            })}
            {a.valueCeilingCents !== null && a.shares !== null ? (
              <TableRow>
                <TableHeaderCell scope="row">{t('allocation.total')}</TableHeaderCell>
                <TableCell />
                <TableCell className="utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap">
                  {formatMoney(a.valueCeilingCents, locale)}
                </TableCell>
              </TableRow>
            ) : null}
          </TableFrame>
        </>
      )}
    </Section>
  );
}
