import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type AppLocale, formatDateLong, formatMoney } from '../../lib/format';
import type { SubsidyView } from './model';
import { CeilingBar } from './RegulationsPage';

/** What a subsidy's record says: its regulation and ceiling, the application, grant, settlement and advances. */

/** One row of a subsidy data list. */
export function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <DataListItem data-testid={testId}>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

export function phaseOutText(
  t: TFunction,
  view: SubsidyView,
  decisionCents: number,
  locale: AppLocale,
): string {
  const p = view.phaseOut;
  return t('subsidy.section.phaseOut', {
    years: p.consecutiveYears,
    list: p.years.join(', '),
    previous: formatMoney(p.previousAnnualCents ?? 0, locale),
    decision: formatMoney(decisionCents, locale),
  });
}

/** The decisions taken on a subsidy so far, as a data list (the municipality's view, with who decided). */
export function Details({ view, locale }: { view: SubsidyView; locale: AppLocale }) {
  const { t } = useTranslation();
  const record = view.record!;
  const regulation = view.regulation;
  const application = view.application;
  return (
    <DataList className="regie-data-list" data-testid="subsidy-details">
      {regulation ? (
        <>
          <Item label={t('subsidy.section.regulation')}>
            <Link href="/subsidies" className="utrecht-link">
              {regulation.name}
            </Link>{' '}
            ({regulation.legalBasis})
          </Item>
          <Item label={t('subsidy.section.ceiling')} testId="subsidy-ceiling">
            {regulation.ceilingCents === null || regulation.roomLeftCents === null ? (
              t('subsidy.section.noCeiling')
            ) : (
              <>
                {t('subsidy.section.ceilingValue', {
                  ceiling: formatMoney(regulation.ceilingCents, locale),
                  granted: formatMoney(regulation.grantedCents, locale),
                  room: formatMoney(regulation.roomLeftCents, locale),
                })}
                <br />
                <CeilingBar regulation={regulation} locale={locale} />
              </>
            )}
          </Item>
        </>
      ) : null}
      <Item label={t('subsidy.section.applicationDate')}>
        <time dateTime={record.applicationDate}>{formatDateLong(record.applicationDate, locale)}</time>
      </Item>
      <Item label={t('subsidy.section.requested')}>{formatMoney(record.requestedCents, locale)}</Item>
      <Item label={t('subsidy.section.bookYear')}>{record.bookYear ?? t('subsidy.section.noBookYear')}</Item>
      {application && !application.late ? (
        <Item label="Awb 4:60">
          {t('subsidy.section.applicationOnTime', {
            deadline: formatDateLong(application.deadline, locale),
            received: formatDateLong(application.received, locale),
          })}
        </Item>
      ) : null}
      {record.decisionDue && view.status === 'requested' ? (
        <Item label={t('subsidy.section.decisionDue')}>
          <time dateTime={record.decisionDue}>{formatDateLong(record.decisionDue, locale)}</time>
        </Item>
      ) : null}
      {record.grant ? (
        <>
          <Item label={t('subsidy.section.granted')} testId="subsidy-granted">
            {t('subsidy.section.grantedValue', {
              amount: formatMoney(record.grant.amountCents, locale),
              date: formatDateLong(record.grant.at.slice(0, 10), locale),
              by: record.grant.byName ?? record.grant.by,
            })}
            {record.grant.lateApplication ? (
              <>
                <br />
                {t('subsidy.section.lateAccepted', { motivation: record.grant.lateApplication.motivation })}
              </>
            ) : null}
            {record.grant.settledAtGrant ? (
              <>
                <br />
                {t('subsidy.section.settledAtGrant')}
              </>
            ) : null}
          </Item>
          {!record.grant.settledAtGrant ? (
            <Item label={t('subsidy.section.settlementDue')}>
              <time dateTime={record.grant.settlementDueDate}>
                {formatDateLong(record.grant.settlementDueDate, locale)}
              </time>
              {view.exOfficioFrom ? (
                <>
                  <br />
                  {t('subsidy.section.exOfficioFrom', { date: formatDateLong(view.exOfficioFrom, locale) })}
                </>
              ) : null}
            </Item>
          ) : null}
        </>
      ) : null}
      {record.settlement ? (
        <>
          <Item label={t('subsidy.section.settled')} testId="subsidy-settled">
            {t('subsidy.section.settledValue', {
              amount: formatMoney(record.settlement.amountCents, locale),
              date: formatDateLong(record.settlement.at.slice(0, 10), locale),
              by: record.settlement.byName ?? record.settlement.by,
            })}{' '}
            (
            {record.settlement.exOfficio
              ? t('subsidy.section.settledExOfficio')
              : t('subsidy.section.settledOnApplication')}
            )
          </Item>
          {record.settlement.ground ? (
            <Item label={t('subsidy.section.ground')}>
              {t(`subsidy.section.grounds.${record.settlement.ground}`)}
            </Item>
          ) : null}
          {record.settlement.motivation ? (
            <Item label={t('subsidy.section.motivation')}>
              <span className="regie-multiline">{record.settlement.motivation}</span>
            </Item>
          ) : null}
        </>
      ) : null}
      {record.advances?.length ? (
        <Item label={t('subsidy.section.advances')} testId="subsidy-advances">
          <ul className="regie-plain-list">
            {record.advances.map((advance) => (
              <li key={advance.id}>
                {t('subsidy.section.advanceValue', {
                  amount: formatMoney(advance.amountCents, locale),
                  date: formatDateLong(advance.date, locale),
                })}
                {advance.note ? ` — ${advance.note}` : ''}
              </li>
            ))}
          </ul>
          {t('subsidy.section.advancedTotal', { amount: formatMoney(view.advancedCents, locale) })}
        </Item>
      ) : null}
      {view.balanceCents !== null && record.advances?.length ? (
        <Item label={t('subsidy.section.balance')} testId="subsidy-balance">
          {view.balanceCents < 0
            ? t('subsidy.section.balanceReclaim', { amount: formatMoney(-view.balanceCents, locale) })
            : t('subsidy.section.balancePay', { amount: formatMoney(view.balanceCents, locale) })}
        </Item>
      ) : null}
    </DataList>
  );
}
