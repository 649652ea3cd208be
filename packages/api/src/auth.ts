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

/** One verification path for local and AWS: signature, issuer, audience, expiry, then the claims' shape. */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, options.jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['ES256', 'RS256'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return null;
      const { sub, name, space, roles, reach } = claims.data;
      // The home space is always in reach, and nothing else is unless the token says so.
      const fullReach = reach.includes(space) ? reach : [space, ...reach];
      return { user: sub, name: name ?? sub, space, roles, reach: fullReach };
    } catch {
      return null;
    }
  };
}
