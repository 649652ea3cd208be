import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementCreateInput,
  type AgreementKind,
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
  type Domain,
  DomainError,
  type DueState,
  dedicatedRoute,
  desiredDues,
  type InternalView,
  isPublic,
  LIFECYCLES,
  newId,
  notFound,
  type PartyView,
  partyViewSchema,
  type ResolvedTerms,
  renew,
  resolveParties,
  shareAfterMove,
  subsidyDeadlines,
  type TransitionContext,
  toPartyView,
  toPublicRecord,
  type VerifyResult,
  verifyChain,
  visibleToParties,
} from '@regie/core';
import { nextAuditEvent, readChain } from './audit-store.ts';
import { ceilingRecheckItems } from './budget-signals.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { agreementDeadlineChanges, deadlineChanges, renamedCopyItems } from './deadlines.ts';
import { readSpace, type SpaceRecord } from './directory.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { type QueryInput, queryPages, stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { bucketOf, matchesAll, searchWords, words } from './search.ts';
import { voidCurrentDocument } from './signing-head.ts';
import { type TransactItem, transact } from './transact.ts';

export interface AgreementFilter {
  kind?: AgreementKind;
  status?: AgreementStatus;
  domain?: Domain;
  /** An organisation id: agreements it is party to. */
  party?: string;
  /** A framework agreement's id: its call-offs. */
  parentId?: string;
  /** Agreements ending before this date (YYYY-MM-DD), soonest first. */
  endsBefore?: string;
  /** Search words, matched as prefixes of the reference, title and party names. */
  q?: string;
  /** 'newest' (default) or 'endDate' (soonest first). */
  sort?: 'newest' | 'endDate';
  /** The space whose register to read; defaults to the caller's home space. Must be in reach. */
  space?: string;
  cursor?: string;
  limit: number;
}

export type { Page } from './cursor.ts';

export interface TermsVersion {
  version: number;
  at: string;
  by: string;
  terms: Agreement;
}

type Item = Agreement & { auditSeq: number; auditHash: string } & Record<string, unknown>;

/** Older items may lack fields added later; reading fills them in so every Agreement is complete. */
function toAgreement(item: Record<string, unknown>): Agreement {
  const a = stripKeys<Agreement>(item);
  return {
    ...a,
    parties: a.parties ?? [],
    productLines: a.productLines ?? [],
    duties: a.duties ?? [],
    kpis: a.kpis ?? [],
    yearCeilings: a.yearCeilings ?? [],
    publication: a.publication ?? null,
    renewal: a.renewal ?? null,
    allocationKey: a.allocationKey ?? null,
    parentId: a.parentId ?? null,
    noticePeriodMonths: a.noticePeriodMonths ?? null,
    valueCeilingCents: a.valueCeilingCents ?? null,
    termsVersion: a.termsVersion ?? a.version,
    approval: a.approval ?? null,
    sharedWithParties: a.sharedWithParties ?? false,
  };
}

/**
 * Register indexes of an agreement (or of a party view, in the provider's space):
 * gsi1 = all, newest first; gsi2 = by kind; gsi3 = by status; gsi4 = by end date.
 */
export function indexAttributes(
  space: string,
  a: Pick<Agreement, 'id' | 'kind' | 'status' | 'createdAt' | 'endDate'>,
) {
  const sort = `${a.createdAt}${SEP}${a.id}`;
  const reg = keys.registerIndex(space);
  return {
    gsi1pk: reg,
    gsi1sk: sort,
    gsi2pk: `${reg}${SEP}KIND${SEP}${a.kind}`,
    gsi2sk: sort,
    gsi3pk: `${reg}${SEP}STATUS${SEP}${a.status}`,
    gsi3sk: sort,
    gsi4pk: reg,
    gsi4sk: `${a.endDate}${SEP}${a.id}`,
  };
}

/** A source of register rows: which index to query and how. */
interface Source {
  index?: string;
  pkName: string;
  pk: string;
  skCondition?: { expression: string; values: Record<string, unknown> };
  forward: boolean;
  /** The key attributes of a returned item, to build a cursor that resumes right after it. */
  keyNames: string[];
}

const partitionOf = (space: string, filter: AgreementFilter, terms: string[]): Source => {
  const reg = keys.registerIndex(space);
  const gsi = (n: number, pk: string, extra: Partial<Source> = {}): Source => ({
    index: `gsi${n}`,
    pkName: `gsi${n}pk`,
    pk,
    forward: false,
    keyNames: ['pk', 'sk', `gsi${n}pk`, `gsi${n}sk`],
    ...extra,
  });
  if (terms.length > 0) {
    // The longest term is the most selective; the others are checked on the rows it finds.
    const term = [...terms].sort((a, b) => b.length - a.length)[0]!;
    return {
      pkName: 'pk',
      pk: keys.words(space, bucketOf(term)),
      skCondition: { expression: 'begins_with(sk, :term)', values: { ':term': term } },
      forward: true,
      keyNames: ['pk', 'sk'],
    };
  }
  if (filter.parentId) {
    return {
      pkName: 'pk',
      pk: keys.childLinks(space, filter.parentId),
      forward: false,
      keyNames: ['pk', 'sk'],
    };
  }
  if (filter.party) {
    return { pkName: 'pk', pk: keys.partyLinks(space, filter.party), forward: false, keyNames: ['pk', 'sk'] };
  }
  if (filter.endsBefore || filter.sort === 'endDate') {
    return gsi(4, reg, {
      forward: true,
      skCondition: filter.endsBefore
        ? { expression: 'gsi4sk < :before', values: { ':before': filter.endsBefore } }
        : undefined,
    });
  }
  if (filter.kind) return gsi(2, `${reg}${SEP}KIND${SEP}${filter.kind}`);
  if (filter.status) return gsi(3, `${reg}${SEP}STATUS${SEP}${filter.status}`);
  return gsi(1, reg);
};

function matches(
  a: Pick<
    Agreement,
    'kind' | 'status' | 'domain' | 'endDate' | 'reference' | 'title' | 'parties' | 'parentId'
  >,
  filter: AgreementFilter,
  terms: string[],
) {
  return (
    (!filter.kind || a.kind === filter.kind) &&
    (!filter.status || a.status === filter.status) &&
    (!filter.domain || a.domain === filter.domain) &&
    (!filter.endsBefore || a.endDate < filter.endsBefore) &&
    (!filter.party || a.parties.some((p) => p.organisationId === filter.party)) &&
    (!filter.parentId || a.parentId === filter.parentId) &&
    (terms.length === 0 || matchesAll(a, terms))
  );
}

/** The provider spaces whose party views an agreement in this state has (none before it is offered). */
function visibleTo(a: Agreement): string[] {
  if (!visibleToParties(a)) return [];
  return a.parties.map((p) => p.providerSpace).filter((s): s is string => s !== null);
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

const today = () => new Date().toISOString().slice(0, 10);

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

/**
 * A due item: in the agreement's collection, and on the owning space's due index by due date — one per duty and
 * provider party, each naming its party (and the party's name for display).
 */
export function dueItem(a: Pick<Agreement, 'id' | 'space' | 'reference' | 'title'>, due: DueState) {
  return {
    ...keys.due(a.space, a.id, due.dutyId, due.party),
    type: 'due',
    ...due,
    agreementId: a.id,
    reference: a.reference,
    title: a.title,
    gsi1pk: keys.dueIndex(a.space),
    gsi1sk: `${due.dueDate}${SEP}${a.id}${SEP}${due.dutyId}${due.party ? `${SEP}${due.party}` : ''}`,
  };
}

/** The due states of one agreement (its collection only). */
export async function readDues(db: Db, space: string, agreementId: string): Promise<DueState[]> {
  const items = await queryCollection<DueState & Record<string, unknown>>(
    db,
    space,
    agreementId,
    keys.duePrefix,
  );
  return items.map(
    ({ dutyId, dutyTitle, frequency, dueDays, period, periodEnd, dueDate, party, partyName }) => ({
      dutyId,
      dutyTitle,
      frequency,
      dueDays,
      period,
      periodEnd,
      dueDate,
      ...(party ? { party, partyName: partyName ?? party } : {}),
    }),
  );
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

/** Rounds of index reads one request may make while filtering, so its cost stays bounded. */
const MAX_ROUNDS = 5;

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
  ): Promise<ResolvedTerms> {
    const { parties, productLines, renewal, duties, kpis, ...rest } = patch;
    const resolved: ResolvedTerms = { ...rest };
    if (parties)
      resolved.parties = resolveParties(
        parties,
        await organisationsOf(
          space,
          parties.map((p) => p.organisationId),
        ),
      );
    if (productLines)
      resolved.productLines = productLines.map((line) => ({ ...line, id: line.id ?? newId() }));
    if (duties) resolved.duties = duties.map((duty) => ({ ...duty, id: duty.id ?? newId() }));
    if (kpis) resolved.kpis = kpis.map((kpi) => ({ ...kpi, id: kpi.id ?? newId() }));
    if (renewal !== undefined) {
      resolved.renewal = renewal
        ? { ...renewal, used: Math.min(current?.renewal?.used ?? 0, renewal.options) }
        : null;
    }
    if (patch.allocationKey) {
      const region = await spaceRecord(space);
      if (region?.kind !== 'region') {
        throw new DomainError(
          'BAD_REQUEST',
          'Only an agreement a region owns has an allocation key',
          'allocationKey',
        );
      }
      const outsider = patch.allocationKey.weights.find((w) => !region.members?.includes(w.space));
      if (outsider) {
        throw new DomainError(
          'BAD_REQUEST',
          `${outsider.space} is not a member of ${region.name}`,
          'allocationKey.weights',
        );
      }
    }
    return resolved;
  }

  /**
   * Every item that mirrors an agreement — party views in providers' spaces, party links and search
   * words — rewritten for the new state in the same transaction, and removed where they no longer apply.
   */
  async function mirrorItems(
    prev: Agreement | null,
    next: Agreement,
    currentDues: readonly DueState[] = [],
  ): Promise<TransactItem[]> {
    const items: TransactItem[] = [];
    const ownerName = await spaceName(next.space);
    // Reports the agreement expects next: one item per periodic duty and provider party on the space's due index.
    const dues = desiredDues(next, currentDues, today());
    const sameDue = (x: DueState, y: DueState) => x.dutyId === y.dutyId && x.party === y.party;
    for (const due of dues) {
      const before = currentDues.find((d) => sameDue(d, due));
      if (!before || JSON.stringify(before) !== JSON.stringify(due) || prev?.title !== next.title) {
        items.push({ Put: { TableName: db.tableName, Item: dueItem(next, due) } });
      }
    }
    for (const before of currentDues) {
      if (!dues.some((d) => sameDue(d, before))) {
        items.push({
          Delete: {
            TableName: db.tableName,
            Key: keys.due(next.space, next.id, before.dutyId, before.party),
          },
        });
      }
    }
    // The agreement's own dates on the space's deadline index (notice, renewal decision, end).
    items.push(...agreementDeadlineChanges(db, prev, next));
    // A subsidy's Awb terms (decision, settlement application), kept in step with every move (subsidy.ts).
    items.push(
      ...deadlineChanges(
        db,
        prev ? subsidyDeadlines(prev) : [],
        subsidyDeadlines(next),
        next,
        !!prev && (prev.title !== next.title || prev.reference !== next.reference),
      ),
    );
    // A rename reaches the copies of the names on other items too (stored deadlines, escalations).
    const touched = new Set(
      items.flatMap((i) => {
        const key = (i.Put?.Item ?? i.Delete?.Key) as { pk?: string; sk?: string } | undefined;
        return key?.pk === keys.agreement(next.space, next.id).pk && key.sk ? [key.sk] : [];
      }),
    );
    items.push(...(await renamedCopyItems(db, prev, next, touched)));
    // The public Woo register holds only marked, decided agreements, with public fields only (SPEC §5.4).
    if (isPublic(next)) {
      items.push({
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.publicRecord(next.space, next.reference),
            type: 'public',
            ...toPublicRecord(next, ownerName),
          },
        },
      });
    } else if (prev && isPublic(prev)) {
      items.push({ Delete: { TableName: db.tableName, Key: keys.publicRecord(next.space, next.reference) } });
    }
    // A party's view exists only while the owner offers the agreement (or shares the draft): offer.ts.
    const providerSpaces = new Set(visibleTo(next));
    for (const providerSpace of providerSpaces) {
      const view = toPartyView(next, ownerName, providerSpace, dues)!;
      items.push({
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.partyView(providerSpace, next.id),
            type: 'partyView',
            ...view,
            ...indexAttributes(providerSpace, next),
          },
        },
      });
    }
    for (const space of prev ? visibleTo(prev) : []) {
      if (!providerSpaces.has(space)) {
        items.push({ Delete: { TableName: db.tableName, Key: keys.partyView(space, next.id) } });
        providerSpaces.add(space); // delete once even if listed twice
      }
    }
    const sortKey = `${next.createdAt}${SEP}${next.id}`;
    const before = new Set(prev?.parties.map((p) => p.organisationId));
    const after = new Set(next.parties.map((p) => p.organisationId));
    for (const org of after) {
      if (!before.has(org)) {
        items.push({
          Put: {
            TableName: db.tableName,
            Item: { ...keys.partyLink(next.space, org, sortKey), type: 'partyLink', agreementId: next.id },
          },
        });
      }
    }
    for (const org of before) {
      if (!after.has(org))
        items.push({ Delete: { TableName: db.tableName, Key: keys.partyLink(next.space, org, sortKey) } });
    }
    const oldWords = new Set(prev ? searchWords(prev) : []);
    const newWords = new Set(searchWords(next));
    const wordKey = (word: string) => ({
      pk: keys.words(next.space, bucketOf(word)),
      sk: `${word}${SEP}${sortKey}`,
    });
    for (const word of newWords) {
      if (!oldWords.has(word)) {
        items.push({
          Put: { TableName: db.tableName, Item: { ...wordKey(word), type: 'word', agreementId: next.id } },
        });
      }
    }
    for (const word of oldWords)
      if (!newWords.has(word)) items.push({ Delete: { TableName: db.tableName, Key: wordKey(word) } });
    if (!prev && next.parentId) {
      // A call-off keeps its framework for life, so its link is written once, at creation.
      items.push({
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.childLink(next.space, next.parentId, sortKey),
            type: 'childLink',
            agreementId: next.id,
          },
        },
      });
    }
    return items;
  }

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
      () => new DomainError('CONFLICT', 'Agreement was changed by someone else; reload and try again'),
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
      throw new DomainError(
        'CONFLICT',
        `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
      );
    }
    const now = new Date().toISOString();
    const shared = shareAfterMove(next.kind, current.status, next.status, next.sharedWithParties === true);
    const stored: Agreement = {
      ...next,
      sharedWithParties: shared,
      version: current.version + 1,
      updatedAt: now,
      updatedBy: scope.actor,
    };
    const audit = nextAuditEvent(db, current.space, current, {
      at: now,
      actor: scope.actor,
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
    return { stored, items };
  }

  /** Reads one page of rows from a source, filtering, resuming right after the last row returned. */
  async function readPage<T>(
    source: Source,
    cursor: string | undefined,
    limit: number,
    rows: (items: Record<string, unknown>[]) => Promise<{ row: T; item: Record<string, unknown> }[]>,
  ): Promise<Page<T>> {
    let start = decodeCursor(cursor, source.pkName, source.pk);
    const out: T[] = [];
    let round = 0;
    const query = (): QueryInput => ({
      IndexName: source.index,
      KeyConditionExpression: `${source.pkName} = :pk${source.skCondition ? ` AND ${source.skCondition.expression}` : ''}`,
      ExpressionAttributeValues: { ':pk': source.pk, ...source.skCondition?.values },
      ScanIndexForward: source.forward,
      Limit: Math.max(limit - out.length, 10),
    });
    for await (const page of queryPages(db, query, start)) {
      const found = page.Items ?? [];
      const kept = await rows(found);
      const keptByItem = new Map(kept.map((k) => [k.item, k.row]));
      for (const item of found) {
        const row = keptByItem.get(item);
        if (row !== undefined) out.push(row);
        if (out.length === limit) {
          const last: Record<string, unknown> = {};
          for (const name of source.keyNames) last[name] = item[name];
          const more = item !== found.at(-1) || page.LastEvaluatedKey !== undefined;
          return { items: out, nextCursor: more ? encodeCursor(last) : null };
        }
      }
      start = page.LastEvaluatedKey;
      if (!start) return { items: out, nextCursor: null };
      if (++round === MAX_ROUNDS) break;
    }
    return { items: out, nextCursor: encodeCursor(start) };
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
     * transaction; the benchmark loader batch-writes it. `options.id` is for the deterministic seed only.
     */
    async prepareCreate(
      input: AgreementCreateInput,
      options: { id?: string } = {},
    ): Promise<{ agreement: Agreement; items: TransactItem[] }> {
      const { kind, reference, space: requested, parentId, ...terms } = input;
      const space = requested ?? scope.space;
      assertReach(scope, space);
      assertActsForOwner(scope, space);
      if (parentId) {
        const parent = await load(parentId).catch(() => null);
        if (!parent || parent.space !== space) {
          throw new DomainError(
            'BAD_REQUEST',
            'The framework agreement does not exist in this register',
            'parentId',
          );
        }
        if (parent.kind !== 'contract' || kind !== 'contract' || parent.parentId) {
          throw new DomainError(
            'BAD_REQUEST',
            'A call-off is a contract under a framework contract',
            'parentId',
          );
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
        status: LIFECYCLES[kind].initial,
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
        yearCeilings: [],
        publication: null,
        renewal: null,
        allocationKey: null,
        parentId: parentId ?? null,
        termsVersion: 1,
        approval: null,
        sharedWithParties: false,
        createdAt: now,
        createdBy: scope.actor,
        updatedAt: now,
        updatedBy: scope.actor,
      };
      const { next: agreement } = applyTerms(base, await resolve(space, terms));
      assertTerms(agreement);
      const changes: AuditEvent['changes'] = {};
      for (const [field, value] of Object.entries(agreement)) {
        if (!['id', 'space', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'].includes(field)) {
          changes[field] = { before: null, after: value };
        }
      }
      const audit = nextAuditEvent(db, space, null, {
        at: now,
        actor: scope.actor,
        organisation: scope.organisation,
        action: 'create',
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
          ? new DomainError('CONFLICT', `Reference ${agreement.reference} is already in use`, 'reference')
          : new DomainError('CONFLICT', 'Agreement already exists'),
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
      const page = await readPage(source, filter.cursor, filter.limit, async (items) => {
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
      return readPage(source, filter.cursor, filter.limit, async (items) =>
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
          throw new DomainError('CONFLICT', 'Agreement was changed by someone else');
        return internalView(toAgreement(current), mandate);
      }
      if (current.version !== expectedVersion) {
        throw new DomainError(
          'CONFLICT',
          `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
        );
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
      if (route) throw new DomainError('BAD_REQUEST', `This move is a decision made through ${route}`, 'to');
      const changes: AuditEvent['changes'] = { status: { before: current.status, after: to } };
      if (note) changes.note = { before: null, after: note };
      const next: Agreement = { ...toAgreement(current), status: to };
      if (to === 'approved') {
        // What was approved, so a later change of terms or value is not covered by it (SPEC §5.1).
        next.approval = {
          by: scope.actor,
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
        throw new DomainError('BAD_REQUEST', 'Only an active agreement can be renewed', 'id');
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
        return { version: terms.version, at: terms.updatedAt, by: terms.updatedBy, terms };
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
