/**
 * Sign-in through Cognito's managed pages: the OAuth 2.0 authorization code flow with PKCE (RFC 7636) for a
 * public client (no secret in a browser). The ID token is what the API verifies (its `aud` is the client id).
 * Per attempt a random verifier and state are kept in sessionStorage until the callback, then removed.
 */
const PENDING_KEY = 'regie.signIn';

export interface CognitoConfig {
  authority: string;
  clientId: string;
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** S256: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export const callbackUrl = (origin: string) => `${origin}/auth/callback`;

export function authorizeUrl(
  config: CognitoConfig,
  options: { origin: string; state: string; challenge: string },
): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: callbackUrl(options.origin),
    scope: 'openid email profile',
    state: options.state,
    code_challenge: options.challenge,
    code_challenge_method: 'S256',
  });
  return `${config.authority}/oauth2/authorize?${params}`;
}

export function logoutUrl(config: CognitoConfig, origin: string): string {
  const params = new URLSearchParams({ client_id: config.clientId, logout_uri: `${origin}/login` });
  return `${config.authority}/logout?${params}`;
}

interface Pending {
  state: string;
  verifier: string;
  next: string;
}

/** Starts a sign-in: remembers verifier, state and where to go afterwards, and returns the URL to go to. */
export async function beginSignIn(config: CognitoConfig, origin: string, next: string): Promise<string> {
  const pending: Pending = { state: randomToken(16), verifier: randomToken(32), next };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizeUrl(config, {
    origin,
    state: pending.state,
    challenge: await codeChallenge(pending.verifier),
  });
}

export type CallbackResult = { ok: true; idToken: string; next: string } | { ok: false; reason: string };

/**
 * Finishes a sign-in on `/auth/callback`: the state must be the one this tab sent (no login CSRF), then the code
 * is exchanged with the verifier for tokens. The pending attempt is used once.
 */
export async function completeSignIn(
  config: CognitoConfig,
  origin: string,
  search: URLSearchParams,
  fetchImpl: typeof fetch = fetch,
): Promise<CallbackResult> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (search.get('error')) return { ok: false, reason: search.get('error') ?? 'error' };
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  const code = search.get('code');
  if (!pending || !code || search.get('state') !== pending.state) return { ok: false, reason: 'state' };
  const response = await fetchImpl(`${config.authority}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: callbackUrl(origin),
      code_verifier: pending.verifier,
    }),
  }).catch(() => null);
  if (!response?.ok) return { ok: false, reason: 'token' };
  const body = (await response.json().catch(() => null)) as { id_token?: unknown } | null;
  if (typeof body?.id_token !== 'string') return { ok: false, reason: 'token' };
  return { ok: true, idToken: body.id_token, next: pending.next };
}
