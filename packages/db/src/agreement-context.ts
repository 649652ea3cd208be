import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementTermsPatch,
  actsForOwner,
  allocate,
  allowedTransitions,
  DomainError,
  type DueState,
  dedicatedRoute,
  type InternalView,
  mandateMatters,
  newId,
  notFound,
  type ResolvedTerms,
  resolveParties,
  type TransitionContext,
} from '@regie/core';
import { mirrorsOf } from './agreement-mirrors.ts';
import { hintedSpace, rememberSpace } from './agreement-spaces.ts';
import type { Db } from './client.ts';
import { readSpace, type SpaceRecord } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { stripKeys } from './query.ts';
import type { Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

/**
 * What every part of the agreement repository shares per request (agreements.ts, agreement-prepare.ts,
 * agreement-transitions.ts): reading agreements, the cached space records, resolving input terms, the
 * internal view.
 */

export type Item = Agreement & { auditSeq: number; auditHash: string } & Record<string, unknown>;
export type Organisations = Parameters<typeof resolveParties>[1];

/** Older items may lack fields added later; reading fills them in so every Agreement is complete. */
export function toAgreement(item: Record<string, unknown>): Agreement {
  // stripKeys returns a fresh object: the defaults are filled in place, one copy instead of two per read.
  const a = stripKeys<Agreement>(item);
  a.parties ??= [];
  a.productLines ??= [];
  a.duties ??= [];
  a.kpis ??= [];
  a.incentives ??= [];
  a.yearCeilings ??= [];
  a.publication ??= null;
  a.renewal ??= null;
  a.allocationKey ??= null;
  a.services ??= [];
  a.parentId ??= null;
  a.noticePeriodMonths ??= null;
  a.valueCeilingCents ??= null;
  a.termsVersion ??= a.version;
  a.approval ??= null;
  a.sharedWithParties ??= false;
  return a;
}

/**
 * An agreement with its audit-chain head, from whichever of the caller's spaces holds it; NOT_FOUND when
 * none does (a foreign id reads exactly like a missing one). When this process has read the id before, one
 * GetItem of that space's key (agreement-spaces.ts); otherwise, or when that key is empty, one BatchGetItem
 * over the caller's reach.
 */
export async function loadAgreement(
  db: Db,
  reach: readonly string[],
  id: string,
): Promise<Agreement & { auditSeq: number; auditHash: string } & Record<string, unknown>> {
  const item = (await readHinted(db, reach, id)) ?? (await readOverReach(db, reach, id));
  if (!item) throw notFound('Agreement');
  // Into toAgreement's fresh object: a literal adding properties after a spread is slow on Node 20 (internalView).
  return Object.assign(toAgreement(item) as Agreement & Record<string, unknown>, {
    auditSeq: item.auditSeq as number,
    auditHash: item.auditHash as string,
  });
}

/** The agreement item at the space this process last read `id` in, when that space is in `reach`. */
async function readHinted(db: Db, reach: readonly string[], id: string) {
  const space = hintedSpace(db, reach, id);
  if (space === undefined) return undefined;
  const { Item } = await guard(() =>
    db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.agreement(space, id), ConsistentRead: true }),
    ),
  );
  return Item;
}

async function readOverReach(db: Db, reach: readonly string[], id: string) {
  const result = await guard(() =>
    db.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [db.tableName]: { Keys: reach.map((space) => keys.agreement(space, id)), ConsistentRead: true },
        },
      }),
    ),
  );
  const item = result.Responses?.[db.tableName]?.[0];
  if (item) rememberSpace(db, id, item.space as string);
  return item;
}

/** The spend the budget repository keeps on the agreement item, against the ceiling. */
function budgetOf(a: Agreement): InternalView['budget'] {
  const spentCents = (a as Agreement & { spentCents?: number }).spentCents ?? 0;
  if (!a.valueCeilingCents) return null;
  const usedBasisPoints = Math.floor((spentCents * 10_000) / a.valueCeilingCents);
  return {
    spentCents,
    usedBasisPoints,
    level: usedBasisPoints >= 10_000 ? 'breach' : usedBasisPoints >= 8_000 ? 'warning' : 'ok',
  };
}

export function agreementContext(db: Db, scope: Scope) {
  // Space records read at most once per request (names for party views, the mandate threshold).
  const spaces = new Map<string, Promise<SpaceRecord | null>>();
  const spaceRecord = (space: string) => {
    if (!spaces.has(space)) spaces.set(space, readSpace(db, space));
    return spaces.get(space)!;
  };
  const spaceName = async (space: string) => (await spaceRecord(space))?.name ?? space;
  const mandateOf = async (space: string) => (await spaceRecord(space))?.mandateThresholdCents ?? null;
  /**
   * The threshold as a view needs it: only when it can change the caller's transitions (`mandateMatters`); for the
   * others (viewers, approvers, reporters, …) a read skips the space record. Checks of a move use `mandateOf`.
   */
  const readMandate = mandateMatters(scope.roles);
  const viewMandateOf = async (space: string) => (readMandate ? mandateOf(space) : null);
  const contextFor = (a: Agreement, mandateThresholdCents: number | null): TransitionContext => ({
    roles: scope.roles,
    actor: scope.actor,
    createdBy: a.createdBy,
    valueCeilingCents: a.valueCeilingCents,
    mandateThresholdCents,
    approval: a.approval,
    termsVersion: a.termsVersion,
  });

  const load = (id: string) => loadAgreement(db, scope.reach, id);

  /**
   * `load` and the reach's space records (for the mandate threshold, when it matters to the caller) in one
   * consistent BatchGetItem: one round trip instead of two on the register's most frequent read. Only keys of the caller's reach are
   * named, so a foreign agreement still answers NOT_FOUND like a missing one.
   */
  async function loadOverReach(id: string): Promise<Agreement> {
    const item = await readOverReach(db, scope.reach, id);
    if (!item) throw notFound('Agreement');
    return toAgreement(item);
  }

  async function loadWithSpaces(id: string): Promise<Agreement> {
    const unread = readMandate ? scope.reach.filter((space) => !spaces.has(space)) : [];
    const hinted = hintedSpace(db, scope.reach, id);
    if (hinted !== undefined && unread.length === 0) {
      // The common case of a repeated read with no space record to fetch: one GetItem, like any app's.
      const item = await readHinted(db, scope.reach, id);
      if (item) return toAgreement(item);
      return loadOverReach(id); // the hinted key is empty: the whole reach, or NOT_FOUND
    }
    const agreementKeys = (hinted !== undefined ? [hinted] : scope.reach).map((space) =>
      keys.agreement(space, id),
    );
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: {
              Keys: [...agreementKeys, ...unread.map((space) => keys.space(space))],
              ConsistentRead: true,
            },
          },
        }),
      ),
    );
    // A partial answer (throttling) is not an absence: read the plain way instead.
    if (Object.keys(result.UnprocessedKeys ?? {}).length > 0) return toAgreement(await load(id));
    const items = result.Responses?.[db.tableName] ?? [];
    for (const item of items) {
      if (item.sk !== keys.space(scope.space).sk) continue;
      const record = stripKeys<SpaceRecord>(item);
      spaces.set(record.space, Promise.resolve(record));
    }
    for (const space of unread) if (!spaces.has(space)) spaces.set(space, Promise.resolve(null));
    const item = items.find((i) => i.sk === keys.agreement(scope.space, id).sk);
    if (!item) {
      if (hinted !== undefined) return loadOverReach(id); // empty hinted key: read the whole reach
      throw notFound('Agreement');
    }
    rememberSpace(db, id, item.space as string);
    return toAgreement(item);
  }

  async function loadMany(space: string, ids: string[]): Promise<Agreement[]> {
    if (ids.length === 0) return [];
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.tableName]: { Keys: ids.map((id) => keys.agreement(space, id)) } },
        }),
      ),
    );
    const byId = new Map(
      (result.Responses?.[db.tableName] ?? []).map((item) => [item.id as string, toAgreement(item)]),
    );
    return ids.map((id) => byId.get(id)).filter((a): a is Agreement => a !== undefined);
  }

  /** Organisations registered in the owning space, for resolving parties. */
  async function organisationsOf(space: string, ids: string[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.tableName]: { Keys: unique.map((id) => keys.organisation(space, id)) } },
        }),
      ),
    );
    return new Map(
      (result.Responses?.[db.tableName] ?? []).map((o) => [
        o.id as string,
        {
          name: o.name as string,
          kind: o.kind as 'provider' | 'joint_body',
          kvkNumber: o.kvkNumber as string,
        },
      ]),
    );
  }

  /** Input terms → stored terms: parties resolved, product lines given ids, the region's members checked. */
  async function resolve(
    space: string,
    patch: AgreementTermsPatch,
    current?: Agreement,
    /** The space's organisations when the caller read them already (an import reads them once per batch). */
    known?: Organisations,
  ): Promise<ResolvedTerms> {
    const { parties, productLines, renewal, duties, kpis, services, ...rest } = patch;
    const resolved: ResolvedTerms = { ...rest };
    if (parties)
      resolved.parties = resolveParties(
        parties,
        known ??
          (await organisationsOf(
            space,
            parties.map((p) => p.organisationId),
          )),
      );
    if (productLines)
      resolved.productLines = productLines.map((line) => ({ ...line, id: line.id ?? newId() }));
    if (duties) resolved.duties = duties.map((duty) => ({ ...duty, id: duty.id ?? newId() }));
    if (kpis) resolved.kpis = kpis.map((kpi) => ({ ...kpi, id: kpi.id ?? newId() }));
    // Services and their levels keep their ids (service-level reports name them); new ones get one.
    if (services)
      resolved.services = services.map((service) => ({
        ...service,
        id: service.id ?? newId(),
        levels: service.levels.map((level) => ({ ...level, id: level.id ?? newId() })),
      }));
    if (renewal !== undefined) {
      resolved.renewal = renewal
        ? { ...renewal, used: Math.min(current?.renewal?.used ?? 0, renewal.options) }
        : null;
    }
    if (patch.allocationKey) {
      const region = await spaceRecord(space);
      if (region?.kind !== 'region') {
        throw new DomainError('BAD_REQUEST', 'allocation.notRegion', {
          field: 'allocationKey',
          message: 'Only an agreement a region owns has an allocation key',
        });
      }
      const outsider = patch.allocationKey.weights.find((w) => !region.members?.includes(w.space));
      if (outsider) {
        throw new DomainError('BAD_REQUEST', 'allocation.notMember', {
          params: { space: outsider.space, region: region.name },
          field: 'allocationKey.weights',
          message: `${outsider.space} is not a member of ${region.name}`,
        });
      }
    }
    return resolved;
  }

  /** Every item that mirrors an agreement, rewritten for its new state (agreement-mirrors.ts). */
  const mirrorItems = async (
    prev: Agreement | null,
    next: Agreement,
    currentDues: readonly DueState[] = [],
  ) => mirrorsOf(db, await spaceName(next.space), prev, next, currentDues);

  const write = (items: TransactItem[], onConflict: (index: number) => DomainError) =>
    transact(db, items, onConflict);

  /** The internal view of an agreement; `mandate` is the owning space's threshold (see `mandateOf`). */
  function internalView(a: Agreement, mandate: number | null): InternalView {
    // Object.assign, not `{ ...a, view, … }`: on Node 20 a literal that defines properties after a spread takes
    // V8's slow path (22 µs for an agreement, 0.8 µs this way; docs/benchmarks.md, Floors). Same keys, same order.
    return Object.assign({}, a, {
      view: 'internal' as const,
      // Grant and settlement of a subsidy have their own procedures (subsidy.grant, subsidy.settle).
      transitions: actsForOwner(scope, a.space)
        ? allowedTransitions(a.kind, a.status, contextFor(a, mandate)).filter(
            (to) => !dedicatedRoute(a.kind, to),
          )
        : [], // a member reads a region's agreement but moves nothing (SPEC §2 rule 7)
      budget: budgetOf(a),
      shares:
        a.allocationKey && a.valueCeilingCents !== null
          ? allocate(a.valueCeilingCents, a.allocationKey)
          : null,
    });
  }

  return {
    db,
    scope,
    spaceRecord,
    spaceName,
    mandateOf,
    viewMandateOf,
    contextFor,
    load,
    loadWithSpaces,
    loadMany,
    resolve,
    mirrorItems,
    write,
    internalView,
  };
}

export type AgreementContext = ReturnType<typeof agreementContext>;
