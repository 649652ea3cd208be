import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@regie/db';
import { mutationUrl, type ProcedureInput } from './procedures.ts';

/**
 * Issue 7 faults, shared by the fault test (small, in `npm test`) and `npm run bench` (large): writers create
 * agreements through the HTTP API back to back while DynamoDB Local is stopped (SIGTERM) or killed (SIGKILL) in
 * the middle of it and started again; then the table is checked: every acknowledged write is there, and every
 * create — acknowledged, refused or cut off — is there completely or not at all.
 *
 * One property of DynamoDB Local, measured with a bare TransactWriteItems loop and no Regie code: killed with
 * SIGKILL, it sometimes loses a transaction it acknowledged in the last ~10 ms before the kill (1 in ~120 per
 * kill in 3 of 12 kills; never one with PutItem, never after SIGTERM, never half a transaction). DynamoDB itself
 * acknowledges a write only once it is durable. The checks therefore name such losses separately, with how long
 * before the kill they were acknowledged.
 */

export interface Attempt {
  reference: string;
  status: number;
  /** When the request began and ended, on this process's clock (ms). */
  began: number;
  ended: number;
  id?: string;
  code?: string;
  message?: string;
}

export interface OutageRun {
  attempts: Attempt[];
  /** Per outage: when stopping DynamoDB Local began, when it was gone, and when it answered again. */
  outages: { stoppingAt: number; downAt: number; restartedAt: number }[];
  /** Per outage: ms from DynamoDB Local answering again to the end of the first acknowledged write begun after. */
  recoveryMs: number[];
}

export interface OutageOptions {
  url: string;
  token: string;
  /** References are `<prefix>R<n>`, unique per run. */
  prefix: string;
  writers: number;
  outages: number;
  /** Load before the first outage and after each recovery. */
  healthyMs: number;
  /** How long DynamoDB Local stays down. */
  downMs: number;
  /** Stops (or kills) DynamoDB Local; resolves when its process is gone. */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** The agreement every writer creates: one transaction of the agreement, its reference, audit, terms and deadlines. */
export const createInput = (reference: string): ProcedureInput<'agreement.create'> => ({
  kind: 'contract',
  reference,
  title: 'Storing',
  domain: 'wmo',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 3,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function writeThroughOutages(options: OutageOptions): Promise<OutageRun> {
  const attempts: Attempt[] = [];
  const outages: OutageRun['outages'] = [];
  let n = 0;
  let running = true;
  const writer = async () => {
    while (running) {
      const reference = `${options.prefix}R${++n}`; // one search word, the same shape for every n
      const began = performance.now();
      let attempt: Attempt;
      try {
        const response = await fetch(`${options.url}${mutationUrl('agreement.create')}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify(createInput(reference)),
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await response.json().catch(() => null)) as {
          result?: { data?: { id?: string } };
          error?: { code?: string; message?: string; data?: { code?: string } };
        } | null;
        attempt = {
          reference,
          status: response.status,
          began,
          ended: performance.now(),
          id: body?.result?.data?.id,
          code: body?.error?.data?.code ?? body?.error?.code,
          message: body?.error?.message,
        };
      } catch (error) {
        // The API itself did not answer: recorded as status 0, which the checks count as a failure.
        attempt = { reference, status: 0, began, ended: performance.now(), message: String(error) };
      }
      attempts.push(attempt);
      if (attempt.status !== 200) await sleep(25); // a client backs off a little when told to try again
    }
  };
  const writers = Array.from({ length: options.writers }, writer);
  try {
    await sleep(options.healthyMs);
    for (let i = 0; i < options.outages; i++) {
      const stoppingAt = performance.now();
      await options.stop();
      const downAt = performance.now();
      await sleep(options.downMs);
      await options.restart();
      outages.push({ stoppingAt, downAt, restartedAt: performance.now() });
      await sleep(options.healthyMs);
    }
  } finally {
    running = false;
    await Promise.all(writers);
  }
  const recoveryMs = outages.map(({ restartedAt }) => {
    const first = attempts
      .filter((a) => a.status === 200 && a.began >= restartedAt)
      .reduce((min, a) => Math.min(min, a.ended), Number.POSITIVE_INFINITY);
    return first - restartedAt;
  });
  return { attempts, outages, recoveryMs };
}

/** Requests begun while the database was down (after its process was gone, ending before it answered again). */
export function duringOutage(run: OutageRun): Attempt[] {
  return run.attempts.filter((a) => run.outages.some((o) => a.began >= o.downAt && a.ended <= o.restartedAt));
}

/** For each acknowledged write that is missing: ms between its acknowledgement and the nearest stop. */
export function lostBeforeStop(run: OutageRun, lost: readonly string[]): number[] {
  return lost.map((reference) => {
    const attempt = run.attempts.find((a) => a.reference === reference)!;
    return Math.min(...run.outages.map((o) => Math.abs(o.stoppingAt - attempt.ended)));
  });
}

export interface Completeness {
  /** Agreements of this run found in the table. */
  present: string[];
  /** Acknowledged (200) creates whose agreement is not in the table. */
  lost: string[];
  /** Agreements whose items differ from a complete create's (a torn transaction). */
  partial: string[];
  /** Creates answered with an error whose agreement is nevertheless completely there (the answer was lost). */
  committedUnacknowledged: number;
  /** The item layout of one complete create, for the report. */
  itemsPerCreate: number;
}

/**
 * Reads the whole (test) table once and groups this run's items by agreement: a complete create has exactly the
 * items of the first acknowledged one (keys with the agreement's id and reference taken out). Test-only: a Scan.
 */
export async function checkCompleteness(db: Db, run: OutageRun, prefix: string): Promise<Completeness> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);

  // This run's agreements, by id, and their references.
  const referenceOf = new Map<string, string>();
  const upper = `${prefix.toUpperCase()}R`;
  for (const item of items) {
    if (item.type === 'agreement' && String(item.reference).toUpperCase().startsWith(upper))
      referenceOf.set(item.id as string, String(item.reference).toUpperCase());
    if (item.type === 'reference' && String(item.sk) === 'REF' && String(item.pk).includes(`#REF#${upper}`))
      referenceOf.set(item.agreementId as string, String(item.pk).split('#REF#')[1]!);
  }
  // Every item that belongs to one of them: in the agreement's collection, or pointing to it.
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const id =
      (typeof item.agreementId === 'string' ? item.agreementId : undefined) ??
      /#AGR#([^#]+)/.exec(String(item.pk))?.[1];
    const reference = id && referenceOf.get(id);
    if (!id || !reference) continue;
    const shape = `${item.type}|${item.pk}|${item.sk}`
      .replaceAll(id, '<id>')
      .toUpperCase()
      .replaceAll(reference, '<REF>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<AT>');
    groups.set(id, [...(groups.get(id) ?? []), shape]);
  }
  const signature = (id: string) => (groups.get(id) ?? []).sort().join('\n');
  const acknowledged = run.attempts.filter((a) => a.status === 200);
  const template = acknowledged.find((a) => a.id && groups.has(a.id));
  if (!template?.id) throw new Error('no acknowledged create to compare with');
  const complete = signature(template.id);
  const present = [...referenceOf.keys()];
  const failedReferences = new Set(
    run.attempts.filter((a) => a.status !== 200).map((a) => a.reference.toUpperCase()),
  );
  return {
    present,
    lost: acknowledged.filter((a) => !a.id || !referenceOf.has(a.id)).map((a) => a.reference),
    partial: present.filter((id) => signature(id) !== complete),
    committedUnacknowledged: present.filter((id) => failedReferences.has(referenceOf.get(id)!)).length,
    itemsPerCreate: complete.split('\n').length,
  };
}
