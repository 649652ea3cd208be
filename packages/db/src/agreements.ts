import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementCreateInput,
  type AgreementKind,
  type AgreementStatus,
  type AgreementTermsPatch,
  type AuditEvent,
  applyTerms,
  assertTransition,
  type Domain,
  DomainError,
  LIFECYCLES,
  newId,
  notFound,
  type VerifyResult,
  verifyChain,
} from '@regie/core';
import { nextAuditEvent, readChain } from './audit-store.ts';
import type { Db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { failedConditionIndex, guard, isConditionFailure } from './errors.ts';
import { keys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';

export interface AgreementFilter {
  kind?: AgreementKind;
  status?: AgreementStatus;
  domain?: Domain;
  /** The space whose register to read; defaults to the caller's home space. Must be in reach. */
  space?: string;
  cursor?: string;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Item = Agreement & Record<string, unknown> & { auditSeq: number; auditHash: string };

const INTERNAL = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
  'auditSeq',
  'auditHash',
];

function toAgreement(item: Record<string, unknown>): Agreement {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.includes(k)) out[k] = v;
  return out as unknown as Agreement;
}

/**
 * Index attributes of an agreement. gsi1 = the register of a space, gsi2 = by kind, gsi3 = by status;
 * each sorted by `<createdAt>#<id>` so the register reads newest first with a stable cursor.
 */
function indexAttributes(a: Agreement) {
  const sort = `${a.createdAt}${SEP}${a.id}`;
  const reg = keys.registerIndex(a.space);
  return {
    gsi1pk: reg,
    gsi1sk: sort,
    gsi2pk: `${reg}${SEP}KIND${SEP}${a.kind}`,
    gsi2sk: sort,
    gsi3pk: `${reg}${SEP}STATUS${SEP}${a.status}`,
    gsi3sk: sort,
  };
}

export function agreementRepository(db: Db, scope: Scope) {
  const assertReach = (space: string) => {
    // A space outside the caller's reach is answered exactly like an id that does not exist.
    if (!scope.reach.includes(space)) throw notFound('Agreement');
  };

  async function load(id: string): Promise<Item> {
    const result = await guard(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: {
              Keys: scope.reach.map((space) => keys.agreement(space, id)),
              ConsistentRead: true,
            },
          },
        }),
      ),
    );
    const item = result.Responses?.[db.tableName]?.[0];
    if (!item) throw notFound('Agreement');
    return item as Item;
  }

  /** Writes a new state of an agreement with its audit event, conditional on the version the caller saw. */
  async function commit(
    current: Item,
    next: Agreement,
    expectedVersion: number,
    action: string,
    changes: AuditEvent['changes'],
    extra: { termsChanged: boolean },
  ): Promise<Agreement> {
    if (current.version !== expectedVersion) {
      throw new DomainError(
        'CONFLICT',
        `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
      );
    }
    const now = new Date().toISOString();
    const stored: Agreement = {
      ...next,
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
      changes,
    });
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.agreement(stored.space, stored.id),
            type: 'agreement',
            ...stored,
            ...indexAttributes(stored),
            ...audit.head,
          },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      audit.put,
    ];
    if (extra.termsChanged) {
      items.push({
        Put: {
          TableName: db.tableName,
          Item: { ...keys.termsVersion(stored.space, stored.id, stored.version), type: 'terms', ...stored },
        },
      });
    }
    try {
      await guard(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      if (isConditionFailure(error))
        throw new DomainError('CONFLICT', 'Agreement was changed by someone else; reload and try again');
      throw error;
    }
    return stored;
  }

  return {
    /** `options.space` may name a reachable region; `options.id` is for the deterministic seed only. */
    async create(
      input: AgreementCreateInput,
      options: { space?: string; id?: string } = {},
    ): Promise<Agreement> {
      const space = options.space ?? scope.space;
      assertReach(space);
      const now = new Date().toISOString();
      const agreement: Agreement = {
        id: options.id ?? newId(),
        space,
        kind: input.kind,
        reference: input.reference,
        title: input.title,
        description: input.description ?? '',
        status: LIFECYCLES[input.kind].initial,
        version: 1,
        domain: input.domain,
        startDate: input.startDate,
        endDate: input.endDate,
        noticePeriodMonths: input.noticePeriodMonths ?? null,
        valueCeilingCents: input.valueCeilingCents ?? null,
        createdAt: now,
        createdBy: scope.actor,
        updatedAt: now,
        updatedBy: scope.actor,
      };
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
      try {
        await guard(() =>
          db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: db.tableName,
                    Item: {
                      ...keys.agreement(space, agreement.id),
                      type: 'agreement',
                      ...agreement,
                      ...indexAttributes(agreement),
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
              ],
            }),
          ),
        );
      } catch (error) {
        if (failedConditionIndex(error) === 1) {
          throw new DomainError(
            'CONFLICT',
            `Reference ${agreement.reference} is already in use`,
            'reference',
          );
        }
        throw error;
      }
      return agreement;
    },

    async get(id: string): Promise<Agreement> {
      return toAgreement(await load(id));
    },

    async find(filter: AgreementFilter): Promise<Page<Agreement>> {
      const space = filter.space ?? scope.space;
      if (!scope.reach.includes(space)) return { items: [], nextCursor: null };
      const reg = keys.registerIndex(space);
      // Pick the narrowest index for the filter; the remaining conditions are a filter on that page.
      const [index, pk] = filter.kind
        ? (['gsi2', `${reg}${SEP}KIND${SEP}${filter.kind}`] as const)
        : filter.status
          ? (['gsi3', `${reg}${SEP}STATUS${SEP}${filter.status}`] as const)
          : (['gsi1', reg] as const);
      const conditions: string[] = [];
      const values: Record<string, unknown> = { ':pk': pk };
      const names: Record<string, string> = {};
      if (filter.kind && filter.status) {
        conditions.push('#status = :status');
        names['#status'] = 'status';
        values[':status'] = filter.status;
      }
      if (filter.domain) {
        conditions.push('#domain = :domain');
        names['#domain'] = 'domain';
        values[':domain'] = filter.domain;
      }
      let start = decodeCursor(filter.cursor, `${index}pk`, pk);
      const items: Agreement[] = [];
      // A filtered read may need more than one page; bounded so a request's cost stays bounded.
      for (let round = 0; round < 5 && items.length < filter.limit; round++) {
        const page = await guard(() =>
          db.doc.send(
            new QueryCommand({
              TableName: db.tableName,
              IndexName: index,
              KeyConditionExpression: `${index}pk = :pk`,
              FilterExpression: conditions.length ? conditions.join(' AND ') : undefined,
              ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
              ExpressionAttributeValues: values,
              ScanIndexForward: false,
              Limit: filter.limit - items.length,
              ExclusiveStartKey: start,
            }),
          ),
        );
        for (const item of page.Items ?? []) items.push(toAgreement(item));
        start = page.LastEvaluatedKey;
        if (!start) break;
      }
      return { items, nextCursor: encodeCursor(start) };
    },

    async update(id: string, expectedVersion: number, patch: AgreementTermsPatch): Promise<Agreement> {
      const current = await load(id);
      const { next, changes } = applyTerms(toAgreement(current), patch);
      if (Object.keys(changes).length === 0) {
        if (current.version !== expectedVersion)
          throw new DomainError('CONFLICT', 'Agreement was changed by someone else');
        return toAgreement(current);
      }
      return commit(current, next, expectedVersion, 'update', changes, { termsChanged: true });
    },

    async transition(
      id: string,
      expectedVersion: number,
      to: AgreementStatus,
      note?: string,
    ): Promise<Agreement> {
      const current = await load(id);
      assertTransition(current.kind, current.status, to, scope.roles);
      const changes: AuditEvent['changes'] = { status: { before: current.status, after: to } };
      if (note) changes.note = { before: null, after: note };
      return commit(
        current,
        { ...toAgreement(current), status: to },
        expectedVersion,
        'transition',
        changes,
        {
          termsChanged: false,
        },
      );
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
