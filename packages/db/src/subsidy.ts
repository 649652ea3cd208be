import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementStatus,
  type AuditEvent,
  advancedCents,
  allowedTransitions,
  assertAdvance,
  assertApplicationTerm,
  assertCeilingCovers,
  assertSettleAtGrant,
  assertWithinCeiling,
  checkApplication,
  checkPhaseOut,
  DomainError,
  decideSettlement,
  decisionDueDate,
  GENESIS_HASH,
  newId,
  notFound,
  type PhaseOutCheck,
  type Regulation,
  type RegulationCreateInput,
  type RegulationPatch,
  roomLeft,
  type SubsidyAdvance,
  type SubsidyAdvanceInput,
  type SubsidyApplicationInput,
  type SubsidyGrantInput,
  type SubsidyHistoryEntry,
  type SubsidyRecord,
  type SubsidySettleInput,
  sealEvent,
  settlementBalance,
  settlementDueDate,
  spaceKind,
  subsidyDeadlines,
  subsidyYear,
  type VerifyResult,
  verifyChain,
} from '@regie/core';
import { type AgreementRepository, loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { queryAll, queryPages, stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

type Loaded = Agreement & { auditSeq: number; auditHash: string };

export type RegulationView = Regulation & { roomLeftCents: number | null };

/** Statuses in which a subsidy counts as received, for the phase-out rule (4:51). */
const RECEIVED: readonly AgreementStatus[] = ['granted', 'settlement_requested', 'settled'];

function toRegulation(item: object): Regulation {
  const r = stripKeys<Regulation>(item);
  return {
    ...r,
    ceilingCents: r.ceilingCents ?? null,
    ceilingPublishedOn: r.ceilingPublishedOn ?? null,
    decisionWeeks: r.decisionWeeks ?? null,
    exOfficioUpToCents: r.exOfficioUpToCents ?? null,
  };
}

const view = (r: Regulation): RegulationView => ({ ...r, roomLeftCents: roomLeft(r) });

/** What a subsidy agreement shows besides its terms: the Awb record, its regulation and the checks. */
export interface SubsidyView {
  agreementId: string;
  status: AgreementStatus;
  version: number;
  record: SubsidyRecord | null;
  regulation: RegulationView | null;
  /** The 4:60 check of a book-year application, with the regulation's term. */
  application: SubsidyRecord['application'];
  /** The 4:51 check for the decision at hand: the requested (or granted) amount; see `phaseOut` for others. */
  phaseOut: PhaseOutCheck;
  /** The moves the caller may decide now, grant and settlement included. */
  decisions: AgreementStatus[];
  /** From this day a granted subsidy without an application for settlement may be settled ex officio. */
  exOfficioFrom: string | null;
  deadlines: ReturnType<typeof subsidyDeadlines>;
  /** Advances paid on the grant so far, and what may still be advanced (null while nothing may be). */
  advancedCents: number;
  advanceLeftCents: number | null;
  /** Once settled: still to pay (positive) or to reclaim (negative) after the advances. */
  balanceCents: number | null;
}

/**
 * Subsidies under the Awb (SPEC §3.2). Regulations live in the owning space with their ceiling and the running
 * total granted under them. A grant writes the agreement's move to `granted`, its audit event and Awb deadlines,
 * and the regulation's new total in ONE transaction; the regulation's update is conditional on the ceiling it was
 * checked against and on `grantedCents <= ceiling - amount` (DynamoDB conditions have no arithmetic, so this is
 * `grantedCents + amount <= ceilingCents` rearranged), so concurrent grants can never together pass the ceiling.
 */
export function subsidyRepository(db: Db, scope: Scope, agreements: AgreementRepository) {
  const today = () => new Date().toISOString().slice(0, 10);

  function ownSpace(requested: string | undefined): string {
    const space = requested ?? scope.space;
    assertReach(scope, space);
    if (spaceKind(space) === 'provider') throw notFound('Space');
    return space;
  }

  async function loadRegulation(
    space: string,
    id: string,
  ): Promise<Regulation & { auditSeq: number; auditHash: string }> {
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.tableName]: { Keys: [keys.regulation(space, id)], ConsistentRead: true } },
        }),
      ),
    );
    const item = result.Responses?.[db.tableName]?.[0];
    if (!item) throw notFound('Regulation');
    return { ...toRegulation(item), auditSeq: item.auditSeq as number, auditHash: item.auditHash as string };
  }

  /** A regulation from any space of the caller's reach (a foreign one reads like a missing one). */
  async function findRegulation(id: string): Promise<Regulation & { auditSeq: number; auditHash: string }> {
    const spaces = scope.reach.filter((s) => spaceKind(s) !== 'provider');
    if (spaces.length === 0) throw notFound('Regulation');
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: { Keys: spaces.map((s) => keys.regulation(s, id)), ConsistentRead: true },
          },
        }),
      ),
    );
    const item = result.Responses?.[db.tableName]?.[0];
    if (!item) throw notFound('Regulation');
    return { ...toRegulation(item), auditSeq: item.auditSeq as number, auditHash: item.auditHash as string };
  }

  function regulationEvent(
    r: Pick<Regulation, 'space' | 'id'>,
    head: { auditSeq: number; auditHash: string } | null,
    action: string,
    changes: AuditEvent['changes'],
    at: string,
  ) {
    const seq = (head?.auditSeq ?? 0) + 1;
    const event = sealEvent({
      seq,
      prevHash: head?.auditHash ?? GENESIS_HASH,
      at,
      actor: scope.actor,
      actorName: scope.actorName,
      organisation: scope.organisation,
      action,
      objectType: 'regulation',
      objectId: r.id,
      changes,
    });
    return {
      head: { auditSeq: seq, auditHash: event.hash },
      put: {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.regulationEvent(r.space, r.id, seq), type: 'audit', ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      } satisfies TransactItem,
    };
  }

  // AWS cancels a transaction that collides with another on the same item: the caller may retry.
  const write = (items: TransactItem[], onConflict: (index: number) => Promise<DomainError>) =>
    transact(
      db,
      items,
      onConflict,
      new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
        message: 'Another change was being written at the same time; try again',
      }),
    );

  async function loadSubsidy(agreementId: string): Promise<Loaded> {
    const a = await loadAgreement(db, scope.reach, agreementId);
    if (a.kind !== 'subsidy')
      throw new DomainError('BAD_REQUEST', 'subsidy.notASubsidy', {
        field: 'agreementId',
        message: 'This agreement is not a subsidy',
      });
    return a;
  }

  /** The recipient's earlier subsidies in the same space, through its party links (never the register). */
  async function historyOf(a: Agreement): Promise<SubsidyHistoryEntry[]> {
    const recipient = a.parties.find((p) => p.role === 'recipient') ?? a.parties[0];
    if (!recipient) return [];
    const ids: string[] = [];
    for await (const page of queryPages(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.partyLinks(a.space, recipient.organisationId) },
    })) {
      for (const item of page.Items ?? [])
        if (item.agreementId !== a.id) ids.push(item.agreementId as string);
      if (ids.length >= 500) break;
    }
    const out: SubsidyHistoryEntry[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = [...new Set(ids.slice(i, i + 100))];
      const result = await guard(() =>
        db.doc.send(
          new BatchGetCommand({
            RequestItems: { [db.tableName]: { Keys: chunk.map((id) => keys.agreement(a.space, id)) } },
          }),
        ),
      );
      for (const item of result.Responses?.[db.tableName] ?? []) {
        const other = item as unknown as Agreement;
        if (other.kind !== 'subsidy' || !RECEIVED.includes(other.status)) continue;
        const record = other.subsidy ?? null;
        out.push({
          agreementId: other.id,
          reference: other.reference,
          startDate: other.startDate,
          endDate: other.endDate,
          cents:
            record?.settlement?.amountCents ?? record?.grant?.amountCents ?? other.valueCeilingCents ?? 0,
        });
      }
    }
    return out;
  }

  async function phaseOutFor(a: Agreement, cents: number): Promise<PhaseOutCheck> {
    return checkPhaseOut(await historyOf(a), { year: subsidyYear(a, a.subsidy ?? null), cents });
  }

  /** The subsidy's Awb record, its regulation with the room left, and the checks for the decision at hand. */
  async function getView(agreementId: string): Promise<SubsidyView> {
    const a = await loadSubsidy(agreementId);
    const record = a.subsidy ?? null;
    const regulation = record ? view(toRegulation(await loadRegulation(a.space, record.regulationId))) : null;
    const cents = record?.grant?.amountCents ?? record?.requestedCents ?? a.valueCeilingCents ?? 0;
    const mandate = (await readSpace(db, a.space))?.mandateThresholdCents ?? null;
    return {
      agreementId: a.id,
      status: a.status,
      version: a.version,
      record,
      regulation,
      application: record
        ? checkApplication(record.bookYear, record.applicationDate, regulation?.applicationWeeks)
        : null,
      phaseOut: await phaseOutFor(a, a.status === 'refused' || a.status === 'withdrawn' ? 0 : cents),
      decisions: allowedTransitions(a.kind, a.status, {
        roles: scope.roles,
        actor: scope.actor,
        createdBy: a.createdBy,
        valueCeilingCents: a.valueCeilingCents,
        mandateThresholdCents: mandate,
      }),
      exOfficioFrom:
        a.status === 'granted' && record?.grant
          ? new Date(Date.parse(`${record.grant.settlementDueDate}T00:00:00Z`) + 86_400_000)
              .toISOString()
              .slice(0, 10)
          : null,
      deadlines: subsidyDeadlines(a),
      advancedCents: advancedCents(record),
      advanceLeftCents:
        record?.grant && (a.status === 'granted' || a.status === 'settlement_requested')
          ? record.grant.amountCents - advancedCents(record)
          : null,
      balanceCents: settlementBalance(record),
    };
  }

  /** Writes a subsidy decision with its extra items; a failed regulation condition is said as such. */
  async function decide(
    current: Loaded,
    next: Agreement,
    expectedVersion: number,
    action: string,
    changes: AuditEvent['changes'],
    extra: TransactItem[] = [],
    onExtraConflict?: () => Promise<DomainError>,
  ) {
    const { items } = await agreements.prepareSubsidyDecision(
      current,
      next,
      expectedVersion,
      action,
      changes,
    );
    await write([...items, ...extra], async (index) =>
      index >= items.length && onExtraConflict
        ? onExtraConflict()
        : new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
            message: 'Agreement was changed by someone else; reload and try again',
          }),
    );
    return getView(current.id);
  }

  const repo = {
    // ---- regulations ----

    async createRegulation(
      input: RegulationCreateInput,
      options: { id?: string } = {},
    ): Promise<RegulationView> {
      const { space: requested, ...terms } = input;
      const space = ownSpace(requested);
      const now = new Date().toISOString();
      const regulation: Regulation = {
        id: options.id ?? newId(),
        space,
        name: terms.name,
        legalBasis: terms.legalBasis,
        budgetYear: terms.budgetYear,
        ceilingCents: terms.ceilingCents,
        ceilingPublishedOn: terms.ceilingPublishedOn ?? null,
        applicationWeeks: terms.applicationWeeks ?? 13,
        decisionWeeks: terms.decisionWeeks ?? null,
        settlementWeeks: terms.settlementWeeks ?? 13,
        exOfficioUpToCents: terms.exOfficioUpToCents ?? null,
        grantedCents: 0,
        version: 1,
        createdAt: now,
        createdBy: scope.actor,
        updatedAt: now,
        updatedBy: scope.actor,
      };
      const changes: AuditEvent['changes'] = {};
      for (const [k, v] of Object.entries(regulation)) changes[k] = { before: null, after: v };
      const audit = regulationEvent(regulation, null, 'regulation.create', changes, now);
      await write(
        [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.regulation(space, regulation.id),
                type: 'regulation',
                ...regulation,
                gsi1pk: keys.regulationsIndex(space),
                gsi1sk: `${regulation.budgetYear}${SEP}${regulation.id}`,
                ...audit.head,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          audit.put,
        ],
        async () =>
          new DomainError('CONFLICT', 'regulation.exists', { message: 'Regulation already exists' }),
      );
      return view(regulation);
    },

    async updateRegulation(
      id: string,
      expectedVersion: number,
      patch: RegulationPatch,
    ): Promise<RegulationView> {
      const current = await findRegulation(id);
      if (current.version !== expectedVersion) {
        throw new DomainError('CONFLICT', 'regulation.versionConflict', {
          params: { version: current.version, expectedVersion },
          message: `Regulation was changed (version ${current.version}, you sent ${expectedVersion})`,
        });
      }
      const next: Regulation = { ...toRegulation(current) };
      const changes: AuditEvent['changes'] = {};
      for (const [field, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        const before = (current as unknown as Record<string, unknown>)[field] ?? null;
        if (JSON.stringify(before) === JSON.stringify(value)) continue;
        (next as unknown as Record<string, unknown>)[field] = value;
        changes[field] = { before, after: value };
      }
      if (Object.keys(changes).length === 0) return view(next);
      assertCeilingCovers(next);
      const now = new Date().toISOString();
      const stored: Regulation = {
        ...next,
        version: current.version + 1,
        updatedAt: now,
        updatedBy: scope.actor,
      };
      const audit = regulationEvent(current, current, 'regulation.update', changes, now);
      await write(
        [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.regulation(current.space, id),
              // The granted total is never written here: only grants move it, conditionally.
              UpdateExpression:
                'SET #name = :name, legalBasis = :legalBasis, budgetYear = :budgetYear, ceilingCents = :ceiling, ceilingPublishedOn = :published, applicationWeeks = :aw, decisionWeeks = :dw, settlementWeeks = :sw, exOfficioUpToCents = :eo, version = :version, updatedAt = :at, updatedBy = :by, gsi1sk = :sort, auditSeq = :seq, auditHash = :hash',
              ConditionExpression: `version = :expected AND auditSeq = :head${
                stored.ceilingCents === null ? '' : ' AND grantedCents <= :ceiling'
              }`,
              ExpressionAttributeNames: { '#name': 'name' },
              ExpressionAttributeValues: {
                ':name': stored.name,
                ':legalBasis': stored.legalBasis,
                ':budgetYear': stored.budgetYear,
                ':ceiling': stored.ceilingCents,
                ':published': stored.ceilingPublishedOn,
                ':aw': stored.applicationWeeks,
                ':dw': stored.decisionWeeks,
                ':sw': stored.settlementWeeks,
                ':eo': stored.exOfficioUpToCents,
                ':version': stored.version,
                ':at': now,
                ':by': scope.actor,
                ':sort': `${stored.budgetYear}${SEP}${id}`,
                ':seq': audit.head.auditSeq,
                ':hash': audit.head.auditHash,
                ':expected': expectedVersion,
                ':head': current.auditSeq,
              },
            },
          },
          audit.put,
        ],
        async () => {
          const fresh = await findRegulation(id);
          if (fresh.version === expectedVersion)
            assertCeilingCovers({ ...fresh, ceilingCents: stored.ceilingCents });
          return new DomainError('CONFLICT', 'regulation.changedMeanwhile', {
            message: 'Regulation was changed by someone else; reload and try again',
          });
        },
      );
      // The granted total may have moved meanwhile; read it back rather than guess.
      return view(toRegulation(await findRegulation(id)));
    },

    async regulations(input: { space?: string; budgetYear?: number }): Promise<RegulationView[]> {
      const space = ownSpace(input.space);
      const out: RegulationView[] = [];
      const items = await queryAll(
        db,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: `gsi1pk = :pk${input.budgetYear ? ' AND begins_with(gsi1sk, :year)' : ''}`,
          ExpressionAttributeValues: {
            ':pk': keys.regulationsIndex(space),
            ...(input.budgetYear ? { ':year': `${input.budgetYear}${SEP}` } : {}),
          },
          ScanIndexForward: false,
        },
        200,
      );
      for (const item of items) out.push(view(toRegulation(item)));
      return out;
    },

    async regulation(id: string): Promise<RegulationView> {
      return view(toRegulation(await findRegulation(id)));
    },

    /** Recomputes the regulation's own audit chain (its creation and every change of its terms). */
    async verifyRegulation(id: string): Promise<VerifyResult> {
      const current = await findRegulation(id);
      const page = await guard(() =>
        db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ev)',
            ExpressionAttributeValues: { ':pk': keys.regulation(current.space, id).pk, ':ev': `EV${SEP}` },
            ConsistentRead: true,
          }),
        ),
      );
      const events = (page.Items ?? []).map((item) => {
        const { pk: _p, sk: _s, type: _t, ...event } = item;
        return event as AuditEvent;
      });
      const result = verifyChain(events);
      if (result.valid && (events.length !== current.auditSeq || events.at(-1)?.hash !== current.auditHash)) {
        return {
          valid: false,
          events: events.length,
          brokenAt: events.length + 1,
          reason: 'chain is shorter than its head',
        };
      }
      return result;
    },

    // ---- a subsidy's decisions ----

    get: getView,

    /** Records the application (aanvraag): the regulation it falls under, when it came in, what is asked. */
    async apply(input: SubsidyApplicationInput): Promise<SubsidyView> {
      const a = await loadSubsidy(input.agreementId);
      if (a.status !== 'requested') {
        throw new DomainError('BAD_REQUEST', 'subsidy.applicationAfterDecision', {
          field: 'agreementId',
          message: 'The application can only be recorded before the decision',
        });
      }
      const regulation = await loadRegulation(a.space, input.regulationId).catch((error) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND')
          throw new DomainError('BAD_REQUEST', 'regulation.unknown', {
            field: 'regulationId',
            message: 'The regulation does not exist in this register',
          });
        throw error;
      });
      const bookYear = input.bookYear ?? null;
      const record: SubsidyRecord = {
        regulationId: regulation.id,
        applicationDate: input.applicationDate,
        requestedCents: input.requestedCents,
        bookYear,
        application: checkApplication(bookYear, input.applicationDate, regulation.applicationWeeks),
        decisionDue: decisionDueDate(input.applicationDate, regulation.decisionWeeks),
        grant: null,
        settlement: null,
      };
      return decide(a, { ...a, subsidy: record }, input.expectedVersion, 'subsidy.application', {
        subsidy: { before: a.subsidy ?? null, after: record },
      });
    },

    /**
     * The grant decision (verlening): refused beyond the regulation's ceiling (4:25) with the room left; a late
     * book-year application (4:60) only knowingly; the phase-out check (4:51) recorded; settled ex officio at
     * once when asked and allowed (4:47).
     */
    async grant(input: SubsidyGrantInput): Promise<SubsidyView> {
      const a = await loadSubsidy(input.agreementId);
      const record = a.subsidy;
      if (!record) {
        throw new DomainError('BAD_REQUEST', 'subsidy.applicationFirst', {
          field: 'agreementId',
          message: 'Record the application (regulation, date, amount) before the grant',
        });
      }
      if (a.version !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'agreement.versionConflict', {
          params: { version: a.version, expectedVersion: input.expectedVersion },
          message: `Agreement was changed (version ${a.version}, you sent ${input.expectedVersion})`,
        });
      }
      if (a.status !== 'requested') {
        throw new DomainError('BAD_REQUEST', 'subsidy.cannotGrant', {
          params: { status: a.status },
          field: 'agreementId',
          message: `A ${a.status} subsidy cannot be granted`,
        });
      }
      const regulation = await loadRegulation(a.space, record.regulationId);
      assertWithinCeiling(regulation, input.amountCents);
      const application = checkApplication(
        record.bookYear,
        record.applicationDate,
        regulation.applicationWeeks,
      );
      assertApplicationTerm(application, input.acceptLateApplication, input.lateMotivation);
      if (input.settleAtGrant) assertSettleAtGrant(regulation, input.amountCents);
      const phaseOut = await phaseOutFor(a, input.amountCents);
      const now = new Date().toISOString();
      const grant: NonNullable<SubsidyRecord['grant']> = {
        amountCents: input.amountCents,
        at: now,
        by: scope.actor,
        byName: scope.actorName,
        settlementDueDate:
          input.settlementDueDate ?? settlementDueDate(a.endDate, regulation.settlementWeeks),
        lateApplication:
          application?.late && input.lateMotivation
            ? {
                deadline: application.deadline,
                received: application.received,
                motivation: input.lateMotivation.trim(),
              }
            : null,
        phaseOut,
        settledAtGrant: input.settleAtGrant === true,
      };
      const settlement = input.settleAtGrant
        ? {
            amountCents: input.amountCents,
            exOfficio: true,
            ground: null,
            motivation: null,
            at: now,
            by: scope.actor,
            byName: scope.actorName,
          }
        : null;
      const next: SubsidyRecord = { ...record, application, grant, settlement };
      const to: AgreementStatus = settlement ? 'settled' : 'granted';
      const changes: AuditEvent['changes'] = {
        status: { before: a.status, after: to },
        'subsidy.grant': { before: null, after: grant },
        [`regulation.${regulation.id}.grantedCents`]: {
          before: regulation.grantedCents,
          after: regulation.grantedCents + input.amountCents,
        },
      };
      if (settlement) changes['subsidy.settlement'] = { before: null, after: settlement };
      if (input.note) changes.note = { before: null, after: input.note };
      // The ceiling holds under concurrency: the total moves only if it still leaves room for this amount.
      const total: TransactItem = {
        Update: {
          TableName: db.tableName,
          Key: keys.regulation(a.space, regulation.id),
          UpdateExpression: 'SET grantedCents = grantedCents + :amount',
          ConditionExpression:
            regulation.ceilingCents === null
              ? 'attribute_exists(pk) AND attribute_type(ceilingCents, :null)'
              : 'ceilingCents = :ceiling AND grantedCents <= :limit',
          ExpressionAttributeValues:
            regulation.ceilingCents === null
              ? { ':amount': input.amountCents, ':null': 'NULL' }
              : {
                  ':amount': input.amountCents,
                  ':ceiling': regulation.ceilingCents,
                  ':limit': regulation.ceilingCents - input.amountCents,
                },
        },
      };
      return decide(
        a,
        { ...a, status: to, subsidy: next },
        input.expectedVersion,
        'subsidy.grant',
        changes,
        [total],
        async () => {
          // Someone else's grant (or a changed ceiling) got there first: say what is left now.
          const fresh = await loadRegulation(a.space, regulation.id);
          assertWithinCeiling(fresh, input.amountCents);
          return new DomainError('CONFLICT', 'regulation.changedMeanwhile', {
            message: 'The regulation was changed meanwhile; reload and try again',
          });
        },
      );
    },

    /** The settlement (vaststelling): lower only on a 4:46 lid 2 ground; ex officio per 4:47. */
    async settle(input: SubsidySettleInput): Promise<SubsidyView> {
      const a = await loadSubsidy(input.agreementId);
      const record = a.subsidy;
      if (!record?.grant) {
        throw new DomainError('BAD_REQUEST', 'subsidy.onlyGrantedSettled', {
          field: 'agreementId',
          message: 'Only a granted subsidy can be settled',
        });
      }
      const decided = decideSettlement({
        status: a.status,
        grantedCents: record.grant.amountCents,
        settlementDueDate: record.grant.settlementDueDate,
        today: today(),
        amountCents: input.amountCents,
        ground: input.ground,
        motivation: input.motivation,
        exOfficio: input.exOfficio,
      });
      const settlement = {
        ...decided,
        at: new Date().toISOString(),
        by: scope.actor,
        byName: scope.actorName,
      };
      return decide(
        a,
        { ...a, status: 'settled', subsidy: { ...record, settlement } },
        input.expectedVersion,
        input.exOfficio ? 'subsidy.settle_ex_officio' : 'subsidy.settle',
        {
          status: { before: a.status, after: 'settled' },
          'subsidy.settlement': { before: null, after: settlement },
        },
      );
    },

    /** An advance on the grant (Awb 4:95): never more than the grant in all, never after the settlement. */
    async advance(input: SubsidyAdvanceInput): Promise<SubsidyView> {
      const a = await loadSubsidy(input.agreementId);
      if (a.version !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'agreement.versionConflict', {
          params: { version: a.version, expectedVersion: input.expectedVersion },
          message: `Agreement was changed (version ${a.version}, you sent ${input.expectedVersion})`,
        });
      }
      assertAdvance(a.status, a.subsidy, input.amountCents);
      const record = a.subsidy!;
      const advance: SubsidyAdvance = {
        id: newId(),
        date: input.date,
        amountCents: input.amountCents,
        note: input.note?.trim() || null,
        at: new Date().toISOString(),
        by: scope.actor,
        byName: scope.actorName,
      };
      const before = advancedCents(record);
      return decide(
        a,
        { ...a, subsidy: { ...record, advances: [...(record.advances ?? []), advance] } },
        input.expectedVersion,
        'subsidy.advance',
        {
          'subsidy.advancedCents': { before, after: before + input.amountCents },
          [`subsidy.advance.${advance.id}`]: { before: null, after: advance },
        },
      );
    },

    /** The 4:51 check for a decision of `amountCents` (0: refusal or ending) on this subsidy. */
    async phaseOut(agreementId: string, amountCents: number): Promise<PhaseOutCheck> {
      return phaseOutFor(await loadSubsidy(agreementId), amountCents);
    },
  };
  return repo;
}

export type SubsidyRepository = ReturnType<typeof subsidyRepository>;
