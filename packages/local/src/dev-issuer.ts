import { createTokenVerifier, type DevAuth, type TokenVerifier } from '@regie/api';
import { rolesFitSpace, spaceKind } from '@regie/core';
import { type Db, readLogin, readSpace, readUser } from '@regie/db';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { SEED_USERS } from './seed.ts';

export const DEV_ISSUER = 'https://regie.local/dev-issuer';
export const DEV_AUDIENCE = 'regie-web';

/**
 * The local stand-in for Cognito: its own key pair and JWKS, tokens for the seed users and for people invited
 * locally, who sign in with their e-mail address (the login item written by accounts-local.ts). Roles and
 * reach are read from the database at issue time (roles are data), then travel only inside the signed
 * token. The API verifies these tokens through the same `createTokenVerifier` as in AWS.
 */
export async function createDevIssuer(
  db: Db,
): Promise<{ dev: DevAuth; verifyToken: TokenVerifier; publicJwks: { keys: Record<string, unknown>[] } }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'dev-1', alg: 'ES256', use: 'sig' };
  const verifyToken = createTokenVerifier({
    jwks: createLocalJWKSet({ keys: [jwk] }),
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
  });

  const dev: DevAuth = {
    async listUsers() {
      return SEED_USERS.map((u) => ({
        key: u.key,
        name: u.name,
        organisation: u.organisationName,
        roles: u.roles,
      }));
    },
    async issueToken(userKeyOrEmail) {
      const seed = SEED_USERS.find((u) => u.key === userKeyOrEmail);
      const login = seed || !userKeyOrEmail.includes('@') ? null : await readLogin(db, userKeyOrEmail);
      const home = seed ?? login;
      if (!home) return null;
      const user = await readUser(db, home.space, home.key);
      // A disabled user gets no token (the Cognito trigger refuses them the same way, functions/auth/claims.ts).
      if (!user || user.disabled) return null;
      // The same rule as the Cognito trigger (functions/auth/claims.ts): roles must fit the space's kind.
      if (!rolesFitSpace(spaceKind(user.space), user.roles)) return null;
      const space = await readSpace(db, user.space);
      const reach = [user.space, ...(space?.memberOf ?? [])];
      return new SignJWT({ token_use: 'id', name: user.name, space: user.space, roles: user.roles, reach })
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-1' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(user.key)
        .setIssuedAt()
        .setExpirationTime('8h')
        .sign(privateKey);
    },
  };
  return { dev, verifyToken, publicJwks: { keys: [jwk] } };
}
