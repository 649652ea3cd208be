import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { platformKeys } from './keys.ts';
import { queryAll } from './query.ts';

/** Records a space in the platform's list of spaces (written with the space itself). */
export async function registerSpace(db: Db, space: string): Promise<void> {
  await guard(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...platformKeys.space(space), type: 'platformSpace' },
      }),
    ),
  );
}

/** Every space on the platform (what the daily job visits). */
export async function listSpaces(db: Db): Promise<string[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': platformKeys.spaces },
  });
  return items.map((item) => String(item.sk));
}

export interface SpaceRegistry {
  /** Whether the space is registered on the platform; answered from the cache while the entry is fresh. */
  has(space: string): Promise<boolean>;
}

export interface SpaceRegistryOptions {
  /** How long an answer is kept (known and unknown alike); a new space is public after at most this long. */
  ttlMs?: number;
  /** Answers kept at once; the oldest is dropped first, so a burst of made-up codes costs memory, not reads. */
  max?: number;
  now?: () => number;
}

/**
 * The public routes' first question: does this space exist at all? One GetItem on the platform's list of spaces
 * (`PLATFORM#SPACES`, sort key the space), with the function's own credentials — which may read exactly that
 * partition and nothing else — so an unknown space costs no role, no STS call and no client (issue 17). Known
 * and unknown answers are both cached briefly, in a bounded map of their own.
 */
export function createSpaceRegistry(db: Db, options: SpaceRegistryOptions = {}): SpaceRegistry {
  const ttl = options.ttlMs ?? 60_000;
  const max = options.max ?? 2_000;
  const now = options.now ?? Date.now;
  const answers = new Map<string, { known: boolean; at: number }>();
  return {
    async has(space) {
      const cached = answers.get(space);
      if (cached && now() - cached.at < ttl) return cached.known;
      const result = await guard(() =>
        db.doc.send(new GetCommand({ TableName: db.tableName, Key: platformKeys.space(space) })),
      );
      const known = !!result.Item;
      answers.delete(space);
      if (answers.size >= max) answers.delete(answers.keys().next().value!);
      answers.set(space, { known, at: now() });
      return known;
    },
  };
}
