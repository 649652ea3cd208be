import { DataList, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { PartyAgreement } from '../../lib/agreements/model';
import { formatDateLong, formatMoney, localeFor } from '../../lib/format';
import { Section } from '../../ui/Section';
import { Item } from './SubsidyDetails';

/**
 * A subsidy as its recipient sees it in the portal (SPEC §3.2): what its decisions told it — the application as
 * received, the grant with the term to apply for settlement, the advances paid, the settlement with its ground and
 * motivation, and the balance to be paid or repaid. Read only; who decided and the municipality's checks stay out.
 */
export function RecipientSubsidySection({ a }: { a: PartyAgreement }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const subsidy = a.subsidy;
  const date = (iso: string) => <time dateTime={iso}>{formatDateLong(iso, locale)}</time>;
  return (
    <Section id="subsidy" title={t('subsidy.section.title')}>
      {!subsidy ? (
        <Paragraph className="regie-empty">{t('subsidy.section.recipient.none')}</Paragraph>
      ) : (
        <DataList className="regie-data-list" data-testid="recipient-subsidy">
          <Item label={t('subsidy.section.recipient.applied')}>
            {formatMoney(subsidy.requestedCents, locale)} ({t('subsidy.section.recipient.receivedOn')}{' '}
            {date(subsidy.applicationDate)})
          </Item>
          {subsidy.grant ? (
            <>
              <Item label={t('subsidy.section.granted')} testId="recipient-granted">
                {formatMoney(subsidy.grant.amountCents, locale)} ({date(subsidy.grant.date)})
              </Item>
              {subsidy.settlement ? null : (
                <Item label={t('subsidy.section.settlementDue')}>
                  {date(subsidy.grant.settlementDueDate)}
                </Item>
              )}
            </>
          ) : (
            <Item label={t('subsidy.section.granted')}>{t('subsidy.section.recipient.notYet')}</Item>
          )}
          {subsidy.advances.length > 0 ? (
            <Item label={t('subsidy.section.advances')} testId="recipient-advances">
              <ul className="regie-plain-list">
                {subsidy.advances.map((advance) => (
                  <li key={advance.id}>
                    {formatMoney(advance.amountCents, locale)} ({date(advance.date)})
                  </li>
                ))}
              </ul>
              {t('subsidy.section.advancedTotal', { amount: formatMoney(subsidy.advancedCents, locale) })}
            </Item>
          ) : null}
          {subsidy.settlement ? (
            <>
              <Item label={t('subsidy.section.settled')} testId="recipient-settled">
                {formatMoney(subsidy.settlement.amountCents, locale)} ({date(subsidy.settlement.date)},{' '}
                {subsidy.settlement.exOfficio
                  ? t('subsidy.section.settledExOfficio')
                  : t('subsidy.section.settledOnApplication')}
                )
              </Item>
              {subsidy.settlement.ground ? (
                <Item label={t('subsidy.section.ground')}>
                  {t(`subsidy.section.grounds.${subsidy.settlement.ground}`)}
                </Item>
              ) : null}
              {subsidy.settlement.motivation ? (
                <Item label={t('subsidy.section.motivation')}>
                  <span className="regie-multiline">{subsidy.settlement.motivation}</span>
                </Item>
              ) : null}
            </>
          ) : null}
          {subsidy.balanceCents !== null && subsidy.advances.length > 0 ? (
            <Item label={t('subsidy.section.balance')} testId="recipient-balance">
              {subsidy.balanceCents < 0
                ? t('subsidy.section.recipient.repay', { amount: formatMoney(-subsidy.balanceCents, locale) })
                : t('subsidy.section.recipient.toReceive', {
                    amount: formatMoney(subsidy.balanceCents, locale),
                  })}
            </Item>
          ) : null}
        </DataList>
      )}
    </Section>
  );
}
