import type { UsageSettlement, UsageSettlementColumn } from '@regie/core';
import ExcelJS from 'exceljs';
import { formatCents, open, Writer } from './pdf.ts';

/**
 * One member's settlement statement (issue 16 point 4, core usage.ts) as a workbook and as a PDF, in Dutch: the
 * parts (base, usage, modules, total) provisional from the take-up and definitive from the measured usage over
 * the settled months, per module, the measured quantities per month, and how the amounts were computed, so a
 * controller can check them by hand.
 */
export interface UsageStatementExport {
  agreement: { id: string; reference: string; title: string; space: string };
  regionName: string;
  memberName: string;
  statement: UsageSettlement;
}

const EURO = '"€" #,##0.00';
const euros = (cents: number) => cents / 100;

const FORMULA = [
  'Maanddeel: een jaarbedrag J (in centen) wordt over 12 maanden verdeeld met de methode van de grootste resten: elke maand J / 12 naar beneden afgerond, de eerste (J mod 12) maanden één cent meer.',
  'Basis: het vaste deel van het basispakket; modules: de vaste delen van de plusmodules; gebruik: de P×Q-delen.',
  'Voorlopig: het maanddeel van de jaarprijs bij de afname (eenheidsprijs × aantal, eenmaal afgerond op hele centen, half naar boven).',
  'Definitief: per werkplek, gebruiker of licentie het maanddeel van eenheidsprijs × gemeten aantal van die maand; per uur of zaak eenheidsprijs × gemeten aantal, afgerond op hele centen.',
  'Verschil: definitief min voorlopig (positief: bijbetalen; negatief: terugontvangen).',
];

const partsRows = (label: string, c: UsageSettlementColumn) => [
  label,
  euros(c.baseCents),
  euros(c.usageCents),
  euros(c.modulesCents),
  euros(c.totalCents),
];

export const statementFileName = (e: UsageStatementExport, ext: string) =>
  `afrekening-${e.agreement.reference}-${e.memberName}-${e.statement.year}.${ext}`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );

export async function usageStatementWorkbook(
  e: UsageStatementExport,
  about: { user: string; asOf: Date },
): Promise<ArrayBuffer> {
  const s = e.statement;
  const book = new ExcelJS.Workbook();
  book.creator = 'Regie';
  book.created = about.asOf;
  const money = (sheet: ExcelJS.Worksheet, from: number, to: number) => {
    for (let i = from; i <= to; i++) sheet.getColumn(i).numFmt = EURO;
  };
  const summary = book.addWorksheet('Afrekening', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'Kolom', key: 'col', width: 36 },
    { header: 'Basis (€)', key: 'base', width: 16 },
    { header: 'Gebruik (€)', key: 'usage', width: 16 },
    { header: 'Modules (€)', key: 'modules', width: 16 },
    { header: 'Totaal (€)', key: 'total', width: 16 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.addRows([
    partsRows(`Voorlopig, jaar ${s.year} (afname)`, s.yearProvisional),
    partsRows('Voorlopig, afgerekende maanden', s.provisional),
    partsRows('Definitief, afgerekende maanden (gemeten)', s.definitive),
    ['Verschil (definitief − voorlopig)', null, null, null, euros(s.differenceCents)],
  ]);
  money(summary, 2, 5);
  const lines = book.addWorksheet('Per module', { views: [{ state: 'frozen', ySplit: 1 }] });
  lines.columns = [
    { header: 'Module', key: 'name', width: 36 },
    { header: 'Soort', key: 'role', width: 14 },
    { header: 'Voorlopig vast (€)', key: 'pf', width: 18 },
    { header: 'Voorlopig gebruik (€)', key: 'pu', width: 18 },
    { header: 'Definitief vast (€)', key: 'df', width: 18 },
    { header: 'Definitief gebruik (€)', key: 'du', width: 18 },
    { header: 'Definitief totaal (€)', key: 'dt', width: 18 },
  ];
  lines.getRow(1).font = { bold: true };
  lines.addRows(
    s.definitive.lines.map((d, i) => {
      const p = s.provisional.lines[i]!;
      return [
        d.name,
        d.role === 'basis' ? 'basispakket' : 'plusmodule',
        euros(p.fixedCents),
        euros(p.usageCents),
        euros(d.fixedCents),
        euros(d.usageCents),
        euros(d.totalCents),
      ];
    }),
  );
  money(lines, 3, 7);
  const names = new Map(s.definitive.lines.map((l) => [l.serviceId, l.name]));
  const usage = book.addWorksheet('Gemeten gebruik', { views: [{ state: 'frozen', ySplit: 1 }] });
  usage.columns = [
    { header: 'Maand', key: 'period', width: 12 },
    { header: 'Module', key: 'name', width: 36 },
    { header: 'Aantal', key: 'quantity', width: 12 },
  ];
  usage.getRow(1).font = { bold: true };
  usage.addRows(
    s.usage.flatMap((u) =>
      u.quantities.map((q) => [u.period, names.get(q.serviceId) ?? q.serviceId, q.quantity]),
    ),
  );
  const sheet = book.addWorksheet('Toelichting');
  sheet.addRows([
    ['Export van', `Afrekening ${e.memberName}, ${e.agreement.reference}: ${e.agreement.title}`],
    ['Regio', e.regionName],
    ['Gemeente', `${e.memberName} (${s.member})`],
    ['Jaar', s.year],
    ['Afgerekende maanden', s.periods.join(', ') || 'geen: nog geen gemeten gebruik'],
    ['Gemaakt op', about.asOf.toISOString()],
    ['Door', about.user],
    ...FORMULA.map((f, i) => [i === 0 ? 'Berekening' : '', f]),
  ]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 110;
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function usageStatementPdf(
  e: UsageStatementExport,
  about: { user: string; asOf: Date },
): Promise<Uint8Array> {
  const s = e.statement;
  const at = about.asOf.toISOString();
  const { pdf, font, bold } = await open(`Afrekening ${e.memberName} ${s.year}`, at);
  const w = new Writer(pdf, font, bold, `Afrekening ${e.memberName} — ${e.agreement.reference} — ${s.year}`);
  w.text(`Afrekening ${e.memberName} ${s.year}`, { size: 16, bold: true, gap: 4 });
  w.field('Overeenkomst', `${e.agreement.reference}: ${e.agreement.title}`);
  w.field('Regio', e.regionName);
  w.field('Gemeente', `${e.memberName} (${s.member})`);
  w.field('Afgerekende maanden', s.periods.join(', ') || 'geen: nog geen gemeten gebruik');
  w.field('Gemaakt op', `${at.slice(0, 10)} door ${about.user}`);
  const col = (label: string, c: UsageSettlementColumn) => {
    w.heading(label);
    w.field('Basis', formatCents(c.baseCents));
    w.field('Gebruik', formatCents(c.usageCents));
    w.field('Modules', formatCents(c.modulesCents));
    w.text(`Totaal: ${formatCents(c.totalCents)}`, { bold: true });
  };
  col(`Voorlopig, jaar ${s.year} (afname)`, s.yearProvisional);
  col('Voorlopig, afgerekende maanden', s.provisional);
  col('Definitief, afgerekende maanden (gemeten gebruik)', s.definitive);
  w.heading('Verschil');
  w.text(
    `${formatCents(s.differenceCents)} (${s.differenceCents >= 0 ? 'bij te betalen' : 'terug te ontvangen'})`,
    { bold: true },
  );
  w.heading('Per module (definitief)');
  s.definitive.lines.forEach((d, i) => {
    const p = s.provisional.lines[i]!;
    w.text(
      `${d.name} (${d.role === 'basis' ? 'basispakket' : 'plusmodule'}): vast ${formatCents(d.fixedCents)}, gebruik ${formatCents(d.usageCents)} (voorlopig ${formatCents(p.usageCents)}), totaal ${formatCents(d.totalCents)}`,
    );
  });
  const names = new Map(s.definitive.lines.map((l) => [l.serviceId, l.name]));
  w.heading('Gemeten gebruik');
  for (const u of s.usage)
    w.text(
      `${u.period}: ${u.quantities.map((q) => `${names.get(q.serviceId) ?? q.serviceId} ${String(q.quantity).replace('.', ',')}`).join('; ')}`,
    );
  w.heading('Berekening');
  for (const f of FORMULA) w.text(f, { gap: 2 });
  return pdf.save();
}
