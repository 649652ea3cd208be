import { useQuery } from '@tanstack/react-query';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import { isRunning, type Me, type PartyAgreement } from '../../lib/agreements/model';
import { canReport } from '../../lib/budget/model';
import { formatMoney, formatNumber, localeFor } from '../../lib/format';
import { ListState } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { RealisationForm } from './RealisationForm';
import { RealisationsTable } from './RealisationsTable';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';

/**
 * "Realisaties doorgeven" on a provider's own view of an agreement (its portal): what its organisation reported,
 * per product line and per month, and for the reporter the form to report one and to correct what it reported.
 * The API reads only through the provider's party view and returns only the provider's own entries.
 */
export function ProviderRealisationsSection({ a, me }: { a: PartyAgreement; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const reported = useQuery(trpc.budget.reported.queryOptions({ agreementId: a.id }));
  const data = reported.data;
  const reporter = canReport(me);
  const lines = a.productLines.map((l) => ({ id: l.id, productCode: l.productCode }));
  return (
    <Section id="realisations" title={t('bounds.provider.title')}>
      <Paragraph>{t('bounds.provider.intro')}</Paragraph>
      {me && !reporter ? (
        <Paragraph className="regie-hint">{t('bounds.provider.signerNote')}</Paragraph>
      ) : null}
      <div role="status" aria-live="polite" className="regie-status">
        {reported.isPending ? t('bounds.provider.loading') : null}
      </div>
      <ListState
        query={reported}
        isEmpty={false}
        error={t('bounds.provider.error')}
        empty=""
        retry={t('app.retry')}
      />
      {data ? (
        <>
          <DataList className="regie-data-list">
            <DataListItem data-testid="reported-total">
              <DataListKey>{t('bounds.provider.total')}</DataListKey>
              <DataListValue>{formatMoney(data.reportedCents, locale)}</DataListValue>
            </DataListItem>
          </DataList>
          {data.lines.length > 0 ? (
            <div className="regie-table-scroll">
              <Table className="regie-table" data-testid="reported-lines">
                <TableCaption className="regie-visually-hidden">
                  {t('bounds.provider.linesCaption')}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('budget.productCode')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className={numericHeader}>
                      {t('bounds.provider.reported')}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className={numericHeader}>
                      {t('budget.volume')}
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.lines.map((line) => (
                    <TableRow key={line.id}>
                      <TableHeaderCell scope="row" className="regie-nowrap">
                        {line.productCode}
                      </TableHeaderCell>
                      <TableCell className={numeric}>{formatMoney(line.reportedCents, locale)}</TableCell>
                      <TableCell className={numeric}>{formatNumber(line.volume, locale)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          <h3 className="regie-subheading">{t('budget.realisationsTitle')}</h3>
          <RealisationsTable
            agreementId={a.id}
            entries={data.realisations}
            lines={lines}
            locale={locale}
            correctable={reporter}
            caption={t('bounds.provider.caption')}
            emptyText={t('bounds.provider.none')}
            testId="reported-realisations"
          />
        </>
      ) : null}
      {reporter && !isRunning(a.status) ? (
        <Paragraph className="regie-hint">{t('bounds.provider.notRunning')}</Paragraph>
      ) : null}
      {reporter && isRunning(a.status) ? (
        <RealisationForm agreementId={a.id} lines={lines} provider={{ ownerName: a.ownerName }} />
      ) : null}
    </Section>
  );
}
