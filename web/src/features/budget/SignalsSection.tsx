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
import type { Me } from '../../lib/agreements/model';
import { signalAmounts, signalKey, signalMessage } from '../../lib/budget/model';
import { formatDateTime, localeFor } from '../../lib/format';
import { ListState } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';

/**
 * "Signalen" under Sturing: the budget signals of the municipality's own register (80% and 100% of a ceiling
 * reached — the overall value ceiling, a year's ceiling, or a product line's money or volume ceiling), newest first, each a link to its agreement. The API
 * gives each user the signals for their role.
 */
export function SignalsSection({ space }: { space: Me['reach'][number] }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const signals = useQuery(trpc.budget.signals.queryOptions({ space: space.space, limit: 50 }));
  const rows = signals.data ?? [];
  const amounts = (signal: (typeof rows)[number]) => {
    const { key, values } = signalAmounts(signal, 'budget.signals.spentValue', locale);
    return t(key, values);
  };
  const describe = (signal: (typeof rows)[number]) => {
    const { key, values } = signalMessage(signal, 'budget.signals.threshold');
    return t(key, values);
  };
  return (
    <Section id="signals" title={t('budget.signals.title')}>
      <Paragraph>{t('budget.signals.intro')}</Paragraph>
      <div role="status" aria-live="polite" className="regie-status">
        {signals.isPending ? t('budget.signals.loading') : null}
      </div>
      <ListState
        query={signals}
        isEmpty={rows.length === 0}
        error={t('budget.signals.error')}
        empty={t('budget.signals.none')}
        retry={t('app.retry')}
      />
      {rows.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="signals-table">
            <TableCaption className="regie-visually-hidden">
              {t('budget.signals.caption', { space: space.name })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('reports.table.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('reports.table.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('budget.signals.signal')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('budget.signals.spent')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('budget.signals.at')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((signal) => (
                <TableRow key={signalKey(signal)} data-testid={`signal-${signalKey(signal)}`}>
                  <TableHeaderCell scope="row" className="regie-nowrap">
                    <Link
                      href={`/agreements/${encodeURIComponent(signal.agreementId)}`}
                      className="utrecht-link"
                    >
                      {signal.reference}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{signal.title}</TableCell>
                  <TableCell>
                    <strong>{describe(signal)}</strong>
                  </TableCell>
                  <TableCell className="regie-nowrap">{amounts(signal)}</TableCell>
                  <TableCell className="regie-nowrap">
                    <time dateTime={signal.at}>{formatDateTime(signal.at, locale)}</time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </Section>
  );
}
