import { type Cell, csvTable, MAX_SCENARIOS } from '@regie/core/browser';
import { changeLabel, parseVolume } from '../../lib/simulation';

export { changeLabel, parseVolume };

/** The scenarios a user typed (`-10; 0; 25`): 1–8 whole percentages in −100…500, or null when that is not it. */
export function parseScenarios(text: string): number[] | null {
  const parts = text
    .split(/[;\s]+/)
    .map((p) => p.trim().replace('−', '-').replace(/^\+/, '').replace(/%$/, ''))
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.length > MAX_SCENARIOS) return null;
  const values = parts.map((p) => (/^-?\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return values.every((v) => Number.isInteger(v) && v >= -100 && v <= 500) ? values : null;
}

export interface ScenarioRow {
  change: number;
  exposureCents: number;
  providerRevenueCents: number;
  lines: { volume: number; unpaidVolume: number }[];
}

/** The scenario table as CSV: amounts in euros with a decimal point, volumes in units (for a spreadsheet). */
export function scenarioCsv(
  headers: { scenario: string; volume: string; exposure: string; revenue: string; unpaid: string },
  rows: readonly ScenarioRow[],
): string {
  const euros = (cents: number) => (cents / 100).toFixed(2);
  const body: Cell[][] = rows.map((row) => [
    changeLabel(row.change),
    row.lines.reduce((sum, l) => sum + l.volume, 0),
    euros(row.exposureCents),
    euros(row.providerRevenueCents),
    row.lines.reduce((sum, l) => sum + l.unpaidVolume, 0),
  ]);
  return csvTable(
    [headers.scenario, headers.volume, headers.exposure, headers.revenue, headers.unpaid],
    body,
    true,
  );
}

/**
 * The files app's query for the scenario table as XLSX (`/files/exports/simulation/<id>.xlsx`): the scenarios and
 * the user's own expected volumes, as the page shows them.
 */
export function simulationExportQuery(
  scenarios: readonly number[],
  volumes: readonly { lineId: string; volume: number }[],
): string {
  const params = new URLSearchParams({ scenarios: scenarios.join(',') });
  if (volumes.length > 0) params.set('volumes', volumes.map((v) => `${v.lineId}:${v.volume}`).join(','));
  return `?${params.toString()}`;
}
