import { type User, UserManager, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';
import { logout, renew } from './auth';
import { type CognitoConfig, callbackUrl } from './cognito';

/**
 * Sign-in through Cognito with oidc-client-ts (issue 17 point 4): the authorization code flow with PKCE, and the
 * session kept alive with the refresh token before the ID token expires. Loaded only in Cognito mode (a chunk of
 * its own, never in the first load). The API still receives only the ID token (`lib/auth.ts`); the library keeps
 * its user (ID, access and refresh tokens) in this tab's sessionStorage and the sign-in state there too, so a
 * callback only completes in the tab that started it (no login CSRF).
 */
export function oidcSettings(config: CognitoConfig, origin: string, storage: Storage): UserManagerSettings {
  const store = new WebStorageStateStore({ store: storage });
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: callbackUrl(origin),
    post_logout_redirect_uri: `${origin}/login`,
    response_type: 'code',
    scope: 'openid email profile',
    // Cognito's sign-in domain serves no discovery document: its OAuth endpoints, named here.
    metadata: {
      issuer: config.authority,
      authorization_endpoint: `${config.authority}/oauth2/authorize`,
      token_endpoint: `${config.authority}/oauth2/token`,
      revocation_endpoint: `${config.authority}/oauth2/revoke`,
      userinfo_endpoint: `${config.authority}/oauth2/userInfo`,
    },
    loadUserInfo: false,
    monitorSession: false,
    // Renew with the refresh token two minutes before the tokens expire (Cognito: one hour; the refresh token
    // lasts a day, infra/lib/stacks/auth-stack.ts).
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 120,
    userStore: store,
    stateStore: store,
  };
}

let current: { key: string; manager: UserManager } | null = null;

function managerFor(config: CognitoConfig): UserManager {
  const key = `${config.authority} ${config.clientId}`;
  if (current?.key === key) return current.manager;
  const manager = new UserManager(oidcSettings(config, window.location.origin, sessionStorage));
  // A renewed session: the same user, a new ID token for the API.
  manager.events.addUserLoaded((user) => {
    if (user.id_token) renew(user.id_token);
  });
  current = { key, manager };
  return manager;
}

/** Off to Cognito's sign-in page; `next` comes back with the user. */
export async function beginSignIn(config: CognitoConfig, next: string): Promise<void> {
  await managerFor(config).signinRedirect({ state: { next } });
}

export type CallbackResult = { ok: true; idToken: string; next: string | null } | { ok: false };

/** On `/auth/callback`: the state must be one this tab sent; the code is exchanged with its PKCE verifier once. */
export async function completeSignIn(config: CognitoConfig): Promise<CallbackResult> {
  try {
    const user = await managerFor(config).signinRedirectCallback();
    const next = (user.state as { next?: unknown } | undefined)?.next;
    if (!user.id_token) return { ok: false };
    return { ok: true, idToken: user.id_token, next: typeof next === 'string' ? next : null };
  } catch {
    return { ok: false };
  }
}

/**
 * After a reload in a signed-in tab: arms the renewal timer again; tokens that expired meanwhile (a sleeping
 * laptop) are renewed at once with the refresh token, and when that fails the session has ended.
 */
export async function resumeSession(config: CognitoConfig): Promise<void> {
  const manager = managerFor(config);
  const user: User | null = await manager.getUser();
  if (!user) return;
  if (!user.expired) {
    if (user.id_token) renew(user.id_token);
    return;
  }
  try {
    await manager.signinSilent();
  } catch {
    await manager.removeUser();
    logout('expired');
  }
}

/** Signing out: the refresh token is revoked at Cognito (best effort) and forgotten here. */
export async function endSession(config: CognitoConfig): Promise<void> {
  const manager = managerFor(config);
  await manager.revokeTokens(['refresh_token']).catch(() => undefined);
  await manager.removeUser();
}
