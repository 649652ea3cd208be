import { BatchGetCommand, type BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  checkImportRows,
  DomainError,
  type ImportCandidate,
  type ImportOrganisation,
  type ImportRowResult,
  isImportCandidate,
} from '@regie/core';
import type { AgreementRepository } from './agreements.ts';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { transact } from './transact.ts';

/**
 * How many agreements of one batch are written at once. Each is its own small transaction on its own items, so
 * they do not contend; the bound keeps one import from taking every connection of the API process. On DynamoDB
 * Local (2 loaded cores) 8, 16 and 32 wrote about 16, 24 and 35 rows/s; 64 ran into the client's 2 s request timeout.
 */
export const IMPORT_CONCURRENCY = 16;

/** A transaction cancelled by a concurrent one on the same items is tried again this often. */
const COLLISION_ATTEMPTS = 3;

type Organisations = Map<string, ImportOrganisation>;

/** Runs `work` over `items` with at most `limit` in flight; results in the order of `items`. */
async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The register import (issue 13 point 3, `agreement.import`): a batch of rows from a municipality's own register,
 * checked like a create and written each like a create — agreement, reference, first terms version, mirrors and
 * deadlines, one audit event — but in the status the file gives (IMPORTABLE_STATUSES), with the audit action
 * `agreement.import`. Never an approval, signature or transition event: Regie did not see those happen.
 *
 * Idempotent and resumable by the reference: a row whose reference is in use is reported `exists` with the
 * agreement's id, whether it was written before this call or by a concurrent one, so a re-import writes nothing.
 * Each agreement is its own transaction: one bad row never holds back the others.
 */
export function importRepository(db: Db, scope: Scope, agreements: AgreementRepository) {
  /** The owning space's organisations, read once per call: by KvK for matching, by id for resolving parties. */
  async function readOrganisations(space: string) {
    const items = await queryAll(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.organisationsIndex(space) },
    });
    const byKvk: Organisations = new Map();
    const byId: Organisations = new Map();
    for (const item of items) {
      const organisation: ImportOrganisation = {
        id: item.id as string,
        name: item.name as string,
        kind: item.kind as ImportOrganisation['kind'],
        kvkNumber: item.kvkNumber as string,
      };
      // Registered twice under one KvK number: the first by name matches, as the organisation list shows it.
      if (!byKvk.has(organisation.kvkNumber)) byKvk.set(organisation.kvkNumber, organisation);
      byId.set(organisation.id, organisation);
    }
    return { byKvk, byId };
  }

  /** The agreement id each reference in use points to, read consistently (a resumed import sees its last batch). */
  async function referencesInUse(wanted: readonly { space: string; reference: string }[]) {
    const found = new Map<string, string>();
    const unique = [
      ...new Map(wanted.map((w) => [`${w.space}\u0000${w.reference.toUpperCase()}`, w])).values(),
    ];
    for (let i = 0; i < unique.length; i += 100) {
      let request: BatchGetCommandInput['RequestItems'] = {
        [db.tableName]: {
          Keys: unique.slice(i, i + 100).map((w) => keys.reference(w.space, w.reference)),
          ConsistentRead: true,
        },
      };
      while (request && Object.keys(request).length > 0) {
        const result = await guard(() => db.doc.send(new BatchGetCommand({ RequestItems: request })));
        for (const item of result.Responses?.[db.tableName] ?? []) {
          found.set(`${item.pk as string}`, item.agreementId as string);
        }
        request = result.UnprocessedKeys;
      }
    }
    return (space: string, reference: string) => found.get(keys.reference(space, reference).pk);
  }

  /** Prepares and (unless a dry run) writes one row; a refusal of its terms is its invalid result. */
  async function importOne(
    candidate: ImportCandidate,
    organisations: Organisations,
    dryRun: boolean,
  ): Promise<ImportRowResult> {
    const { row } = candidate;
    const result = { line: row.line, reference: row.reference };
    for (let attempt = 1; ; attempt++) {
      try {
        const { agreement, items } = await agreements.prepareCreate(candidate.input, {
          imported: candidate.status,
          organisations,
        });
        if (dryRun) return { ...result, outcome: 'valid' };
        const taken = new DomainError('CONFLICT', 'agreement.referenceInUse', {
          params: { reference: row.reference },
          field: 'reference',
          message: `Reference ${row.reference} is already in use`,
        });
        await transact(db, items, (index) =>
          index === 1
            ? taken
            : new DomainError('CONFLICT', 'agreement.exists', { message: 'Agreement already exists' }),
        );
        return { ...result, outcome: 'created', id: agreement.id };
      } catch (error) {
        if (error instanceof DomainError && error.reason === 'agreement.referenceInUse') {
          // Taken since this call read the references (a concurrent import of the same file): reported, not doubled.
          const space = candidate.input.space ?? scope.space;
          const id = (await referencesInUse([{ space, reference: row.reference }]))(space, row.reference);
          return { ...result, outcome: 'exists', ...(id ? { id } : {}) };
        }
        if (error instanceof DomainError && error.code === 'BAD_REQUEST') {
          return {
            ...result,
            outcome: 'invalid',
            field: error.field ?? '',
            reason: error.reason,
            params: { ...error.params },
          };
        }
        const collided = (error as Error)?.name === 'TransactionCanceledException';
        if (!collided || attempt === COLLISION_ATTEMPTS) throw error;
      }
    }
  }

  return {
    /**
     * Checks (and unless `dryRun` writes) one batch; a result per row, in the order of the rows. A row naming a
     * space outside the caller's reach refuses the whole call with NOT_FOUND, exactly as for a space that does not
     * exist, before anything is read — so no answer tells whether a reference is in use in another tenant.
     */
    async import(rows: readonly unknown[], dryRun: boolean): Promise<ImportRowResult[]> {
      for (const row of rows) {
        const space = (row as { space?: unknown } | null)?.space;
        if (typeof space === 'string') assertReach(scope, space);
      }
      // Only the caller's own space is written (a region's rows by its own users): its organisations, read once.
      const organisations = await readOrganisations(scope.space);
      const checked = checkImportRows(rows, scope, () => organisations.byKvk);
      const candidates = checked.filter(isImportCandidate);
      const inUse = await referencesInUse(
        candidates.map((c) => ({ space: c.input.space ?? scope.space, reference: c.row.reference })),
      );
      return pooled(checked, IMPORT_CONCURRENCY, async (entry) => {
        if (!isImportCandidate(entry)) return entry;
        const space = entry.input.space ?? scope.space;
        const existing = inUse(space, entry.row.reference);
        if (existing) {
          return { line: entry.row.line, reference: entry.row.reference, outcome: 'exists', id: existing };
        }
        return importOne(entry, organisations.byId, dryRun);
      });
    },
  };
}

export type ImportRepository = ReturnType<typeof importRepository>;
