import type { Simulation } from '@regie/core/browser';
import { useTranslation } from 'react-i18next';
import { type AppLocale, formatMoney, formatNumber } from '../../lib/format';
import { changeLabel } from '../../lib/simulation';
import { type Column, DataTable } from '../../ui/DataTable';

type LineInsight = Simulation['lines'][number];

/**
 * Per product line and scenario: the municipality's exposure (= the provider's revenue) for that line, and the
 * units above its cap that earn nothing. Rows are the lines, columns the scenarios.
 */
export function ScenarioLinesTable({ simulation, locale }: { simulation: Simulation; locale: AppLocale }) {
  const { t } = useTranslation();
  const columns: Column<LineInsight>[] = [
    {
      key: 'code',
      header: t('simulation.productCode'),
      cell: (l) => l.productCode ?? l.lineId,
      rowHeader: true,
    },
    ...simulation.scenarios.map(
      (s, i): Column<LineInsight> => ({
        key: `scenario-${s.change}-${i}`,
        header: changeLabel(s.change),
        cell: (l) => {
          const outcome = s.lines.find((o) => o.lineId === l.lineId);
          if (!outcome) return t('simulation.none');
          const money = formatMoney(outcome.exposureCents, locale);
          return outcome.unpaidVolume > 0
            ? t('simulation.lineUnpaid', { money, units: formatNumber(outcome.unpaidVolume, locale) })
            : money;
        },
        numeric: true,
      }),
    ),
  ];
  return (
    <DataTable
      caption={t('simulation.lineScenarioCaption')}
      columns={columns}
      rows={simulation.lines}
      rowKey={(l) => l.lineId}
      rowTestId={(l) => `line-scenarios-${l.productCode ?? l.lineId}`}
      testId="line-scenario-table"
    />
  );
}
