import { createApp } from '@regie/api';
import { createDevIssuer } from '@regie/local';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDb } from '../support/db.ts';
import { rawQueryUrl } from '../support/procedures.ts';

/**
 * Issue 17: a tenant's request budget (a token bucket per space, fair-share.ts) answers 429 with Retry-After and
 * `request.tenantBudget` once that tenant has spent it — and only that tenant: another one is served meanwhile.
 */
let app: Hono;
const tokens = new Map<string, string>();

beforeAll(async () => {
  const db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
  const { dev, verifyToken } = await createDevIssuer(db);
  app = createApp({
    db,
    verifyToken,
    logError: () => {},
    // Five at once, then one every ten seconds: the test runs well inside the refill.
    fairShare: { budget: { burst: 5, perSecond: 0.1 } },
  });
  for (const user of ['ermelo.inkoper', 'ermelo.contractmanager', 'harderwijk.inkoper']) {
    tokens.set(user, (await dev.issueToken(user))!);
  }
});

const list = (user: string) =>
  app.request(rawQueryUrl('agreement.find', { limit: 5 }), {
    headers: { authorization: `Bearer ${tokens.get(user)}` },
  });

describe('the per-tenant request budget', () => {
  it('refuses the tenant that spent it with 429 and Retry-After, while another tenant is served', async () => {
    // Ermelo (GM0233) spends its budget at once, two of its people together.
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => list(i % 2 ? 'ermelo.inkoper' : 'ermelo.contractmanager')),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = burst.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'request.tenantBudget',
    });

    // At the same time Harderwijk (GM0243) is served in full, and Ermelo is still refused.
    const [ermelo, ...harderwijk] = await Promise.all([
      list('ermelo.inkoper'),
      ...Array.from({ length: 5 }, () => list('harderwijk.inkoper')),
    ]);
    expect(ermelo!.status).toBe(429);
    expect(harderwijk.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('does not count requests without a token against any tenant', async () => {
    const anonymous = await Promise.all(Array.from({ length: 8 }, () => app.request('/trpc/agreement.find')));
    expect(anonymous.every((r) => r.status === 401)).toBe(true);
  });
});
