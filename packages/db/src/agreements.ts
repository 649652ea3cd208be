import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementCreateInput,
  type AgreementStatus,
  type AgreementTermsPatch,
  type AuditEvent,
  actsForOwner,
  allocate,
  allowedTransitions,
  amend,
  applyTerms,
  assertActsForOwner,
  assertMandateCovers,
  assertShareable,
  assertTerms,
  assertTransition,
  DomainError,
  type DueState,
  dedicatedRoute,
  type InternalView,
  LIFECYCLES,
  newId,
  notFound,
  type PartyView,
  partyViewSchema,
  type ResolvedTerms,
  renew,
  resolveParties,
  shareAfterMove,
  type TransitionContext,
  type VerifyResult,
  verifyChain,
} from '@regie/core';
import { dueItem, mirrorsOf, readDues, visibleTo } from './agreement-mirrors.ts';
import {
  type AgreementFilter,
  indexAttributes,
  matches,
  partitionOf,
  readRegisterPage,
} from './agreement-register.ts';
import { nextAuditEvent, readChain } from './audit-store.ts';
import { ceilingRecheckItems } from './budget-signals.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import type { Page } from './cursor.ts';
import { readSpace, type SpaceRecord } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { droppedMeetingItems } from './meetings.ts';
import { stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { words } from './search.ts';
import { voidCurrentDocument } from './signing-head.ts';
import { type TransactItem, transact } from './transact.ts';

export type { AgreementFilter } from './agreement-register.ts';
export type { Page } from './cursor.ts';
export { dueItem, indexAttributes, readDues };

export interface TermsVersion {
  version: number;
  at: string;
  by: string;
  /** The name of who wrote this version, when it was recorded. */
  byName?: string;
  terms: Agreement;
}

type Item = Agreement & { auditSeq: number; auditHash: string } & Record<string, unknown>;
type Organisations = Parameters<typeof resolveParties>[1];

/**
 * `id` is for the deterministic seed only. `imported` (agreement-import.ts) writes the agreement in that status
 * with the audit action `agreement.import`; `organisations` are the owning space's, already read.
 */
export interface CreateOptions {
  id?: string;
  imported?: AgreementStatus;
  organisations?: Organisations;
}

/** Older items may lack fields added later; reading fills them in so every Agreement is complete. */
function toAgreement(item: Record<string, unknown>): Agreement {
  const a = stripKeys<Agreement>(item);
  return {
    ...a,
    parties: a.parties ?? [],
    productLines: a.productLines ?? [],
    duties: a.duties ?? [],
    kpis: a.kpis ?? [],
    incentives: a.incentives ?? [],
    yearCeilings: a.yearCeilings ?? [],
    publication: a.publication ?? null,
    renewal: a.renewal ?? null,
    allocationKey: a.allocationKey ?? null,
    services: a.services ?? [],
    parentId: a.parentId ?? null,
    noticePeriodMonths: a.noticePeriodMonths ?? null,
    valueCeilingCents: a.valueCeilingCents ?? null,
    termsVersion: a.termsVersion ?? a.version,
    approval: a.approval ?? null,
    sharedWithParties: a.sharedWithParties ?? false,
  };
}

/**
 * An agreement with its audit-chain head, from whichever of the caller's spaces holds it; NOT_FOUND when
 * none does (a foreign id reads exactly like a missing one).
 */
export async function loadAgreement(
  db: Db,
  reach: readonly string[],
  id: string,
): Promise<Agreement & { auditSeq: number; auditHash: string } & Record<string, unknown>> {
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
  if (!item) throw notFound('Agreement');
  return { ...toAgreement(item), auditSeq: item.auditSeq as number, auditHash: item.auditHash as string };
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

/** What a change does to the share and to the parties' views, for its audit event (issue 11 point 2). */
function viewChanges(prev: Agreement, next: Agreement): AuditEvent['changes'] {
  const out: AuditEvent['changes'] = {};
  if ((prev.sharedWithParties === true) !== next.sharedWithParties) {
    out.sharedWithParties = { before: prev.sharedWithParties === true, after: next.sharedWithParties };
  }
  const before = [...new Set(visibleTo(prev))].sort();
  const after = [...new Set(visibleTo(next))].sort();
  if (before.join() !== after.join()) out.partyViews = { before, after };
  return out;
}

export function agreementRepository(db: Db, scope: Scope) {
  // Space records read at most once per request (names for party views, the mandate threshold).
  const spaces = new Map<string, Promise<SpaceRecord | null>>();
  const spaceRecord = (space: string) => {
    if (!spaces.has(space)) spaces.set(space, readSpace(db, space));
    return spaces.get(space)!;
  };
  const spaceName = async (space: string) => (await spaceRecord(space))?.name ?? space;
  const mandateOf = async (space: string) => (await spaceRecord(space))?.mandateThresholdCents ?? null;
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
   * `load` and the reach's space records (for the mandate threshold) in one consistent BatchGetItem: one
   * round trip instead of two on the register's most frequent read. Only keys of the caller's reach are
   * named, so a foreign agreement still answers NOT_FOUND like a missing one.
   */
  async function loadWithSpaces(id: string): Promise<Agreement> {
    const unread = scope.reach.filter((space) => !spaces.has(space));
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: {
              Keys: [
                ...scope.reach.map((space) => keys.agreement(space, id)),
                ...unread.map((space) => keys.space(space)),
              ],
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
    if (!item) throw notFound('Agreement');
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

  /** Writes a new state of an agreement with its audit event, conditional on the version the caller saw. */
  async function commit(
    current: Item,
    next: Agreement,
    expectedVersion: number,
    action: string,
    changes: AuditEvent['changes'],
    termsChanged: boolean,
    /** Items of the same change outside the agreement's own (an amendment's voided document). */
    extra: TransactItem[] = [],
  ): Promise<Agreement> {
    const { stored, items } = await prepareCommit(
      current,
      next,
      expectedVersion,
      action,
      changes,
      termsChanged,
    );
    await write(
      [...items, ...extra],
      () =>
        new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
          message: 'Agreement was changed by someone else; reload and try again',
        }),
    );
    return stored;
  }

  /** The ceilings an agreement's budget signals are measured against, comparable as one string. */
  const ceilingsOf = (a: Agreement) =>
    JSON.stringify([
      a.valueCeilingCents,
      a.yearCeilings,
      a.productLines.map((l) => [l.id, l.moneyCeilingCents ?? null, l.volumeCeiling ?? null]),
    ]);

  /**
   * Everything a new state of an agreement writes — the agreement (conditional on the version the caller saw),
   * its audit event, its mirrors and, for changed terms, a terms version (and, for changed ceilings, the budget
   * signals re-checked against them) — built but not written, so a
   * workflow (signing) can put it in its own transaction. The audit event chains on `current`'s head.
   */
  async function prepareCommit(
    current: Item,
    next: Agreement,
    expectedVersion: number,
    action: string,
    changes: AuditEvent['changes'],
    termsChanged: boolean,
  ): Promise<{ stored: Agreement; items: TransactItem[] }> {
    if (current.version !== expectedVersion) {
      throw new DomainError('CONFLICT', 'agreement.versionConflict', {
        params: { version: current.version, expectedVersion },
        message: `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
      });
    }
    const now = new Date().toISOString();
    const shared = shareAfterMove(next.kind, current.status, next.status, next.sharedWithParties === true);
    const stored: Agreement = {
      ...next,
      sharedWithParties: shared,
      version: current.version + 1,
      updatedAt: now,
      updatedBy: scope.actor,
      updatedByName: scope.actorName,
    };
    const audit = nextAuditEvent(db, current.space, current, {
      at: now,
      actor: scope.actor,
      actorName: scope.actorName,
      organisation: scope.organisation,
      action,
      objectType: 'agreement',
      objectId: current.id,
      changes: { ...changes, ...viewChanges(toAgreement(current), stored) },
    });
    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.agreement(stored.space, stored.id),
            type: 'agreement',
            ...stored,
            ...indexAttributes(stored.space, stored),
            ...audit.head,
          },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      audit.put,
      ...(await mirrorItems(toAgreement(current), stored, await readDues(db, current.space, current.id))),
    ];
    if (termsChanged) {
      items.push({
        Put: {
          TableName: db.tableName,
          Item: { ...keys.termsVersion(stored.space, stored.id, stored.version), type: 'terms', ...stored },
        },
      });
      // New ceilings measure the spend so far at once: signals reached now, withdrawn where no longer reached.
      if (ceilingsOf(toAgreement(current)) !== ceilingsOf(stored)) {
        const thresholds = (await spaceRecord(stored.space))?.signalThresholds;
        items.push(...(await ceilingRecheckItems(db, stored, thresholds, now)).items);
      }
    }
    // An agreement that stops running, or ends earlier, takes its planned meetings after that with it.
    if (current.status !== stored.status || current.endDate !== stored.endDate)
      items.push(...(await droppedMeetingItems(db, stored, now.slice(0, 10))));
    return { stored, items };
  }

  /** The internal view of an agreement; `mandate` is the owning space's threshold (see `mandateOf`). */
  function internalView(a: Agreement, mandate: number | null): InternalView {
    return {
      ...a,
      view: 'internal',
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
    };
  }

  return {
    /**
     * Everything a new agreement writes, checked but not yet written: the agreement, its unique
     * reference, the first audit event and terms version, and its mirrors. `create` writes it in one
     * transaction; the benchmark loader batch-writes it, the register import writes it in its status.
     */
    async prepareCreate(
      input: AgreementCreateInput,
      options: CreateOptions = {},
    ): Promise<{ agreement: Agreement; items: TransactItem[] }> {
      const { kind, reference, space: requested, parentId, ...terms } = input;
      const space = requested ?? scope.space;
      assertReach(scope, space);
      assertActsForOwner(scope, space);
      if (parentId) {
        const parent = await load(parentId).catch(() => null);
        if (!parent || parent.space !== space) {
          throw new DomainError('BAD_REQUEST', 'agreement.frameworkUnknown', {
            field: 'parentId',
            message: 'The framework agreement does not exist in this register',
          });
        }
        if (parent.kind !== 'contract' || kind !== 'contract' || parent.parentId) {
          throw new DomainError('BAD_REQUEST', 'agreement.callOffOfContract', {
            field: 'parentId',
            message: 'A call-off is a contract under a framework contract',
          });
        }
      }
      const now = new Date().toISOString();
      const base: Agreement = {
        id: options.id ?? newId(),
        space,
        kind,
        reference,
        title: terms.title,
        description: '',
        status: options.imported ?? LIFECYCLES[kind].initial,
        version: 1,
        domain: terms.domain,
        startDate: terms.startDate,
        endDate: terms.endDate,
        noticePeriodMonths: null,
        valueCeilingCents: null,
        parties: [],
        productLines: [],
        duties: [],
        kpis: [],
        incentives: [],
        yearCeilings: [],
        publication: null,
        renewal: null,
        allocationKey: null,
        services: [],
        parentId: parentId ?? null,
        termsVersion: 1,
        approval: null,
        sharedWithParties: false,
        createdAt: now,
        createdBy: scope.actor,
        createdByName: scope.actorName,
        updatedAt: now,
        updatedBy: scope.actor,
        updatedByName: scope.actorName,
      };
      const { next: agreement } = applyTerms(
        base,
        await resolve(space, terms, undefined, options.organisations),
      );
      assertTerms(agreement);
      const changes: AuditEvent['changes'] = {};
      for (const [field, value] of Object.entries(agreement)) {
        if (
          ![
            'id',
            'space',
            'createdAt',
            'createdBy',
            'createdByName',
            'updatedAt',
            'updatedBy',
            'updatedByName',
          ].includes(field)
        ) {
          changes[field] = { before: null, after: value };
        }
      }
      // An imported status is recorded as such: no approval, signature or transition stands behind it.
      if (options.imported) changes.importedStatus = { before: null, after: options.imported };
      const audit = nextAuditEvent(db, space, null, {
        at: now,
        actor: scope.actor,
        actorName: scope.actorName,
        organisation: scope.organisation,
        action: options.imported ? 'agreement.import' : 'create',
        objectType: 'agreement',
        objectId: agreement.id,
        changes,
      });
      return {
        agreement,
        items: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.agreement(space, agreement.id),
                type: 'agreement',
                ...agreement,
                ...indexAttributes(space, agreement),
                ...audit.head,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.reference(space, agreement.reference),
                gsi1pk: keys.referencesIndex(space),
                gsi1sk: agreement.reference.toUpperCase(),
                type: 'reference',
                agreementId: agreement.id,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          audit.put,
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.termsVersion(space, agreement.id, 1), type: 'terms', ...agreement },
            },
          },
          ...(await mirrorItems(null, agreement)),
        ],
      };
    },

    /** `input.space` may name a region the caller's municipality belongs to. */
    async create(input: AgreementCreateInput, options: { id?: string } = {}): Promise<InternalView> {
      const { agreement, items } = await this.prepareCreate(input, options);
      await write(items, (index) =>
        index === 1
          ? new DomainError('CONFLICT', 'agreement.referenceInUse', {
              params: { reference: agreement.reference },
              field: 'reference',
              message: `Reference ${agreement.reference} is already in use`,
            })
          : new DomainError('CONFLICT', 'agreement.exists', { message: 'Agreement already exists' }),
      );
      return internalView(agreement, await mandateOf(agreement.space));
    },

    async get(id: string): Promise<InternalView> {
      const a = await loadWithSpaces(id);
      return internalView(a, await mandateOf(a.space));
    },

    async find(filter: AgreementFilter): Promise<Page<InternalView>> {
      const space = filter.space ?? scope.space;
      if (!scope.reach.includes(space)) return { items: [], nextCursor: null };
      const terms = filter.q ? words(filter.q).slice(0, 5) : [];
      if (filter.q && terms.length === 0) return { items: [], nextCursor: null };
      const source = partitionOf(space, filter, terms);
      const mandate = await mandateOf(space);
      const page = await readRegisterPage(db, source, filter.cursor, filter.limit, async (items) => {
        // Index rows of the register carry the agreement; party links and search words point to it.
        const linked = items.filter((i) => i.type !== 'agreement');
        const loaded = new Map(
          (await loadMany(space, [...new Set(linked.map((i) => i.agreementId as string))])).map((a) => [
            a.id,
            a,
          ]),
        );
        const seen = new Set<string>();
        return items.flatMap((item) => {
          const a = item.type === 'agreement' ? toAgreement(item) : loaded.get(item.agreementId as string);
          if (!a || seen.has(a.id) || !matches(a, filter, terms)) return [];
          seen.add(a.id);
          return [{ row: internalView(a, mandate), item }];
        });
      });
      return page;
    },

    /** A provider's register: the party views projected into its own space. */
    async findAsParty(filter: AgreementFilter): Promise<Page<PartyView>> {
      const terms = filter.q ? words(filter.q).slice(0, 5) : [];
      // A party view has no parties list or framework link of the owner's; those filters do not apply.
      const own = { ...filter, q: undefined, party: undefined, parentId: undefined };
      const source = partitionOf(scope.space, own, []);
      return readRegisterPage(db, source, filter.cursor, filter.limit, async (items) =>
        items.flatMap((item) => {
          if (item.type !== 'partyView') return [];
          const view = partyViewSchema.parse(item);
          const probe = { ...view, parties: [{ name: view.party.name }] } as unknown as Agreement;
          return matches(probe, own, terms) ? [{ row: view, item }] : [];
        }),
      );
    },

    async getAsParty(id: string): Promise<PartyView> {
      const result = await guard(() =>
        db.doc.send(
          new GetCommand({
            TableName: db.tableName,
            Key: keys.partyView(scope.space, id),
            ConsistentRead: true,
          }),
        ),
      );
      if (!result.Item) throw notFound('Agreement');
      return partyViewSchema.parse(result.Item);
    },

    /**
     * A change of terms. Once approval has been asked it is an amendment (core `amend`): before signing the
     * agreement returns to draft in the same transaction — approval dropped, the document out for signature voided
     * with its signatures, one audit event — and the answer says so in `amendment`; after signing a raise of the
     * value above the mandate threshold is refused.
     */
    async update(
      id: string,
      expectedVersion: number,
      patch: AgreementTermsPatch,
    ): Promise<InternalView & { amendment?: InternalView['amendment'] }> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      const applied = applyTerms(toAgreement(current), await resolve(current.space, patch, current));
      const mandate = await mandateOf(current.space);
      if (Object.keys(applied.changes).length === 0) {
        if (current.version !== expectedVersion)
          throw new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
            message: 'Agreement was changed by someone else',
          });
        return internalView(toAgreement(current), mandate);
      }
      if (current.version !== expectedVersion) {
        throw new DomainError('CONFLICT', 'agreement.versionConflict', {
          params: { version: current.version, expectedVersion },
          message: `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
        });
      }
      const { next, changes, outcome } = amend(toAgreement(current), applied.next, applied.changes, mandate);
      const voided = outcome
        ? await voidCurrentDocument(db, current, scope.actor, new Date().toISOString())
        : { items: [], document: null, signatures: 0 };
      if (voided.document) {
        changes.voidedDocument = {
          before: { id: voided.document.id, sha256: voided.document.sha256 },
          after: null,
        };
        if (voided.signatures > 0) changes.voidedSignatures = { before: voided.signatures, after: 0 };
      }
      const stored = await commit(current, next, expectedVersion, 'update', changes, true, voided.items);
      const view = internalView(stored, mandate);
      if (!outcome) return view;
      return {
        ...view,
        amendment: {
          ...outcome,
          voidedDocument: voided.document ? { id: voided.document.id, sha256: voided.document.sha256 } : null,
          voidedSignatures: voided.signatures,
        },
      };
    },

    async transition(
      id: string,
      expectedVersion: number,
      to: AgreementStatus,
      note?: string,
    ): Promise<InternalView> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      const mandate = await mandateOf(current.space);
      assertTransition(current.kind, current.status, to, contextFor(current, mandate));
      const route = dedicatedRoute(current.kind, to);
      if (route)
        throw new DomainError('BAD_REQUEST', 'agreement.decisionRoute', {
          params: { route },
          field: 'to',
          message: `This move is a decision made through ${route}`,
        });
      const changes: AuditEvent['changes'] = { status: { before: current.status, after: to } };
      if (note) changes.note = { before: null, after: note };
      const next: Agreement = { ...toAgreement(current), status: to };
      if (to === 'approved') {
        // What was approved, so a later change of terms or value is not covered by it (SPEC §5.1).
        next.approval = {
          by: scope.actor,
          ...(scope.actorName ? { byName: scope.actorName } : {}),
          at: new Date().toISOString(),
          termsVersion: next.termsVersion,
          valueCeilingCents: next.valueCeilingCents,
        };
        changes.approval = { before: current.approval ?? null, after: next.approval };
      }
      return internalView(
        await commit(current, next, expectedVersion, 'transition', changes, false),
        mandate,
      );
    },

    /**
     * The items of a status change decided by a workflow rather than by `assertTransition` — the last signature
     * makes an agreement active (SPEC §5.2, packages/db/src/signing.ts). `current` carries the audit head the
     * transition's event chains on (the signature's event before it, in the same transaction).
     */
    async prepareWorkflowTransition(
      current: Agreement & { auditSeq: number; auditHash: string },
      to: AgreementStatus,
      note: string,
    ): Promise<{ stored: Agreement; items: TransactItem[] }> {
      // No path reaches `active` around the mandate: the current value against the current approval.
      if (to === 'active') {
        assertMandateCovers(contextFor(toAgreement(current as Item), await mandateOf(current.space)), to);
      }
      const changes: AuditEvent['changes'] = {
        status: { before: current.status, after: to },
        note: { before: null, after: note },
      };
      return prepareCommit(
        current as Item,
        { ...toAgreement(current as Item), status: to },
        current.version,
        'transition',
        changes,
        false,
      );
    },

    /**
     * The items of a subsidy decision (packages/db/src/subsidy.ts): a new state of the agreement — its status
     * and its `subsidy` record — written like every change (version, audit, mirrors, Awb deadlines) in the
     * subsidy repository's own transaction. A status move is checked against the life cycle and the roles.
     */
    async prepareSubsidyDecision(
      current: Agreement & { auditSeq: number; auditHash: string },
      next: Agreement,
      expectedVersion: number,
      action: string,
      changes: AuditEvent['changes'],
    ): Promise<{ stored: Agreement; items: TransactItem[] }> {
      assertActsForOwner(scope, current.space);
      if (next.status !== current.status) {
        const mandate = await mandateOf(current.space);
        assertTransition(current.kind, current.status, next.status, contextFor(current, mandate));
      }
      return prepareCommit(current as Item, next, expectedVersion, action, changes, false);
    },

    /** Uses one renewal option of an active agreement and moves its end date (SPEC §3.1). */
    async renew(id: string, expectedVersion: number): Promise<InternalView> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      if (current.status !== 'active')
        throw new DomainError('BAD_REQUEST', 'agreement.renewNotActive', {
          field: 'id',
          message: 'Only an active agreement can be renewed',
        });
      const renewed = renew(current.endDate, current.renewal);
      const changes: AuditEvent['changes'] = {
        endDate: { before: current.endDate, after: renewed.endDate },
        renewal: { before: current.renewal, after: renewed.renewal },
      };
      return internalView(
        await commit(
          current,
          { ...toAgreement(current), ...renewed },
          expectedVersion,
          'renew',
          changes,
          true,
        ),
        await mandateOf(current.space),
      );
    },

    /**
     * Shares a draft with its provider parties for negotiation, or withdraws the share (issue 11 point 2): their
     * party views appear or disappear in the same transaction, and the audit event says so.
     */
    async share(id: string, expectedVersion: number, shared: boolean): Promise<InternalView> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      assertShareable(current);
      const before = current.sharedWithParties === true;
      if (before === shared && current.version === expectedVersion) {
        return internalView(toAgreement(current), await mandateOf(current.space));
      }
      return internalView(
        await commit(
          current,
          { ...toAgreement(current), sharedWithParties: shared },
          expectedVersion,
          shared ? 'share' : 'unshare',
          { sharedWithParties: { before, after: shared } },
          false,
        ),
        await mandateOf(current.space),
      );
    },

    /** Every version of the terms, oldest first (amendments keep earlier versions readable). */
    async versions(id: string): Promise<TermsVersion[]> {
      const current = await load(id);
      const items = await queryCollection<Record<string, unknown>>(db, current.space, id, keys.termsPrefix);
      return items.map((item) => {
        const terms = toAgreement(item);
        return {
          version: terms.version,
          at: terms.updatedAt,
          by: terms.updatedBy,
          ...(terms.updatedByName ? { byName: terms.updatedByName } : {}),
          terms,
        };
      });
    },

    async history(id: string): Promise<AuditEvent[]> {
      const current = await load(id);
      return readChain(db, current.space, id);
    },

    /** Recomputes the chain and checks its last link against the head stored on the agreement. */
    async verify(id: string): Promise<VerifyResult> {
      const current = await load(id);
      const events = await readChain(db, current.space, id);
      const result = verifyChain(events);
      if (!result.valid) return result;
      const last = events.at(-1);
      if (events.length !== current.auditSeq || last?.hash !== current.auditHash) {
        return {
          valid: false,
          events: events.length,
          brokenAt: Math.min(events.length, current.auditSeq) + 1,
          reason: 'chain is shorter than its head',
        };
      }
      return result;
    },
  };
}

export type AgreementRepository = ReturnType<typeof agreementRepository>;
