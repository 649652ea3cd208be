import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, beginSignIn, codeChallenge, completeSignIn, logoutUrl } from './cognito';
import { parseConfig } from './runtime-config';

const config = { authority: 'https://regie-dev.auth.eu-central-1.amazoncognito.com', clientId: 'client123' };
const origin = 'https://regie.example.nl';

/** sessionStorage as the browser has it, for the unit tier's Node environment. */
beforeEach(() => {
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  });
});
afterEach(() => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
});

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('asks for the code flow with S256, the callback on this origin and the OpenID scopes', () => {
    const url = new URL(authorizeUrl(config, { origin, state: 's1', challenge: 'c1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${config.authority}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://regie.example.nl/auth/callback',
      scope: 'openid email profile',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
    expect(logoutUrl(config, origin)).toBe(
      `${config.authority}/logout?client_id=client123&logout_uri=https%3A%2F%2Fregie.example.nl%2Flogin`,
    );
  });
});

describe('the callback', () => {
  it('exchanges the code with the verifier whose challenge it sent, once', async () => {
    const url = new URL(await beginSignIn(config, origin, '/deadlines'));
    const state = url.searchParams.get('state')!;
    const challenge = url.searchParams.get('code_challenge')!;
    let sent: URLSearchParams | null = null;
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      sent = new URLSearchParams(String(init.body));
      return new Response(JSON.stringify({ id_token: 'id.token.here', access_token: 'x' }), { status: 200 });
    }) as unknown as typeof fetch;
    const result = await completeSignIn(
      config,
      origin,
      new URLSearchParams({ code: 'abc', state }),
      fetchImpl,
    );
    expect(result).toEqual({ ok: true, idToken: 'id.token.here', next: '/deadlines' });
    expect(sent!.get('grant_type')).toBe('authorization_code');
    expect(sent!.get('redirect_uri')).toBe('https://regie.example.nl/auth/callback');
    expect(await codeChallenge(sent!.get('code_verifier')!)).toBe(challenge);
    // The attempt is used up: the same callback again fails.
    expect(
      await completeSignIn(config, origin, new URLSearchParams({ code: 'abc', state }), fetchImpl),
    ).toEqual({
      ok: false,
      reason: 'state',
    });
  });

  it('refuses a callback with another state (login CSRF) without calling the token endpoint', async () => {
    await beginSignIn(config, origin, '/register');
    let called = false;
    const fetchImpl = (async () => {
      called = true;
      return new Response('{}');
    }) as unknown as typeof fetch;
    const result = await completeSignIn(
      config,
      origin,
      new URLSearchParams({ code: 'abc', state: 'forged' }),
      fetchImpl,
    );
    expect(result).toEqual({ ok: false, reason: 'state' });
    expect(called).toBe(false);
  });

  it('fails cleanly when the token endpoint refuses the code', async () => {
    const url = new URL(await beginSignIn(config, origin, '/register'));
    const fetchImpl = (async () =>
      new Response('{"error":"invalid_grant"}', { status: 400 })) as unknown as typeof fetch;
    const result = await completeSignIn(
      config,
      origin,
      new URLSearchParams({ code: 'abc', state: url.searchParams.get('state')! }),
      fetchImpl,
    );
    expect(result).toEqual({ ok: false, reason: 'token' });
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
