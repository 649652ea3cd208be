import { isSpace, ROLES, type Role } from '@regie/core';
import { type JWTVerifyGetKey, jwtVerify } from 'jose';
import * as z from 'zod/mini';

/** What a verified token says about its bearer. The only source of space and roles (SPEC §2 rule 1). */
export interface Identity {
  /** The user key, e.g. `ermelo.inkoper`. */
  user: string;
  name: string;
  space: string;
  roles: Role[];
  reach: string[];
}

const spaceClaim = z.string().check(z.refine(isSpace, 'invalid space'));

const claimsSchema = z.object({
  /**
   * Cognito marks its ID tokens `id` and its access tokens `access`; only an ID token carries the audience and
   * the Regie claims the API reads, so anything else is refused even when its signature and audience pass.
   */
  token_use: z.literal('id'),
  sub: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.optional(z.string().check(z.maxLength(200))),
  space: spaceClaim,
  roles: z.array(z.enum(ROLES)).check(z.minLength(1), z.maxLength(ROLES.length)),
  reach: z.array(spaceClaim).check(z.maxLength(20)),
});

export interface VerifierOptions {
  /** A JWKS resolver: `createLocalJWKSet` locally, `createRemoteJWKSet(cognitoJwksUrl)` in AWS. */
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<Identity | null>;

/** How long a verified token's identity is reused at most (well under the JWKS cache's 10 minutes). */
export const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;
/** Verified tokens remembered at most; the oldest is forgotten first. */
export const VERIFIED_TOKEN_ENTRIES = 2_000;

/**
 * One verification path for local and AWS: signature, issuer, audience, a required expiry, then the claims' shape
 * (an ID token: `token_use` is `id`).
 *
 * A token is immutable, so the identity of one that verified is reused for the exact same token string until
 * the earlier of its expiry and VERIFIED_TOKEN_TTL_MS (a signature check per request was a third of the API's
 * own time on `agreement.get`, docs/benchmarks.md). Only successes are remembered, never a rejection.
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const verified = new Map<string, { identity: Identity; until: number }>();
  const copy = (identity: Identity): Identity => ({
    ...identity,
    roles: [...identity.roles],
    reach: [...identity.reach],
  });
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (Date.now() < known.until) return copy(known.identity);
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, options.jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['ES256', 'RS256'],
        // A token without an expiry would be valid for ever; jose checks `exp` only when it is present.
        requiredClaims: ['exp'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return null;
      const { sub, name, space, roles, reach } = claims.data;
      // The home space is always in reach, and nothing else is unless the token says so.
      const fullReach = reach.includes(space) ? reach : [space, ...reach];
      const identity: Identity = { user: sub, name: name ?? sub, space, roles, reach: fullReach };
      const expires = (payload.exp as number) * 1000;
      if (verified.size >= VERIFIED_TOKEN_ENTRIES) verified.delete(verified.keys().next().value!);
      verified.set(token, { identity, until: Math.min(expires, Date.now() + VERIFIED_TOKEN_TTL_MS) });
      return copy(identity);
    } catch {
      return null;
    }
  };
}
