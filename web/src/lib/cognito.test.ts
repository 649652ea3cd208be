import { OidcClient } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logoutUrl } from './cognito';
import { oidcSettings } from './oidc';
import { parseConfig, parseFeedOrigin } from './runtime-config';

const config = { authority: 'https://regie-dev.auth.eu-central-1.amazoncognito.com', clientId: 'client123' };
const origin = 'https://regie.example.nl';

/** sessionStorage as the browser has it, for the unit tier's Node environment. */
let store = new Map<string, string>();
beforeEach(() => {
  store = new Map<string, string>();
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
    },
  });
});
afterEach(() => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
});

describe('sign-in with oidc-client-ts', () => {
  const settings = () => oidcSettings(config, origin, sessionStorage);

  it('asks Cognito for the code flow with an S256 challenge, the callback on this origin and the OpenID scopes', async () => {
    const client = new OidcClient(settings());
    const request = await client.createSigninRequest({ state: { next: '/deadlines' } });
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${config.authority}/oauth2/authorize`);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(config.clientId);
    expect(p.get('redirect_uri')).toBe(`${origin}/auth/callback`);
    expect(p.get('scope')?.split(' ')).toEqual(['openid', 'email', 'profile']);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // The verifier and state wait in this tab's storage for the callback.
    expect(JSON.stringify([...store.values()])).toContain(p.get('state'));
  });

  it('renews with the refresh token before expiry, keeps everything in this tab and loads no user info', () => {
    const s = settings();
    expect(s.automaticSilentRenew).toBe(true);
    expect(s.accessTokenExpiringNotificationTimeInSeconds).toBeGreaterThanOrEqual(60);
    expect(s.loadUserInfo).toBe(false);
    expect(s.metadata?.token_endpoint).toBe(`${config.authority}/oauth2/token`);
    expect(s.metadata?.revocation_endpoint).toBe(`${config.authority}/oauth2/revoke`);
  });

  it("signs out at Cognito's own logout endpoint, back to the login page", () => {
    const url = new URL(logoutUrl(config, origin));
    expect(`${url.origin}${url.pathname}`).toBe(`${config.authority}/logout`);
    expect(url.searchParams.get('client_id')).toBe(config.clientId);
    expect(url.searchParams.get('logout_uri')).toBe(`${origin}/login`);
  });
});

describe('runtime configuration', () => {
  it('signs in through Cognito only with a complete, well-formed configuration', () => {
    expect(parseConfig({ signIn: { mode: 'cognito', ...config } })).toEqual({ mode: 'cognito', ...config });
    expect(
      parseConfig({ signIn: { mode: 'cognito', authority: 'javascript:alert(1)', clientId: 'x' } }),
    ).toEqual({
      mode: 'dev',
    });
    expect(parseConfig({ signIn: { mode: 'cognito', authority: config.authority } })).toEqual({
      mode: 'dev',
    });
    expect(parseConfig(null)).toEqual({ mode: 'dev' });
  });
});

describe('the iCal feeds origin', () => {
  const app = 'https://app.example';
  it('takes the feed distribution from the configuration, else the app itself', () => {
    expect(parseFeedOrigin({ feedOrigin: 'https://d123.cloudfront.net' }, app)).toBe(
      'https://d123.cloudfront.net',
    );
    expect(parseFeedOrigin({ signIn: { mode: 'dev' } }, app)).toBe(app);
    expect(parseFeedOrigin(null, app)).toBe(app);
  });
  it('ignores anything but a plain https origin', () => {
    for (const feedOrigin of ['http://d1.cloudfront.net', 'https://evil.example/path', 'javascript:x', 42]) {
      expect(parseFeedOrigin({ feedOrigin }, app)).toBe(app);
    }
  });
});
