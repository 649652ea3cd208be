import { timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'hono';

/** The header CloudFront adds to every request it forwards to the API (infra/lib/stacks/web-stack.ts). */
export const ORIGIN_SECRET_HEADER = 'x-origin-verify';

/**
 * Refuses, with 403 and before anything else runs, a request that did not come through CloudFront: one without
 * the origin secret or with another value (compared in constant time). So the WAF in front of CloudFront cannot
 * be walked around by calling the API Gateway endpoint directly (docs/security.md).
 */
export function originGuard(secret: string) {
  if (secret.length < 32) throw new Error('The origin secret must be at least 32 characters');
  const expected = Buffer.from(secret);
  return async (c: Context, next: Next) => {
    const given = Buffer.from(c.req.header(ORIGIN_SECRET_HEADER) ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json({ error: { code: 'FORBIDDEN', message: 'Forbidden' } }, 403);
    }
    await next();
  };
}
