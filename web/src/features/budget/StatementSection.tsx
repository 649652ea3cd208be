import { useQuery } from '@tanstack/react-query';
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
import { settlementKind } from '../../lib/budget/model';
import { type AppLocale, formatMoney } from '../../lib/format';
import { ListState } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';

/**
 * For a region's shared agreement: each member's contribution in the chosen year by the allocation key —
 * provisional from the year's budget, definitive from what was realised — and how it settles (SPEC §4.4).
 */
export function StatementSection({
  agreementId,
  year,
  locale,
}: {
  agreementId: string;
  year: number;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const statement = useQuery(trpc.budget.statement.queryOptions({ agreementId, year }));
  const data = statement.data;
  const sum = (pick: (m: NonNullable<typeof data>['members'][number]) => number) =>
    (data?.members ?? []).reduce((s, m) => s + pick(m), 0);
  return (
    <section className="regie-subsection" aria-labelledby="statement-heading" data-testid="budget-statement">
      <h3 className="regie-subheading" id="statement-heading">
        {t('bounds.statement.title', { year })}
      </h3>
      <Paragraph>{t('bounds.statement.intro')}</Paragraph>
      <div role="status" aria-live="polite" className="regie-status">
        {statement.isPending ? t('bounds.statement.loading') : null}
      </div>
      <ListState
        query={statement}
        isEmpty={false}
        error={t('bounds.statement.error')}
        empty=""
        retry={t('app.retry')}
      />
      {data ? (
        <>
          <Paragraph data-testid="statement-state">
            {data.final
              ? t('bounds.statement.finalNote', { year })
              : t('bounds.statement.provisionalNote', { year })}
          </Paragraph>
          <div className="regie-table-scroll">
            <Table className="regie-table" data-testid="statement-table">
              <TableCaption className="regie-visually-hidden">
                {t('bounds.statement.caption', { year })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('bounds.statement.member')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className={numericHeader}>
                    {t('bounds.statement.provisional')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={numericHeader}>
                    {data.final ? t('bounds.statement.definitive') : t('bounds.statement.definitiveSoFar')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={numericHeader}>
                    {t('bounds.statement.settlement')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.members.map((m) => {
                  const kind = settlementKind(m.settlementCents);
                  return (
                    <TableRow key={m.space} data-testid={`statement-${m.space}`}>
                      <TableHeaderCell scope="row">{m.name}</TableHeaderCell>
                      <TableCell className={numeric}>{formatMoney(m.provisionalCents, locale)}</TableCell>
                      <TableCell className={numeric}>{formatMoney(m.definitiveCents, locale)}</TableCell>
                      <TableCell className={numeric}>
                        {kind === 'settled'
                          ? t('bounds.statement.settled')
                          : t(`bounds.statement.${kind}`, {
                              amount: formatMoney(Math.abs(m.settlementCents), locale),
                            })}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row">{t('bounds.statement.total')}</TableHeaderCell>
                  <TableCell className={numeric}>
                    {formatMoney(
                      sum((m) => m.provisionalCents),
                      locale,
                    )}
                  </TableCell>
                  <TableCell className={numeric}>
                    {formatMoney(
                      sum((m) => m.definitiveCents),
                      locale,
                    )}
                  </TableCell>
                  <TableCell className={numeric}>
                    {formatMoney(
                      sum((m) => m.settlementCents),
                      locale,
                    )}
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
        </>
      ) : null}
    </section>
  );
}
