import {
  activeRealisations,
  allocate,
  allocateRealised,
  assertRunning,
  type BudgetSignal,
  burnDown,
  correctRealisation,
  DEFAULT_THRESHOLDS,
  DomainError,
  type LineThreshold,
  lineEffect,
  newId,
  newlyCrossed,
  notFound,
  type Realisation,
  type RealisationCorrection,
  type RealisationInput,
  usageAllocationKey,
  withSettledIncentives,
  type YearThreshold,
  yearEffect,
} from '@regie/core';
import { accessAgreement, actingParty, auditInCollection, type Widen } from './agreement-access.ts';
import { loadAgreement } from './agreements.ts';
import {
  bucketChanges,
  bucketsOf,
  lineSignals,
  overallSignals,
  readTotals,
  realisations,
  signalPut,
  totalsWrite,
  withdrawals,
  yearSignals,
} from './budget-signals.ts';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { readSettlements } from './incentives.ts';
import { keys, SEP } from './keys.ts';
import { gsi1Page } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';
import { measuredUsageCents } from './usage.ts';

/**
 * Realisations against an agreement's ceiling (SPEC §4.4). Each entry updates the running totals on one item
 * conditionally (so concurrent entries never lose an amount), appends to the audit chain, and — when it makes
 * the spend cross 80% or 100% of the ceiling — writes a signal on the space's signal index, once per threshold.
 */
export function budgetRepository(db: Db, scope: Scope, widen: Widen) {
  const base = db;
  /**
   * The thresholds an entry is measured against: the owner's settings for the municipality's own entries; for a
   * provider's (which cannot read the owner's space record) those kept on the budget item by the last of them.
   */
  const thresholdsFor = async (
    side: 'municipality' | 'provider',
    through: Db,
    space: string,
    kept: { thresholds: number[] | undefined },
  ) =>
    side === 'municipality'
      ? ((await readSpace(through, space))?.signalThresholds ?? [...DEFAULT_THRESHOLDS])
      : (kept.thresholds ?? [...DEFAULT_THRESHOLDS]);
  /** A realisation's member: only on a region's agreement, and one of the region's members. */
  const assertMember = async (owner: string, member: string, field: string) => {
    const region = await readSpace(base, owner);
    if (region?.kind !== 'region' || !region.members?.includes(member))
      throw new DomainError('BAD_REQUEST', 'realisation.notMember', {
        field,
        message: 'The member must be a member municipality of the region that owns the agreement',
      });
  };
  return {
    /**
     * A realisation, by the municipality or reported by the provider in its portal (through the agreement's
     * collection only). The thresholds are the owner's settings, kept on the budget item for provider entries.
     */
    async record(
      agreementId: string,
      input: RealisationInput,
      onBehalfOf?: string,
    ): Promise<{ realisation: Realisation; signals: BudgetSignal[] }> {
      const access = await accessAgreement(base, scope, widen, agreementId);
      const { db, agreement } = access;
      if (access.side === 'provider') assertRunning(agreement);
      // A provider's entry is its own party's. The municipality's own entry belongs to no party unless it
      // names one it records for (a label for the owner's lists; providers see only what they reported).
      const party =
        access.side === 'provider' || onBehalfOf !== undefined
          ? actingParty(access, scope, onBehalfOf)
          : null;
      if (input.productLineId && !agreement.productLines.some((l) => l.id === input.productLineId)) {
        throw new DomainError('BAD_REQUEST', 'productLine.unknown', {
          field: 'productLineId',
          message: 'This agreement has no product line with that id',
        });
      }
      if (input.member !== undefined) await assertMember(agreement.space, input.member, 'member');
      const current = await readTotals(db, agreement.space, agreement.id);
      const now = new Date().toISOString();
      const realisation: Realisation = {
        ...input,
        id: newId(),
        agreementId: agreement.id,
        recordedAt: now,
        recordedBy: scope.actor,
        recordedByName: scope.actorName,
        side: access.side,
        ...(party ?? {}),
        version: 1,
      };
      const spentCents = current.spentCents + input.amountCents;
      const ceiling = agreement.valueCeilingCents;
      const thresholds = await thresholdsFor(access.side, db, agreement.space, current);
      const crossed = ceiling
        ? newlyCrossed(ceiling, current.spentCents, spentCents, thresholds).filter(
            (t) => !current.signalled.includes(t),
          )
        : [];
      const buckets = await bucketsOf(db, agreement.space, agreement.id, current);
      const perYear = yearEffect(buckets, null, input, agreement.yearCeilings, thresholds);
      const perLine = lineEffect(buckets, null, input, agreement.productLines, thresholds);
      const signals: BudgetSignal[] = [
        ...overallSignals(agreement, crossed, spentCents, now),
        ...yearSignals(agreement, perYear, now),
        ...lineSignals(agreement, perLine, now),
      ];
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
        totalsWrite(db, agreement.space, agreement.id, current, {
          spentCents,
          signalled: [...current.signalled, ...crossed],
          thresholds,
          years: perYear.years,
          lines: perLine.lines,
        }),
        ...auditInCollection(
          access,
          scope,
          {
            at: now,
            action: 'realisation',
            objectType: 'realisation',
            changes: {
              spentCents: { before: current.spentCents, after: spentCents },
              ...bucketChanges(perYear, perLine),
              [`realisation.${realisation.period}`]: { before: null, after: input.amountCents },
            },
          },
          { spentCents },
        ),
        ...signals.map((signal) => signalPut(db, agreement.space, signal)),
      ];
      await transact(
        db,
        items,
        new DomainError('CONFLICT', 'realisation.changedMeanwhile', {
          message: 'Another entry was recorded at the same moment; try again',
        }),
      );
      return { realisation, signals };
    },

    /**
     * Corrects or reverses a wrongly entered realisation (SPEC §4.4), in one transaction: the entry (moved when
     * its month changes), the running totals (conditional on the total seen), the signals crossed or no longer
     * reached, and the audit event. A provider corrects only what its side reported; another entry answers
     * NOT_FOUND, like a missing one.
     */
    async correct(input: RealisationCorrection): Promise<{
      realisation: Realisation;
      spentCents: number;
      signals: BudgetSignal[];
      withdrawn: number[];
      /** Signals of a year ceiling withdrawn because that year's spend fell back below the threshold. */
      withdrawnYears: YearThreshold[];
      /** Likewise of a product line's amount or volume ceiling. */
      withdrawnLines: (LineThreshold & { productCode: string })[];
    }> {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const { db, agreement } = access;
      const entries = await realisations(db, agreement.space, agreement.id);
      const current = entries.find((r) => r.id === input.realisationId);
      // A provider corrects only what its own party reported; the owner any entry (SPEC §2 rule 6).
      if (
        !current ||
        (access.side === 'provider' && (current.side !== 'provider' || current.party !== scope.space))
      )
        throw notFound('Realisation');
      const lineId = input.realisation?.productLineId;
      if (lineId && !agreement.productLines.some((l) => l.id === lineId)) {
        throw new DomainError('BAD_REQUEST', 'productLine.unknown', {
          field: 'realisation.productLineId',
          message: 'This agreement has no product line with that id',
        });
      }
      const member = input.realisation?.member;
      if (member !== undefined) await assertMember(agreement.space, member, 'realisation.member');
      const sum = await readTotals(db, agreement.space, agreement.id);
      const thresholds = await thresholdsFor(access.side, db, agreement.space, sum);
      const now = new Date().toISOString();
      const ceiling = agreement.valueCeilingCents;
      const effect = correctRealisation(current, input, sum, ceiling, scope.actor, now, thresholds);
      const { next } = effect;
      const buckets = await bucketsOf(db, agreement.space, agreement.id, sum);
      const perYear = yearEffect(buckets, current, next, agreement.yearCeilings, thresholds);
      const perLine = lineEffect(buckets, current, next, agreement.productLines, thresholds);
      const signals: BudgetSignal[] = [
        ...overallSignals(agreement, effect.crossed, effect.spentCents, now),
        ...yearSignals(agreement, perYear, now),
        ...lineSignals(agreement, perLine, now),
      ];
      const oldKey = keys.realisation(agreement.space, agreement.id, current.period, current.id);
      const newKey = keys.realisation(agreement.space, agreement.id, next.period, next.id);
      const moved = oldKey.sk !== newKey.sk;
      const seenVersion =
        current.version === undefined
          ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
          : {
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':version': current.version },
            };
      const changes: Record<string, { before: unknown; after: unknown }> = {
        spentCents: { before: sum.spentCents, after: effect.spentCents },
        ...bucketChanges(perYear, perLine),
        note: { before: null, after: input.reason },
      };
      if (moved) {
        changes[`realisation.${current.period}`] = { before: current.amountCents, after: null };
        changes[`realisation.${next.period}`] = {
          before: null,
          after: next.reversedAt ? 0 : next.amountCents,
        };
      } else {
        changes[`realisation.${next.period}`] = {
          before: current.amountCents,
          after: next.reversedAt ? 0 : next.amountCents,
        };
      }
      const items: TransactItem[] = [
        ...(moved
          ? [
              { Delete: { TableName: db.tableName, Key: oldKey, ...seenVersion } },
              {
                Put: {
                  TableName: db.tableName,
                  Item: { ...newKey, type: 'realisation', ...next },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ]
          : [
              {
                Put: {
                  TableName: db.tableName,
                  Item: { ...newKey, type: 'realisation', ...next },
                  ...seenVersion,
                },
              },
            ]),
        totalsWrite(db, agreement.space, agreement.id, sum, {
          spentCents: effect.spentCents,
          signalled: effect.signalled,
          thresholds,
          years: perYear.years,
          lines: perLine.lines,
        }),
        ...auditInCollection(
          access,
          scope,
          { at: now, action: 'realisation', objectType: 'realisation', changes },
          { spentCents: effect.spentCents },
        ),
        ...signals.map((signal) => signalPut(db, agreement.space, signal)),
        // A signal whose threshold the spend no longer reaches is withdrawn with the correction.
        ...effect.withdrawn.map((threshold) => ({
          Delete: {
            TableName: db.tableName,
            Key: keys.signal(agreement.space, agreement.id, `budget${SEP}${threshold}`),
          },
        })),
        // Likewise per year and per line: one whose spend fell back below a signalled threshold of its ceiling.
        ...withdrawals(db, agreement.space, agreement.id, perYear.withdrawn, perLine.withdrawn),
      ];
      await transact(
        db,
        items,
        new DomainError('CONFLICT', 'realisation.changedMeanwhile', {
          message: 'The realisation or the totals changed meanwhile; reload and try again',
        }),
      );
      return {
        realisation: next,
        spentCents: effect.spentCents,
        signals,
        withdrawn: effect.withdrawn,
        withdrawnYears: perYear.withdrawn,
        withdrawnLines: perLine.withdrawn.map((w) => ({
          ...w,
          productCode: agreement.productLines.find((l) => l.id === w.lineId)?.productCode ?? w.lineId,
        })),
      };
    },

    /**
     * For a provider in its portal: the realisations its own party reported on one of its agreements, newest
     * month first, with what they add up to per product line. Never the municipality's own entries or totals,
     * nor another party's.
     */
    async reported(agreementId: string) {
      const access = await accessAgreement(base, scope, widen, agreementId);
      const { db, agreement } = access;
      const entries = (await realisations(db, agreement.space, agreement.id))
        .filter((r) => r.side === 'provider' && r.party === scope.space)
        .sort((a, b) =>
          a.period < b.period ? 1 : a.period > b.period ? -1 : a.recordedAt < b.recordedAt ? 1 : -1,
        );
      const counted = activeRealisations(entries);
      return {
        reportedCents: counted.reduce((s, r) => s + r.amountCents, 0),
        lines: agreement.productLines.map((line) => ({
          id: line.id,
          productCode: line.productCode,
          reportedCents: counted
            .filter((r) => r.productLineId === line.id)
            .reduce((s, r) => s + r.amountCents, 0),
          volume: counted.filter((r) => r.productLineId === line.id).reduce((s, r) => s + (r.volume ?? 0), 0),
        })),
        // An allow-list: who on the municipality's side corrected an entry is not the provider's to see.
        realisations: entries.map((r) => ({
          id: r.id,
          period: r.period,
          amountCents: r.amountCents,
          ...(r.volume !== undefined ? { volume: r.volume } : {}),
          ...(r.productLineId !== undefined ? { productLineId: r.productLineId } : {}),
          ...(r.note !== undefined ? { note: r.note } : {}),
          recordedAt: r.recordedAt,
          recordedBy: r.recordedBy,
          version: r.version ?? 1,
          ...(r.correctedAt !== undefined ? { correctedAt: r.correctedAt } : {}),
          ...(r.correctionReason !== undefined ? { correctionReason: r.correctionReason } : {}),
          ...(r.reversedAt !== undefined ? { reversedAt: r.reversedAt } : {}),
        })),
      };
    },

    /** Spend against the ceiling, per product line, and the burn-down with forecast of one year. */
    async get(agreementId: string, year: number) {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      const [sum, entries, settlements] = await Promise.all([
        readTotals(db, agreement.space, agreement.id),
        realisations(db, agreement.space, agreement.id),
        readSettlements(db, agreement.space, agreement.id),
      ]);
      const counted = activeRealisations(entries);
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
          spentCents: counted
            .filter((r) => r.productLineId === line.id)
            .reduce((s, r) => s + r.amountCents, 0),
          volume: counted.filter((r) => r.productLineId === line.id).reduce((s, r) => s + (r.volume ?? 0), 0),
        })),
        thresholds,
        // Settled incentives (bonus +, malus −) as a series of their own beside the spend: they never move the
        // realisations' totals or signals.
        year: yearCeiling
          ? withSettledIncentives(burnDown(yearCeiling, year, counted, today, thresholds), settlements)
          : null,
        incentives: {
          settledCents: settlements.reduce((total, s) => total + s.totalCents, 0),
          settlements: settlements
            .map((s) => ({
              period: s.period,
              ...(s.party ? { party: s.party, partyName: s.partyName ?? s.party } : {}),
              totalCents: s.totalCents,
              settledAt: s.settledAt,
            }))
            .sort((x, y) => (x.period < y.period ? -1 : 1)),
        },
        yearCeilings: agreement.yearCeilings,
        realisations: entries
          .sort((a, b) =>
            a.period < b.period ? 1 : a.period > b.period ? -1 : a.recordedAt < b.recordedAt ? 1 : -1,
          )
          .map((r) => ({ ...r, version: r.version ?? 1 })),
      };
    },

    /**
     * For a region's shared agreement: each member's contribution for a year by the allocation key —
     * provisional from the budget (the year's ceiling), definitive from what was realised (SPEC §4.4): a
     * realisation booked for a member counts to that member only, the others are spread by the key.
     */
    async statement(agreementId: string, year: number) {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      if (!agreement.allocationKey) {
        throw new DomainError('BAD_REQUEST', 'allocation.noKey', {
          field: 'agreementId',
          message: 'Only an agreement with an allocation key has a statement per member',
        });
      }
      const region = await readSpace(db, agreement.space);
      const budget =
        agreement.yearCeilings.find((y) => y.year === year)?.cents ?? agreement.valueCeilingCents ?? 0;
      const ofYear = activeRealisations(await realisations(db, agreement.space, agreement.id)).filter((r) =>
        r.period.startsWith(`${year}-`),
      );
      const realised = ofYear.reduce((sum, r) => sum + r.amountCents, 0);
      // A `usage` key weighs each member by its measured P×Q of the year where usage was measured (usage.ts).
      const { key, measured } = usageAllocationKey(
        agreement.allocationKey,
        agreement.allocationKey.method === 'usage' ? await measuredUsageCents(db, agreement, year) : {},
      );
      const provisional = allocate(budget, key);
      // A realisation booked for a member counts to it only; the rest is spread by the key (budget-members.ts).
      const definitive = allocateRealised(ofYear, key);
      const provisionalOf = new Map(provisional.map((p) => [p.space, p.cents]));
      // Definitive once the year is over; until then the realised part is the state so far.
      const final = year < new Date().getUTCFullYear();
      return {
        year,
        final,
        budgetCents: budget,
        realisedCents: realised,
        method: agreement.allocationKey.method,
        /** Whether the weights are the measured usage of the year (a `usage` key with usage measured). */
        weightsMeasured: measured,
        members: definitive.map((d) => ({
          space: d.space,
          name: region?.memberNames?.[d.space] ?? d.space,
          provisionalCents: provisionalOf.get(d.space) ?? 0,
          definitiveCents: d.cents,
          // Positive: the member paid too much provisionally and gets it back.
          settlementCents: (provisionalOf.get(d.space) ?? 0) - d.cents,
        })),
      };
    },

    /** The space's signals, newest first (for the roles named on each). */
    async signals(filter: { space?: string; limit: number }): Promise<BudgetSignal[]> {
      const space = filter.space ?? scope.space;
      assertReach(scope, space);
      const page = await gsi1Page(db, keys.signalIndex(space), { descending: true, limit: filter.limit });
      return page.items
        .filter(
          (i) =>
            (i.roles as string[]).some((r) => scope.roles.includes(r as never)) ||
            scope.roles.includes('viewer'),
        )
        .map((i) => ({
          agreementId: i.agreementId as string,
          reference: i.reference as string,
          title: i.title as string,
          threshold: i.threshold as number,
          ...(typeof i.year === 'number' ? { year: i.year } : {}),
          ...(i.line ? { line: i.line as NonNullable<BudgetSignal['line']> } : {}),
          ...(typeof i.volume === 'number'
            ? { volume: i.volume, volumeCeiling: i.volumeCeiling as number }
            : {}),
          spentCents: i.spentCents as number,
          ceilingCents: i.ceilingCents as number,
          at: i.at as string,
          roles: i.roles as string[],
        }));
    },
  };
}
