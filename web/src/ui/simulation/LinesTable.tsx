import type { Simulation } from '@regie/core/browser';
import { useTranslation } from 'react-i18next';
import { type AppLocale, formatMoney, formatNumber } from '../../lib/format';
import { type Column, DataTable } from '../../ui/DataTable';

type LineInsight = Simulation['lines'][number];

/**
 * Per product line: the expected volume and where it comes from, the provider's revenue per extra unit under each
 * execution variant, the lump sum's break-even volume and the lump sum that would pay the same.
 */
export function LinesTable({
  lines,
  locale,
  label = (l) => l.productCode ?? l.lineId,
}: {
  lines: Simulation['lines'];
  locale: AppLocale;
  /** The line's name in the first column (the draft form names unsaved lines by their code). */
  label?: (line: LineInsight) => string;
}) {
  const { t } = useTranslation();
  const money = (cents: number | null) =>
    cents === null ? t('simulation.none') : formatMoney(cents, locale);
  const number = (value: number | null) =>
    value === null ? t('simulation.none') : formatNumber(value, locale);
  const marginal = (variant: 'effort' | 'output' | 'task', name: string): Column<LineInsight> => ({
    key: variant,
    header: `${t('simulation.marginal')}: ${name}`,
    cell: (l) => money(l.marginalRevenueCents[variant]),
    numeric: true,
  });
  const columns: Column<LineInsight>[] = [
    { key: 'code', header: t('simulation.productCode'), cell: label, rowHeader: true },
    { key: 'variant', header: t('simulation.variant'), cell: (l) => t(`variants.${l.variant}`) },
    {
      key: 'expected',
      header: t('simulation.expectedVolume'),
      cell: (l) => `${number(l.expectedVolume)} (${t(`simulation.from.${l.expectedFrom}`)})`,
    },
    marginal('effort', t('simulation.marginalEffort')),
    marginal('output', t('simulation.marginalOutput')),
    marginal('task', t('simulation.marginalTask')),
    {
      key: 'breakEven',
      header: t('simulation.breakEven'),
      cell: (l) => number(l.breakEvenVolume),
      numeric: true,
    },
    {
      key: 'lumpSum',
      header: t('simulation.lumpSumEquivalent'),
      cell: (l) => money(l.lumpSumEquivalentCents),
      numeric: true,
    },
  ];
  return (
    <DataTable
      caption={t('simulation.linesCaption')}
      columns={columns}
      rows={lines}
      rowKey={(l) => l.lineId}
      testId="simulation-lines"
    />
  );
}
