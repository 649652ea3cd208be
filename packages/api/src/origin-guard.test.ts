import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER, originGuard } from './origin-guard.ts';

const SECRET = 'a'.repeat(40);

function app() {
  const hono = new Hono();
  hono.use('*', originGuard(SECRET));
  hono.get('/public/:code/register.json', (c) => c.json({ ok: true }));
  return hono;
}

describe('origin guard (only through CloudFront)', () => {
  it('serves a request that carries the origin secret', async () => {
    const response = await app().request('/public/GM0233/register.json', {
      headers: { [ORIGIN_SECRET_HEADER]: SECRET },
    });
    expect(response.status).toBe(200);
  });

  it('refuses with 403 a request without it, with another value, or with a prefix of it', async () => {
    const cases: Record<string, string>[] = [
      {},
      { [ORIGIN_SECRET_HEADER]: 'b'.repeat(40) },
      { [ORIGIN_SECRET_HEADER]: 'a'.repeat(39) },
    ];
    for (const headers of cases) {
      const response = await app().request('/public/GM0233/register.json', { headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Forbidden' } });
    }
  });

  it('refuses a short secret at start', () => {
    expect(() => originGuard('short')).toThrow(/32 characters/);
  });
});
