import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  allocate,
  type BudgetSignal,
  type BudgetTotals,
  burnDown,
  DEFAULT_THRESHOLDS,
  DomainError,
  newId,
  newlyCrossed,
  type Realisation,
  type RealisationInput,
} from '@regie/core';
import { accessAgreement, auditInCollection, queryCollection, type Widen } from './agreement-access.ts';
import { loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Who a budget signal is for: everyone with these roles in the owning space. */
const SIGNAL_ROLES = ['contractmanager', 'inkoper', 'approver'];

/**
 * Realisations against an agreement's ceiling (SPEC §4.4). Each entry updates the running totals on one item
 * conditionally (so concurrent entries never lose an amount), appends to the audit chain, and — when it makes
 * the spend cross 80% or 100% of the ceiling — writes a signal on the space's signal index, once per threshold.
 */
export function budgetRepository(db: Db, scope: Scope, widen: Widen) {
  const base = db;
  async function totals(
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
          exists: true,
        }
      : { spentCents: 0, signalled: [], thresholds: undefined, exists: false };
  }

  const realisations = (space: string, agreementId: string) =>
    queryCollection<Realisation>(db, space, agreementId, keys.realisationPrefix);

  return {
    /**
     * A realisation, by the municipality or reported by the provider in its portal (through the agreement's
     * collection only). The thresholds are the owner's settings, kept on the budget item for provider entries.
     */
    async record(
      agreementId: string,
      input: RealisationInput,
    ): Promise<{ realisation: Realisation; signals: BudgetSignal[] }> {
      const access = await accessAgreement(base, scope, widen, agreementId);
      const { db, agreement } = access;
      if (input.productLineId && !agreement.productLines.some((l) => l.id === input.productLineId)) {
        throw new DomainError(
          'BAD_REQUEST',
          'This agreement has no product line with that id',
          'productLineId',
        );
      }
      const current = await totals(db, agreement.space, agreement.id);
      const now = new Date().toISOString();
      const realisation: Realisation = {
        ...input,
        id: newId(),
        agreementId: agreement.id,
        recordedAt: now,
        recordedBy: scope.actor,
        side: access.side,
      };
      const spentCents = current.spentCents + input.amountCents;
      const ceiling = agreement.valueCeilingCents;
      const thresholds =
        access.side === 'municipality'
          ? ((await readSpace(db, agreement.space))?.signalThresholds ?? [...DEFAULT_THRESHOLDS])
          : (current.thresholds ?? [...DEFAULT_THRESHOLDS]);
      const crossed = ceiling
        ? newlyCrossed(ceiling, current.spentCents, spentCents, thresholds).filter(
            (t) => !current.signalled.includes(t),
          )
        : [];
      const signals: BudgetSignal[] = crossed.map((threshold) => ({
        agreementId: agreement.id,
        reference: agreement.reference,
        title: agreement.title,
        threshold,
        spentCents,
        ceilingCents: ceiling!,
        at: now,
        roles: SIGNAL_ROLES,
      }));
      const items: TransactItem[] = [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.realisation(agreement.space, agreement.id, input.period, realisation.id),
              type: 'realisation',
              ...realisation,
            },
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.budget(agreement.space, agreement.id),
              type: 'budget',
              spentCents,
              signalled: [...current.signalled, ...crossed],
              thresholds,
            },
            ...(current.exists
              ? {
                  ConditionExpression: 'spentCents = :seen',
                  ExpressionAttributeValues: { ':seen': current.spentCents },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
        ...auditInCollection(
          access,
          scope,
          {
            at: now,
            action: 'realisation',
            objectType: 'realisation',
            changes: {
              spentCents: { before: current.spentCents, after: spentCents },
              [`realisation.${realisation.period}`]: { before: null, after: input.amountCents },
            },
          },
          { spentCents },
        ),
        ...signals.map((signal) => ({
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.signal(agreement.space, agreement.id, `budget${SEP}${signal.threshold}`),
              type: 'signal',
              kind: 'budget_threshold',
              ...signal,
              gsi1pk: keys.signalIndex(agreement.space),
              gsi1sk: `${now}${SEP}${agreement.id}${SEP}${signal.threshold}`,
            },
          },
        })),
      ];
      try {
        await guard(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
      } catch (error) {
        if (isConditionFailure(error))
          throw new DomainError('CONFLICT', 'Another entry was recorded at the same moment; try again');
        throw error;
      }
      return { realisation, signals };
    },

    /** Spend against the ceiling, per product line, and the burn-down with forecast of one year. */
    async get(agreementId: string, year: number) {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      const [sum, entries] = await Promise.all([
        totals(db, agreement.space, agreement.id),
        realisations(agreement.space, agreement.id),
      ]);
      const ceilingCents = agreement.valueCeilingCents;
      // A year is measured against its own ceiling where the agreement sets one, else the whole ceiling.
      const yearCeiling = agreement.yearCeilings.find((y) => y.year === year)?.cents ?? ceilingCents;
      const thresholds = (await readSpace(db, agreement.space))?.signalThresholds ?? DEFAULT_THRESHOLDS;
      const today = new Date().toISOString().slice(0, 7);
      return {
        ceilingCents,
        spentCents: sum.spentCents,
        usedBasisPoints: ceilingCents ? Math.floor((sum.spentCents * 10_000) / ceilingCents) : null,
        signalled: sum.signalled,
        lines: agreement.productLines.map((line) => ({
          id: line.id,
          productCode: line.productCode,
          ceilingCents: line.moneyCeilingCents ?? null,
          volumeCeiling: line.volumeCeiling ?? null,
          spentCents: entries
            .filter((r) => r.productLineId === line.id)
            .reduce((s, r) => s + r.amountCents, 0),
          volume: entries.filter((r) => r.productLineId === line.id).reduce((s, r) => s + (r.volume ?? 0), 0),
        })),
        thresholds,
        year: yearCeiling ? burnDown(yearCeiling, year, entries, today, thresholds) : null,
        realisations: entries.sort((a, b) => (a.period < b.period ? 1 : -1)),
      };
    },

    /**
     * For a region's shared agreement: each member's contribution for a year by the allocation key —
     * provisional from the budget (the year's ceiling), definitive from what was realised (SPEC §4.4).
     */
    async statement(agreementId: string, year: number) {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      if (!agreement.allocationKey) {
        throw new DomainError(
          'BAD_REQUEST',
          'Only an agreement with an allocation key has a statement per member',
          'agreementId',
        );
      }
      const region = await readSpace(db, agreement.space);
      const budget =
        agreement.yearCeilings.find((y) => y.year === year)?.cents ?? agreement.valueCeilingCents ?? 0;
      const realised = (await realisations(agreement.space, agreement.id))
        .filter((r) => r.period.startsWith(`${year}-`))
        .reduce((sum, r) => sum + r.amountCents, 0);
      const provisional = allocate(budget, agreement.allocationKey);
      const definitive = allocate(realised, agreement.allocationKey);
      return {
        year,
        budgetCents: budget,
        realisedCents: realised,
        method: agreement.allocationKey.method,
        members: provisional.map((p, i) => ({
          space: p.space,
          name: region?.memberNames?.[p.space] ?? p.space,
          provisionalCents: p.cents,
          definitiveCents: definitive[i]!.cents,
          // Positive: the member paid too much provisionally and gets it back.
          settlementCents: p.cents - definitive[i]!.cents,
        })),
      };
    },

    /** The space's signals, newest first (for the roles named on each). */
    async signals(filter: { space?: string; limit: number }): Promise<BudgetSignal[]> {
      const space = filter.space ?? scope.space;
      if (!scope.reach.includes(space)) throw new DomainError('NOT_FOUND', 'Space not found');
      const page = await guard(() =>
        db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.signalIndex(space) },
            ScanIndexForward: false,
            Limit: filter.limit,
          }),
        ),
      );
      return (page.Items ?? [])
        .filter(
          (i) =>
            (i.roles as string[]).some((r) => scope.roles.includes(r as never)) ||
            scope.roles.includes('viewer'),
        )
        .map(({ agreementId, reference, title, threshold, spentCents, ceilingCents, at, roles }) => ({
          agreementId,
          reference,
          title,
          threshold,
          spentCents,
          ceilingCents,
          at,
          roles,
        }));
    },
  };
}
