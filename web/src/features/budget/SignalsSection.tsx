import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Me } from '../../lib/agreements/model';
import { signalAmounts, signalKey, signalMessage } from '../../lib/budget/model';
import { formatDateTime, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { type Column, DataTable } from '../../ui/DataTable';
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
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: 'reference',
      header: t('reports.table.reference'),
      rowHeader: true,
      nowrap: true,
      cell: (signal) => (
        <Link href={`/agreements/${encodeURIComponent(signal.agreementId)}`} className="utrecht-link">
          {signal.reference}
        </Link>
      ),
    },
    { key: 'title', header: t('reports.table.title'), cell: (signal) => signal.title },
    {
      key: 'signal',
      header: t('budget.signals.signal'),
      cell: (signal) => <strong>{describe(signal)}</strong>,
    },
    { key: 'spent', header: t('budget.signals.spent'), nowrap: true, cell: amounts },
    {
      key: 'at',
      header: t('budget.signals.at'),
      nowrap: true,
      cell: (signal) => <time dateTime={signal.at}>{formatDateTime(signal.at, locale)}</time>,
    },
  ];
  return (
    <Section id="signals" title={t('budget.signals.title')}>
      <Paragraph>{t('budget.signals.intro')}</Paragraph>
      <DataTable
        state={{
          query: signals,
          loading: t('budget.signals.loading'),
          error: t('budget.signals.error'),
          empty: t('budget.signals.none'),
        }}
        caption={t('budget.signals.caption', { space: space.name })}
        columns={columns}
        rows={rows}
        rowKey={signalKey}
        rowTestId={(signal) => `signal-${signalKey(signal)}`}
        testId="signals-table"
      />
    </Section>
  );
}
