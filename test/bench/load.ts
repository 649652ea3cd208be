import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AgreementCreateInput } from '@regie/core';
import { createRepositories, type Db } from '@regie/db';
import { SEED_USERS } from '@regie/local';
import { agreementDeadlineChanges } from '../../packages/db/src/deadlines.ts';

const KINDS = ['contract', 'subsidy', 'service_agreement', 'joint_arrangement'] as const;
const DOMAINS = ['youth', 'wmo', 'participation', 'ict', 'other'] as const;
const WORDS = [
  'jeugdhulp',
  'begeleiding',
  'huishoudelijke',
  'ondersteuning',
  'welzijn',
  'schuldhulp',
  'vervoer',
  'dagbesteding',
];

/**
 * Loads `count` agreements into one seed user's space with BatchWriteItem (25 items a request, a few
 * requests in flight). Each agreement is built by the repository's own `prepareCreate`, so the items and
 * their indexes are exactly what the API writes. Returns the load rate in agreements per second.
 */
export async function loadAgreements(
  db: Db,
  userKey: string,
  count: number,
  prefix: string,
  onProgress?: (loaded: number) => void,
  options: { deadlines?: boolean } = {},
): Promise<number> {
  const user = SEED_USERS.find((u) => u.key === userKey)!;
  const repos = createRepositories(db, {
    space: user.space,
    reach: [user.space],
    actor: user.key,
    organisation: user.space,
    roles: user.roles,
  });
  const started = performance.now();
  let batch: Record<string, unknown>[] = [];
  const inFlight: Promise<unknown>[] = [];
  const flush = async (items: Record<string, unknown>[]) => {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [db.tableName]: items.map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length) {
      const result = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  };
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const year = 2024 + (i % 6);
    const input: AgreementCreateInput = {
      kind,
      reference: `${prefix}-${String(i).padStart(6, '0')}`,
      title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`,
      domain: DOMAINS[i % DOMAINS.length]!,
      startDate: `${year}-01-01`,
      endDate: `${year + 1 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
      valueCeilingCents: 1_000_000 + i,
      noticePeriodMonths: 3,
    };
    const { agreement, items } = await repos.agreements.prepareCreate(input);
    // A running agreement's dated things (end, notice, renewal decision) on the space's deadline index, as the
    // transition to active writes them; the agreement itself stays a draft.
    if (options.deadlines)
      items.push(...agreementDeadlineChanges(db, null, { ...agreement, status: 'active' }));
    for (const item of items)
      if ('Put' in item && item.Put) batch.push(item.Put.Item as Record<string, unknown>);
    if (onProgress && i > 0) onProgress(i);
    while (batch.length >= 25) {
      inFlight.push(flush(batch.splice(0, 25)));
      if (inFlight.length >= 8) await Promise.all(inFlight.splice(0));
    }
  }
  if (batch.length) inFlight.push(flush(batch));
  await Promise.all(inFlight);
  batch = [];
  return count / ((performance.now() - started) / 1000);
}
