import {
  ButtonLink,
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
import { frequencyLabel, unitLabel, variantLabel } from '../../lib/agreements/labels';
import type { ProductLine } from '../../lib/agreements/model';
import { type AppLocale, formatMoney, formatNumber } from '../../lib/format';
import { Section } from '../../ui/Section';

/** The product lines; for the managing municipality also the way to what they reward (the simulator). */
export function LinesSection({
  lines,
  locale,
  simulateHref,
}: {
  lines: readonly ProductLine[];
  locale: AppLocale;
  simulateHref?: string;
}) {
  const { t } = useTranslation();
  const none = t('agreementDetail.none');
  const money = (cents: number | undefined) => (cents === undefined ? none : formatMoney(cents, locale));
  const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
  return (
    <Section
      id="lines"
      title={t('agreementDetail.sections.lines')}
      actions={
        simulateHref && lines.length > 0 ? (
          <Link href={simulateHref} asChild>
            <ButtonLink appearance="secondary-action-button">{t('simulation.link')}</ButtonLink>
          </Link>
        ) : null
      }
    >
      {lines.length === 0 ? (
        <Paragraph className="regie-empty">{t('agreementDetail.noLines')}</Paragraph>
      ) : (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="lines-table">
            <TableCaption className="regie-visually-hidden">{t('agreementDetail.linesCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('lineFields.category')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('lineFields.productCode')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('lineFields.description')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('lineFields.variant')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('lineFields.unit')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('lineFields.frequency')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('lineFields.tariffCents')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('lineFields.volumeCeiling')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('lineFields.moneyCeilingCents')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('lineFields.lumpSumCents')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((line) => (
                <TableRow key={line.id}>
                  <TableCell>{line.category}</TableCell>
                  <TableCell className="regie-nowrap">{line.productCode}</TableCell>
                  <TableCell>
                    {line.description ?? none}
                    {line.population ? (
                      <>
                        <br />
                        {t('agreementDetail.population', { population: line.population })}
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{variantLabel(t, line.variant)}</TableCell>
                  <TableCell>{line.unit ? unitLabel(t, line.unit) : none}</TableCell>
                  <TableCell>{line.frequency ? frequencyLabel(t, line.frequency) : none}</TableCell>
                  <TableCell className={numeric}>{money(line.tariffCents)}</TableCell>
                  <TableCell className={numeric}>
                    {line.volumeCeiling === undefined ? none : formatNumber(line.volumeCeiling, locale)}
                  </TableCell>
                  <TableCell className={numeric}>{money(line.moneyCeilingCents)}</TableCell>
                  <TableCell className={numeric}>{money(line.lumpSumCents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Section>
  );
}
