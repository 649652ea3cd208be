import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorCode } from '../../lib/errors';
import { formatDateLong, formatDateTime, formatMoney, formatNumber, localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { domainLabel, kindLabel, statusLabel } from './labels';

/** `navigate(…, { state: { saved: true } })` after creating; read once so a reload does not repeat it. */
function useSavedNotice(): boolean {
  const [saved] = useState(() => (window.history.state as { saved?: unknown } | null)?.saved === true);
  useEffect(() => {
    if (saved) window.history.replaceState(null, '');
  }, [saved]);
  return saved;
}

function Item({ label, children, empty }: { label: string; children: ReactNode; empty?: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children === '' || children === null ? <em>{empty}</em> : children}</DataListValue>
    </DataListItem>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link href="/register" className="utrecht-link">
        {t('agreementDetail.back')}
      </Link>
    </Paragraph>
  );
}

export function AgreementDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const saved = useSavedNotice();
  const agreement = useQuery(trpc.agreement.get.queryOptions({ id }));
  const a = agreement.data;
  usePageTitle(a ? `${a.reference} ${a.title}` : t('agreementDetail.loading'));

  if (!a) {
    const notFound = agreement.isError && errorCode(agreement.error) === 'NOT_FOUND';
    return (
      <div className="regie-detail">
        <div role="status" aria-live="polite" className="regie-status">
          {agreement.isPending ? t('agreementDetail.loading') : null}
        </div>
        {agreement.isError ? (
          <Alert type={notFound ? 'warning' : 'error'}>
            {notFound ? t('agreementDetail.notFound') : t('agreementDetail.error')}
          </Alert>
        ) : null}
        <BackLink />
      </div>
    );
  }

  const empty = t('agreementDetail.empty');
  return (
    <div className="regie-detail">
      {saved ? <Alert type="ok">{t('agreementDetail.saved')}</Alert> : null}
      <p className="regie-pre-heading">
        {kindLabel(t, a.kind)} · {a.reference}
      </p>
      <PageHeading>{a.title}</PageHeading>
      <DataList className="regie-data-list">
        <Item label={t('fields.reference')}>{a.reference}</Item>
        <Item label={t('fields.title')}>{a.title}</Item>
        <Item label={t('fields.kind')}>{kindLabel(t, a.kind)}</Item>
        <Item label={t('fields.status')}>{statusLabel(t, a.status)}</Item>
        <Item label={t('fields.domain')}>{domainLabel(t, a.domain)}</Item>
        <Item label={t('fields.startDate')}>
          <time dateTime={a.startDate}>{formatDateLong(a.startDate, locale)}</time>
        </Item>
        <Item label={t('fields.endDate')}>
          <time dateTime={a.endDate}>{formatDateLong(a.endDate, locale)}</time>
        </Item>
        <Item label={t('fields.valueCeiling')} empty={empty}>
          {a.valueCeilingCents === null ? '' : formatMoney(a.valueCeilingCents, locale)}
        </Item>
        <Item label={t('fields.description')} empty={empty}>
          {a.description ? <span className="regie-multiline">{a.description}</span> : ''}
        </Item>
        <Item label={t('fields.version')}>{formatNumber(a.version, locale)}</Item>
        <Item label={t('fields.createdAt')}>
          <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, locale)}</time>
        </Item>
        <Item label={t('fields.createdBy')}>{'createdBy' in a ? a.createdBy : ''}</Item>
        <Item label={t('fields.updatedAt')}>
          <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt, locale)}</time>
        </Item>
      </DataList>
      <BackLink />
    </div>
  );
}
