import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { freePort } from '@regie/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 6: the web app signs in through Cognito's managed pages with the authorization code flow and PKCE when
 * its `/config.json` says so (as the web stack deploys it). Cognito is played by a small OAuth server here that
 * checks what Cognito checks — client id, redirect URI, S256 challenge against the verifier, single-use codes —
 * and hands out a token the local API accepts (the dev issuer's, for ermelo.contractmanager). Issue 17: the app
 * (oidc-client-ts) renews the session with the refresh token before it expires and revokes it on signing out.
 */
describe('sign-in through Cognito (code flow with PKCE)', () => {
  let session: BrowserSession;
  let page: Page;
  let cognito: Server;
  let authority: string;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const clientId = 'regie-web-client';
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const seen: string[] = [];
  const grants: string[] = [];
  const refreshTokens = new Set<string>();
  const revoked: string[] = [];
  /** The first sign-in's tokens expire in 125 s, so the app renews them 120 s early: 5 s after signing in. */
  const FIRST_EXPIRY_S = 125;

  beforeAll(async () => {
    const port = await freePort();
    authority = `http://127.0.0.1:${port}`;
    cognito = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', authority);
      seen.push(url.pathname);
      if (req.method === 'GET' && url.pathname === '/oauth2/authorize') {
        const p = url.searchParams;
        const redirectUri = p.get('redirect_uri') ?? '';
        if (
          p.get('response_type') !== 'code' ||
          p.get('client_id') !== clientId ||
          p.get('code_challenge_method') !== 'S256' ||
          redirectUri !== `${webUrl}/auth/callback` ||
          !p.get('scope')?.split(' ').includes('openid')
        ) {
          res.writeHead(400).end('invalid_request');
          return;
        }
        const code = randomBytes(12).toString('hex');
        codes.set(code, { challenge: p.get('code_challenge') ?? '', redirectUri });
        res.writeHead(302, { location: `${redirectUri}?code=${code}&state=${p.get('state')}` }).end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/oauth2/token') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const form = new URLSearchParams(body);
        const cors = { 'access-control-allow-origin': webUrl, 'content-type': 'application/json' };
        const issue = async () => {
          const issued = await fetch(`${apiUrl}/dev/token`, {
            method: 'POST',
            body: JSON.stringify({ user: 'ermelo.contractmanager' }),
          });
          return ((await issued.json()) as { token: string }).token;
        };
        grants.push(form.get('grant_type') ?? '');
        if (form.get('grant_type') === 'refresh_token') {
          // A refresh keeps the session: the same user, new ID and access tokens, no new refresh token.
          if (form.get('client_id') !== clientId || !refreshTokens.has(form.get('refresh_token') ?? '')) {
            res.writeHead(400, cors).end('{"error":"invalid_grant"}');
            return;
          }
          res.writeHead(200, cors).end(
            JSON.stringify({
              id_token: await issue(),
              access_token: 'unused-2',
              token_type: 'Bearer',
              expires_in: 3600,
            }),
          );
          return;
        }
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // a code is used once
        const verifier = form.get('code_verifier') ?? '';
        if (
          !grant ||
          form.get('grant_type') !== 'authorization_code' ||
          form.get('client_id') !== clientId ||
          form.get('redirect_uri') !== grant.redirectUri ||
          createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
        ) {
          res.writeHead(400, cors).end('{"error":"invalid_grant"}');
          return;
        }
        const refreshToken = randomBytes(16).toString('hex');
        refreshTokens.add(refreshToken);
        res.writeHead(200, cors).end(
          JSON.stringify({
            id_token: await issue(),
            access_token: 'unused',
            refresh_token: refreshToken,
            token_type: 'Bearer',
            expires_in: FIRST_EXPIRY_S,
          }),
        );
        return;
      }
      if (req.method === 'POST' && url.pathname === '/oauth2/revoke') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const form = new URLSearchParams(body);
        const token = form.get('token') ?? '';
        const ok = form.get('client_id') === clientId && refreshTokens.delete(token);
        if (ok) revoked.push(token);
        res.writeHead(ok ? 200 : 400, { 'access-control-allow-origin': webUrl }).end();
        return;
      }
      if (req.method === 'GET' && url.pathname === '/logout') {
        const ok = url.searchParams.get('client_id') === clientId;
        res
          .writeHead(ok ? 302 : 400, ok ? { location: url.searchParams.get('logout_uri') ?? '/' } : {})
          .end();
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => cognito.listen(port, '127.0.0.1', resolve));
    session = await openSession(webUrl);
    page = session.page;
    // The deployed app's config.json, as the web stack writes it.
    await page.route(`${webUrl}/config.json`, (route) =>
      route.fulfill({ json: { signIn: { mode: 'cognito', authority, clientId } } }),
    );
  });
  afterAll(async () => {
    await session?.close();
    cognito?.close();
  });

  it('offers the organisation sign-in instead of test users, accessibly', async () => {
    await page.goto(`${webUrl}/login`);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
    expect(await page.getByTestId('login-ermelo.inkoper').count()).toBe(0);
    await session.expectAccessible('Inloggen via Cognito');
  });

  it('signs in through the authorize and token endpoints and lands where the user was going', async () => {
    await page.goto(`${webUrl}/deadlines`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Termijnen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/deadlines');
    expect(seen).toEqual(expect.arrayContaining(['/oauth2/authorize', '/oauth2/token']));
    await expect.poll(() => page.locator('.regie-user').innerText()).toContain('Gemeente Ermelo');
  });

  it('renews the session with the refresh token before it expires, without leaving the page', async () => {
    const token = () => page.evaluate<string | null>("sessionStorage.getItem('regie.token')");
    const first = await token();
    expect(first).toBeTruthy();
    await expect.poll(() => grants, { timeout: 20_000 }).toContain('refresh_token');
    await expect.poll(token, { timeout: 5_000 }).not.toBe(first);
    // Still on the same page and signed in; the API takes the renewed token.
    expect(new URL(page.url()).pathname).toBe('/deadlines');
    await page.getByRole('link', { name: 'Contractregister', exact: true }).first().click();
    await page.getByTestId('register-table').waitFor();
    expect(grants.filter((g) => g === 'authorization_code')).toHaveLength(1);
  });

  it('refuses a callback whose state this tab did not send', async () => {
    await page.goto(`${webUrl}/auth/callback?code=stolen&state=forged`);
    await page.getByRole('heading', { name: 'Inloggen is niet gelukt' }).waitFor();
    await session.expectAccessible('Mislukte inlogpoging');
  });

  it('signs out at Cognito too and comes back to the login page', async () => {
    await page.goto(`${webUrl}/register`); // still signed in: a forged callback does not end a session
    await page.getByTestId('register-table').waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${webUrl}/login`);
    expect(seen.at(-1)).toBe('/logout');
    // The refresh token was revoked at Cognito first, and nothing of the session is left in the tab.
    expect(revoked).toHaveLength(1);
    expect(
      await page.evaluate<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.'))"),
    ).toEqual([]);
    await page.getByText('U bent uitgelogd.').waitFor();
  });
});
