/**
 * Cognito's managed sign-in pages. Sign-in itself — the authorization code flow with PKCE for a public client (no
 * secret in a browser) and the renewal with the refresh token — is oidc-client-ts's work (`lib/oidc.ts`, loaded on
 * demand). The ID token is what the API verifies (its `aud` is the client id).
 */
export interface CognitoConfig {
  authority: string;
  clientId: string;
}

export const callbackUrl = (origin: string) => `${origin}/auth/callback`;

/** Cognito's own logout endpoint (not OpenID's end-session: it takes `logout_uri`). */
export function logoutUrl(config: CognitoConfig, origin: string): string {
  const params = new URLSearchParams({ client_id: config.clientId, logout_uri: `${origin}/login` });
  return `${config.authority}/logout?${params}`;
}
