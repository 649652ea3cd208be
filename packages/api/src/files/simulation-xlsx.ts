import {
  type ExpectedVolumes,
  expectedVolumesSchema,
  type InternalView,
  type Simulation,
  scenariosSchema,
} from '@regie/core';
import ExcelJS from 'exceljs';

/** Euros with two decimals, thousands grouped (Excel shows the grouping in the reader's locale). */
const EURO = '"€" #,##0.00';
const PERCENT = '+0%;-0%;0%';
const UNITS = '#,##0';

type Format = 'text' | 'euro' | 'percent' | 'units';
interface ColumnDef {
  header: string;
  key: string;
  format: Format;
}
const NUM_FMT: Record<Format, string | undefined> = {
  text: undefined,
  euro: EURO,
  percent: PERCENT,
  units: UNITS,
};

/** A sheet of typed columns (bold, frozen header row; money in euros, percentages as fractions). */
function table(book: ExcelJS.Workbook, name: string, columns: ColumnDef[], rows: unknown[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((col) => ({
    header: col.header,
    key: col.key,
    width: col.format === 'text' ? 22 : 18,
    style: NUM_FMT[col.format] ? { numFmt: NUM_FMT[col.format] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  return sheet;
}

const label = (change: number) => (change > 0 ? `+${change}%` : `${change}%`);
const euros = (cents: number | null) => (cents === null ? null : cents / 100);

/** The query of `simulation/<id>.xlsx`: `scenarios=-10,0,25` and `volumes=<line id>:<units>,…`, both optional. */
export function simulationQuery(
  query: Record<string, string>,
): { ok: true; scenarios?: number[]; expectedVolumes?: ExpectedVolumes } | { ok: false } {
  for (const key of Object.keys(query)) if (key !== 'scenarios' && key !== 'volumes') return { ok: false };
  const numbers = (text: string) =>
    text.split(',').map((p) => (/^-?\d{1,9}$/.test(p) ? Number(p) : Number.NaN));
  let scenarios: number[] | undefined;
  let expectedVolumes: ExpectedVolumes | undefined;
  if (query.scenarios !== undefined) {
    const parsed = scenariosSchema.safeParse(numbers(query.scenarios));
    if (!parsed.success) return { ok: false };
    scenarios = parsed.data;
  }
  if (query.volumes !== undefined) {
    const pairs = query.volumes.split(',').map((pair) => {
      const [lineId, volume] = pair.split(':');
      return { lineId, volume: numbers(volume ?? '')[0] };
    });
    const parsed = expectedVolumesSchema.safeParse(pairs);
    if (!parsed.success) return { ok: false };
    expectedVolumes = parsed.data;
  }
  return { ok: true, scenarios, expectedVolumes };
}

/**
 * The simulation of an agreement as a workbook (issue 15 point 1): the scenario table as on the page, the same per
 * product line, the line insights and the flags, each with typed columns, and a sheet saying what was exported,
 * for whom and as of which date (the realisations counted up to that day).
 */
export async function simulationWorkbook(
  agreement: Pick<InternalView, 'id' | 'reference' | 'title' | 'space'>,
  sim: Simulation,
  about: { user: string; asOf: Date; expectedVolumes: ExpectedVolumes },
): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Regie';
  book.created = about.asOf;
  const code = new Map(sim.lines.map((l) => [l.lineId, l.productCode ?? l.lineId]));
  const scenarioColumns: ColumnDef[] = [
    { header: 'Scenario', key: 'scenario', format: 'text' },
    { header: 'Wijziging volume', key: 'change', format: 'percent' },
    { header: 'Volume (eenheden)', key: 'volume', format: 'units' },
    { header: 'Blootstelling gemeente (€)', key: 'exposure', format: 'euro' },
    { header: 'Ontvangst aanbieder (€)', key: 'revenue', format: 'euro' },
    { header: 'Volume boven plafond (onbetaald)', key: 'unpaid', format: 'units' },
  ];
  table(
    book,
    'Scenario’s',
    scenarioColumns,
    sim.scenarios.map((s) => [
      label(s.change),
      s.change / 100,
      s.lines.reduce((sum, l) => sum + l.volume, 0),
      euros(s.exposureCents),
      euros(s.providerRevenueCents),
      s.lines.reduce((sum, l) => sum + l.unpaidVolume, 0),
    ]),
  );
  table(
    book,
    'Per productregel',
    [
      { header: 'Scenario', key: 'scenario', format: 'text' },
      { header: 'Wijziging volume', key: 'change', format: 'percent' },
      { header: 'Productcode', key: 'code', format: 'text' },
      { header: 'Volume (eenheden)', key: 'volume', format: 'units' },
      { header: 'Blootstelling gemeente (€)', key: 'exposure', format: 'euro' },
      { header: 'Volume boven plafond (onbetaald)', key: 'unpaid', format: 'units' },
    ],
    sim.scenarios.flatMap((s) =>
      s.lines.map((l) => [
        label(s.change),
        s.change / 100,
        code.get(l.lineId),
        l.volume,
        euros(l.exposureCents),
        l.unpaidVolume,
      ]),
    ),
  );
  table(
    book,
    'Productregels',
    [
      { header: 'Productcode', key: 'code', format: 'text' },
      { header: 'Variant', key: 'variant', format: 'text' },
      { header: 'Verwacht volume', key: 'expected', format: 'units' },
      { header: 'Bron verwacht volume', key: 'from', format: 'text' },
      { header: 'Extra eenheid inspanningsgericht (€)', key: 'effort', format: 'euro' },
      { header: 'Extra eenheid outputgericht (€)', key: 'output', format: 'euro' },
      { header: 'Extra eenheid taakgericht (€)', key: 'task', format: 'euro' },
      { header: 'Break-even volume lumpsum', key: 'breakEven', format: 'units' },
      { header: 'Lumpsum met gelijke betaling (€)', key: 'lumpSum', format: 'euro' },
    ],
    sim.lines.map((l) => [
      l.productCode ?? l.lineId,
      l.variant,
      l.expectedVolume,
      l.expectedFrom,
      euros(l.marginalRevenueCents.effort),
      euros(l.marginalRevenueCents.output),
      euros(l.marginalRevenueCents.task),
      l.breakEvenVolume,
      euros(l.lumpSumEquivalentCents),
    ]),
  );
  table(
    book,
    'Signalen',
    [
      { header: 'Signaal', key: 'code', format: 'text' },
      { header: 'Productcode', key: 'line', format: 'text' },
      { header: 'Gegevens', key: 'params', format: 'text' },
      { header: 'Bron', key: 'source', format: 'text' },
    ],
    sim.flags.map((f) => [f.code, f.lineId ? code.get(f.lineId) : '', JSON.stringify(f.params), f.source]),
  );
  const sheet = book.addWorksheet('Toelichting');
  sheet.addRows([
    ['Export van', `Simulatie volumeprikkels ${agreement.reference}: ${agreement.title}`],
    ['Overeenkomst', agreement.id],
    ['Register', agreement.space],
    ['Peildatum', about.asOf.toISOString().slice(0, 10)],
    ['Gemaakt op', about.asOf.toISOString()],
    ['Door', about.user],
    ['Scenario’s', sim.scenarios.map((s) => label(s.change)).join('; ')],
    [
      'Eigen verwacht volume',
      about.expectedVolumes.length === 0
        ? 'Geen: het tempo van de realisaties tot de peildatum, anders een plafond'
        : about.expectedVolumes.map((v) => `${code.get(v.lineId) ?? v.lineId}: ${v.volume}`).join('; '),
    ],
    [
      'Formule',
      'Per productregel: tarief × volume, begrensd door het geldplafond en tarief × volumeplafond; taakgericht: de lumpsum. Totaal begrensd door het plafond van de overeenkomst. Bedragen in euro.',
    ],
  ]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 90;
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
