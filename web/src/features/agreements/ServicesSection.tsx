import '../../i18n/services-load';
import { catalogueTotal, type ServiceInput } from '@regie/core/browser';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { type AppLocale, formatMoney } from '../../lib/format';
import { Section } from '../../ui/Section';
import { ServiceLevelsPanel } from './ServiceLevelsPanel';
import { levelText, priceText } from './services-present';

/**
 * "Diensten en serviceniveaus": per service its levels (`Beschikbaarheid ≥ 99,5% per maand`), its price model and
 * its price a year, and the catalogue's yearly total (core `catalogueTotal`: the sum of the rounded rows).
 */
export function ServicesSection({
  agreementId,
  services,
  locale,
  me,
  provider,
  mayReport = false,
  mayConfigure = false,
}: {
  agreementId: string;
  services: readonly (ServiceInput & { id: string })[];
  locale: AppLocale;
  me: { roles: readonly string[] } | undefined;
  provider: boolean;
  mayReport?: boolean;
  mayConfigure?: boolean;
}) {
  const { t } = useTranslation();
  const total = catalogueTotal(services);
  const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
  return (
    <Section id="services" title={t('services.section.title')}>
      {services.length === 0 ? (
        <Paragraph className="regie-empty">{t('services.section.none')}</Paragraph>
      ) : (
        <>
          <div className="regie-table-scroll">
            <Table className="regie-table" data-testid="services-table">
              <TableCaption className="regie-visually-hidden">{t('services.section.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('services.section.service')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('services.section.levels')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('services.section.priceModel')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('services.section.yearly')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {services.map((service, i) => {
                  const cents = total.perService[i]?.cents ?? null;
                  return (
                    <TableRow key={service.id}>
                      <TableHeaderCell scope="row">
                        {service.name}
                        {service.description ? (
                          <>
                            <br />
                            <span className="regie-hint">{service.description}</span>
                          </>
                        ) : null}
                      </TableHeaderCell>
                      <TableCell>
                        {service.levels.length === 0 ? (
                          t('services.section.noLevels')
                        ) : (
                          <ul className="regie-list">
                            {service.levels.map((level, j) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: levels have no key of their own in a draft
                              <li key={j}>{levelText(t, locale, level)}</li>
                            ))}
                          </ul>
                        )}
                      </TableCell>
                      <TableCell>{priceText(t, locale, service.price)}</TableCell>
                      <TableCell className={numeric}>
                        {cents === null ? t('services.section.unknown') : formatMoney(cents, locale)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={3}>
                    {t('services.section.total')}
                  </TableHeaderCell>
                  <TableCell className={numeric} data-testid="services-total">
                    {formatMoney(total.totalCents, locale)}
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          {total.unpriced > 0 ? (
            <Paragraph>{t('services.section.unpriced', { count: total.unpriced })}</Paragraph>
          ) : null}
          <Paragraph className="regie-hint">{t('services.section.rounding')}</Paragraph>
          {services.some((s) => s.levels.length > 0) ? (
            <ServiceLevelsPanel
              agreementId={agreementId}
              locale={locale}
              me={me}
              provider={provider}
              mayReport={mayReport}
              mayConfigure={mayConfigure}
            />
          ) : null}
        </>
      )}
    </Section>
  );
}
