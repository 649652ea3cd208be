import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type BudgetSignal,
  type BudgetTotals,
  DEFAULT_THRESHOLDS,
  type LineEffect,
  type LineThreshold,
  lineTotalsOf,
  type Realisation,
  recheckCeilings,
  type YearEffect,
  type YearThreshold,
  yearTotalsOf,
} from '@regie/core';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import type { TransactItem } from './transact.ts';

/**
 * The running budget totals of an agreement and its budget signals (SPEC §4.4), shared by the realisations
 * (budget.ts) and by a change of an agreement's ceilings (agreements.ts), which re-checks the signals against
 * the totals in the same transaction as the change.
 */

/** Who a budget signal is for: everyone with these roles in the owning space. */
export const SIGNAL_ROLES = ['contractmanager', 'inkoper', 'approver'];

export async function readTotals(
  db: Db,
  space: string,
  agreementId: string,
): Promise<BudgetTotals & { exists: boolean; thresholds: number[] | undefined }> {
  const result = await guard(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.budget(space, agreementId),
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item
    ? {
        spentCents: result.Item.spentCents,
        signalled: result.Item.signalled ?? [],
        thresholds: result.Item.thresholds as number[] | undefined,
        ...(result.Item.years ? { years: result.Item.years as BudgetTotals['years'] } : {}),
        ...(result.Item.lines ? { lines: result.Item.lines as BudgetTotals['lines'] } : {}),
        exists: true,
      }
    : { spentCents: 0, signalled: [], thresholds: undefined, exists: false };
}

/**
 * The per-year and per-line totals to build on: as kept on the budget item, or — on totals kept before year or
 * line signals existed — counted once from the entries, read after the totals (an entry recorded in between
 * moved the agreement's audit head read before, so the transaction fails and nothing is counted twice or lost).
 */
export async function bucketsOf(
  db: Db,
  space: string,
  agreementId: string,
  sum: BudgetTotals & { exists: boolean },
): Promise<Required<Pick<BudgetTotals, 'years' | 'lines'>>> {
  if (!sum.exists) return { years: {}, lines: {} };
  if (sum.years && sum.lines) return { years: sum.years, lines: sum.lines };
  const entries = await realisations(db, space, agreementId);
  return { years: sum.years ?? yearTotalsOf(entries), lines: sum.lines ?? lineTotalsOf(entries) };
}

/**
 * The write of the budget item with the per-year totals, conditional on the spend seen. That condition alone
 * would not notice a correction that moves an entry to another year at the same amount (the spend stays, the
 * years change), nor does a zero-amount entry change any year's spend (so it is harmless). What serialises
 * every entry and correction is the audit event in the same transaction: it appends to the agreement's chain
 * conditional on the head read before these totals, so a write committed in between fails the transaction.
 */
export function totalsWrite(
  db: Db,
  space: string,
  agreementId: string,
  seen: { exists: boolean; spentCents: number },
  next: {
    spentCents: number;
    signalled: number[];
    thresholds: number[];
    years: BudgetTotals['years'];
    lines: BudgetTotals['lines'];
  },
): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.budget(space, agreementId), type: 'budget', ...next },
      ...(seen.exists
        ? {
            ConditionExpression: 'spentCents = :seen',
            ExpressionAttributeValues: { ':seen': seen.spentCents },
          }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

/**
 * A budget signal's id within its agreement, so each is signalled once: the overall ceiling's `80`, a year's
 * `2026#80`, a product line's `line#<id>#amount#80` or `line#<id>#volume#80`.
 */
export function signalId(s: { threshold: number; year?: number; line?: { id: string; measure: string } }) {
  if (s.line) return ['line', s.line.id, s.line.measure, s.threshold].join(SEP);
  return s.year === undefined ? `${s.threshold}` : `${s.year}${SEP}${s.threshold}`;
}
export const signalItemKey = (space: string, agreementId: string, s: Parameters<typeof signalId>[0]) =>
  keys.signal(space, agreementId, `budget${SEP}${signalId(s)}`);

/** The signals of the thresholds of product-line ceilings an entry crosses (amount or volume). */
export function lineSignals(
  agreement: {
    id: string;
    reference: string;
    title: string;
    productLines: {
      id: string;
      productCode: string;
      moneyCeilingCents?: number | null;
      volumeCeiling?: number | null;
    }[];
  },
  effect: Pick<LineEffect, 'lines' | 'crossed'>,
  at: string,
): BudgetSignal[] {
  return effect.crossed.map(({ lineId, measure, threshold }) => {
    const line = agreement.productLines.find((l) => l.id === lineId)!;
    return {
      agreementId: agreement.id,
      reference: agreement.reference,
      title: agreement.title,
      threshold,
      line: { id: lineId, productCode: line.productCode, measure },
      spentCents: effect.lines[lineId]?.spentCents ?? 0,
      ceilingCents: line.moneyCeilingCents ?? 0,
      ...(measure === 'volume'
        ? { volume: effect.lines[`${lineId}#volume`]!.spentCents, volumeCeiling: line.volumeCeiling ?? 0 }
        : {}),
      at,
      roles: SIGNAL_ROLES,
    };
  });
}

/** Deletes of the signals whose threshold a correction no longer reaches (year and line ones). */
export function withdrawals(
  db: Db,
  space: string,
  agreementId: string,
  years: readonly YearThreshold[],
  lines: readonly LineThreshold[],
): TransactItem[] {
  return [
    ...years.map(({ year, threshold }) => ({ year, threshold })),
    ...lines.map(({ lineId, measure, threshold }) => ({ threshold, line: { id: lineId, measure } })),
  ].map((s) => ({ Delete: { TableName: db.tableName, Key: signalItemKey(space, agreementId, s) } }));
}

/** The signals of the year thresholds an entry crosses, each against that year's ceiling. */
export function yearSignals(
  agreement: {
    id: string;
    reference: string;
    title: string;
    yearCeilings: { year: number; cents: number }[];
  },
  effect: Pick<YearEffect, 'years' | 'crossed'>,
  at: string,
): BudgetSignal[] {
  return effect.crossed.map(({ year, threshold }) => ({
    agreementId: agreement.id,
    reference: agreement.reference,
    title: agreement.title,
    threshold,
    year,
    spentCents: effect.years[String(year)]!.spentCents,
    ceilingCents: agreement.yearCeilings.find((y) => y.year === year)!.cents,
    at,
    roles: SIGNAL_ROLES,
  }));
}

/** The signals of the thresholds of the agreement's overall value ceiling that the spend crosses. */
export function overallSignals(
  agreement: { id: string; reference: string; title: string; valueCeilingCents: number | null },
  crossed: readonly number[],
  spentCents: number,
  at: string,
): BudgetSignal[] {
  return crossed.map((threshold) => ({
    agreementId: agreement.id,
    reference: agreement.reference,
    title: agreement.title,
    threshold,
    spentCents,
    ceilingCents: agreement.valueCeilingCents ?? 0,
    at,
    roles: SIGNAL_ROLES,
  }));
}

/**
 * What a change of an agreement's ceilings writes with it (SPEC §4.4, `recheckCeilings`): the budget totals with
 * the signals as they stand against the new ceilings, the signals now reached and the deletes of those no longer
 * reached. Nothing when the agreement has no realisations yet or nothing changes. The totals write is conditional
 * on the spend read here, and the change's own audit append serialises it with every budget entry.
 */
export async function ceilingRecheckItems(
  db: Db,
  agreement: Agreement,
  /** The owning space's thresholds (its settings), as the caller already read them. */
  spaceThresholds: readonly number[] | undefined,
  at: string,
): Promise<{ items: TransactItem[]; signals: BudgetSignal[] }> {
  const sum = await readTotals(db, agreement.space, agreement.id);
  if (!sum.exists) return { items: [], signals: [] };
  const buckets = await bucketsOf(db, agreement.space, agreement.id, sum);
  const thresholds = [...(spaceThresholds ?? DEFAULT_THRESHOLDS)];
  const check = recheckCeilings({ ...sum, ...buckets }, agreement, thresholds);
  if (!check.changed) return { items: [], signals: [] };
  const signals = [
    ...overallSignals(agreement, check.crossed, sum.spentCents, at),
    ...yearSignals(agreement, check.years, at),
    ...lineSignals(agreement, check.lines, at),
  ];
  return {
    signals,
    items: [
      totalsWrite(db, agreement.space, agreement.id, sum, {
        ...check.totals,
        thresholds: sum.thresholds ?? thresholds,
      }),
      ...signals.map((signal) => signalPut(db, agreement.space, signal)),
      ...check.withdrawn.map((threshold) => ({
        Delete: { TableName: db.tableName, Key: signalItemKey(agreement.space, agreement.id, { threshold }) },
      })),
      ...withdrawals(db, agreement.space, agreement.id, check.years.withdrawn, check.lines.withdrawn),
    ],
  };
}

/** A budget signal in its agreement's collection and on the space's signal index. */
export function signalPut(db: Db, space: string, signal: BudgetSignal): TransactItem {
  const id = signalId(signal);
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...signalItemKey(space, signal.agreementId, signal),
        type: 'signal',
        kind: 'budget_threshold',
        ...signal,
        gsi1pk: keys.signalIndex(space),
        gsi1sk: `${signal.at}${SEP}${signal.agreementId}${SEP}${id}`,
      },
    },
  };
}

/**
 * The spend of each year and line an entry touches, for the audit event (`spentCents.2026`,
 * `line.<id>.amountCents`, `line.<id>.volume`).
 */
export function bucketChanges(
  years: YearEffect,
  lines: LineEffect,
): Record<string, { before: number; after: number }> {
  return Object.fromEntries([
    ...years.moved.map((m) => [`spentCents.${m.year}`, { before: m.before, after: m.after }]),
    ...lines.moved.map((m) => [
      `line.${m.lineId}.${m.measure === 'amount' ? 'amountCents' : 'volume'}`,
      { before: m.before, after: m.after },
    ]),
  ]);
}

/** An agreement's realisations, read with the handle that reaches its collection (widened for a provider). */
export const realisations = (through: Db, space: string, agreementId: string) =>
  queryCollection<Realisation>(through, space, agreementId, keys.realisationPrefix);
