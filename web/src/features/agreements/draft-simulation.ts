import {
  type ExpectedVolumes,
  productLineSchema,
  type RelationType,
  type SimulationTermsInput,
  simulationTermsSchema,
} from '@regie/core/browser';
import type { AppLocale } from '../../lib/format';
import { parseVolume } from '../../lib/simulation';
import { readTerms } from './agreement-form';
import type { TermsValues } from './agreement-values';

/** What `simulation.terms` is asked for a draft as it is typed now. */
export interface DraftSimulationInput {
  terms: SimulationTermsInput;
  expectedVolumes: ExpectedVolumes;
}

export type DraftSimulation =
  | {
      ok: true;
      input: DraftSimulationInput;
      /** The simulator's line id → the product code typed for it (a new line's id is `line-<n>`). */
      codes: Record<string, string>;
      /** Form rows (0-based) left out because they are not filled in enough to compute. */
      left: number[];
      /** Product codes whose typed expected volume is not a whole number of units. */
      badVolumes: string[];
    }
  | { ok: false; why: 'noLines' | 'terms'; left: number[] };

/** The key an expected volume is typed under: the line's product code, unique within an agreement. */
export const volumeKey = (productCode: string) => productCode.trim().toUpperCase();

/**
 * A draft's terms for the simulator, read from the form as the agreement form reads them (Dutch amounts and
 * dates) and checked with core's own schemas: a product line counts once it passes `productLineSchema` and has what
 * its payment needs (a tariff per unit, or a task line's lump sum); other rows are left out and named. The term
 * and the agreement's ceiling must pass `simulationTermsSchema`, or nothing is asked. Expected volumes are typed
 * per product code; one that does not read as units is left out (the simulator's default then applies) and named.
 */
export function draftSimulation(
  values: TermsValues,
  locale: AppLocale,
  volumes: Readonly<Record<string, string>>,
  relationType: RelationType | null = null,
): DraftSimulation {
  const read = readTerms(values, locale);
  const left: number[] = [];
  const lines: SimulationTermsInput['productLines'] = [];
  const codes: Record<string, string> = {};
  read.productLines.forEach((row, i) => {
    const parsed = productLineSchema.safeParse(row);
    const line = parsed.success ? parsed.data : null;
    const pays = line && (line.variant === 'task' ? line.lumpSumCents : line.tariffCents) !== undefined;
    const duplicate = line && lines.some((l) => volumeKey(l.productCode) === volumeKey(line.productCode));
    if (!line || !pays || duplicate) {
      left.push(i);
      return;
    }
    codes[line.id ?? `line-${lines.length + 1}`] = line.productCode;
    lines.push(line);
  });
  if (lines.length === 0) return { ok: false, why: 'noLines', left };
  const terms = simulationTermsSchema.safeParse({
    startDate: read.startDate,
    endDate: read.endDate,
    valueCeilingCents: read.valueCeilingCents,
    productLines: lines,
    relationType,
  });
  if (!terms.success) return { ok: false, why: 'terms', left };
  const expectedVolumes: ExpectedVolumes = [];
  const badVolumes: string[] = [];
  for (const [lineId, code] of Object.entries(codes)) {
    const typed = volumes[volumeKey(code)];
    if (typed === undefined || typed.trim() === '') continue;
    const volume = parseVolume(typed);
    if (volume === null) badVolumes.push(code);
    else expectedVolumes.push({ lineId, volume });
  }
  return { ok: true, input: { terms: terms.data, expectedVolumes }, codes, left, badVolumes };
}
