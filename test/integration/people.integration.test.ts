import { readSpaceChain } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiResponse, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Issue 13 point 2: the space's administrator lists, invites and changes its people; every change is audited on
 * the space's chain; a disabled user is refused everywhere (API, dev issuer, iCal feed).
 */
describe('people of a space', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const data = (response: ApiResponse) => {
    expect(response.status, JSON.stringify(response.body?.error)).toBe(200);
    return response.body.result.data;
  };
  const refusal = (response: ApiResponse) => ({
    status: response.status,
    reason: response.body?.error?.data?.reason,
  });
  /** A fresh token (the test API's `token` caches one per user; a role change shows in the next token). */
  const freshToken = async (user: string) => {
    const response = await fetch(`${api.url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) });
    return {
      status: response.status,
      token: response.ok ? ((await response.json()) as { token: string }).token : '',
    };
  };
  const listAll = async (token: string) => {
    const out: { key: string; roles: string[]; disabled: boolean; version: number; email: string | null }[] =
      [];
    let cursor: string | undefined;
    do {
      const page = data(await api.query('user.list', { limit: 2, ...(cursor ? { cursor } : {}) }, token));
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };

  it('invites, lists, changes roles, disables (refused everywhere) and re-enables a user', async () => {
    const admin = await api.token('ermelo.admin');
    const invited = data(
      await api.mutate(
        'user.invite',
        { name: 'Piet Jansen', email: 'Piet.Jansen@Ermelo.nl', roles: ['contractmanager'] },
        admin,
      ),
    );
    // Locally the login key is the e-mail address, in lower case.
    expect(invited).toEqual({ key: 'piet.jansen@ermelo.nl' });

    const listed = await listAll(admin);
    expect(listed.map((u) => u.key)).toContain('ermelo.admin');
    expect(listed.every((u) => !u.key.startsWith('harderwijk.'))).toBe(true);
    const piet = listed.find((u) => u.key === invited.key)!;
    expect(piet).toMatchObject({
      email: 'piet.jansen@ermelo.nl',
      roles: ['contractmanager'],
      disabled: false,
      version: 1,
    });
    // Seed records written before issue 13 read as active, version 1, no e-mail.
    expect(listed.find((u) => u.key === 'ermelo.viewer')).toMatchObject({
      email: null,
      disabled: false,
      version: 1,
    });

    // The invited person signs in with the e-mail address (any case) and holds the invited role.
    const first = await freshToken('PIET.JANSEN@ermelo.nl');
    expect(first.status).toBe(200);
    expect(data(await api.query('me.get', undefined, first.token))).toMatchObject({
      key: invited.key,
      space: 'GM0233',
      roles: ['contractmanager'],
    });
    const feed = data(await api.mutate('ical.create', {}, first.token));
    expect((await fetch(`${api.url}${feed.path}`)).status).toBe(200);

    // A role change takes effect at the next token.
    const changed = data(
      await api.mutate(
        'user.update',
        { key: invited.key, expectedVersion: 1, roles: ['contractmanager', 'viewer'] },
        admin,
      ),
    );
    expect(changed).toMatchObject({ roles: ['contractmanager', 'viewer'], version: 2, disabled: false });
    expect(data(await api.query('me.get', undefined, first.token)).roles).toEqual(['contractmanager']);
    const second = await freshToken(invited.key);
    expect(data(await api.query('me.get', undefined, second.token)).roles).toEqual([
      'contractmanager',
      'viewer',
    ]);

    // A stale version changes nothing.
    expect(
      refusal(
        await api.mutate('user.update', { key: invited.key, expectedVersion: 1, disabled: true }, admin),
      ),
    ).toEqual({ status: 409, reason: 'user.versionConflict' });

    // Disabled: the still valid tokens are refused, no new token, the feed is gone.
    expect(
      data(await api.mutate('user.update', { key: invited.key, expectedVersion: 2, disabled: true }, admin)),
    ).toMatchObject({ disabled: true, version: 3 });
    expect(refusal(await api.query('me.get', undefined, second.token)).status).toBe(401);
    expect((await api.mutate('ical.create', {}, first.token)).status).toBe(401);
    expect((await freshToken(invited.key)).status).toBe(404);
    expect((await fetch(`${api.url}${feed.path}`)).status).toBe(404);

    // Re-enabled: a new token works; the old feed stays dead.
    data(await api.mutate('user.update', { key: invited.key, expectedVersion: 3, disabled: false }, admin));
    const back = await freshToken(invited.key);
    expect(data(await api.query('me.get', undefined, back.token)).key).toBe(invited.key);
    expect((await fetch(`${api.url}${feed.path}`)).status).toBe(404);

    // Each change is on the space's own chain, and the chain verifies.
    const history = data(await api.query('tenant.history', undefined, admin));
    expect(history.verification.valid).toBe(true);
    const events = history.events.filter((e: { objectId: string }) => e.objectId === invited.key);
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'user.invite',
      'user.update',
      'user.update',
      'user.update',
    ]);
    expect(events[1].changes.roles).toEqual({
      before: ['contractmanager'],
      after: ['contractmanager', 'viewer'],
    });
    expect(events[2].changes.disabled).toEqual({ before: false, after: true });
    expect(events[0].actor).toBe('ermelo.admin');
  });

  it('refuses a taken e-mail address and roles that do not fit, writing nothing', async () => {
    const admin = await api.token('ermelo.admin');
    data(await api.mutate('user.invite', { name: 'Els', email: 'els@ermelo.nl', roles: ['viewer'] }, admin));
    const before = await tableFingerprint(api.db);
    expect(
      refusal(
        await api.mutate('user.invite', { name: 'Els 2', email: 'ELS@ermelo.nl', roles: ['inkoper'] }, admin),
      ),
    ).toEqual({ status: 409, reason: 'user.emailInUse' });
    // The address is taken in another space too: logins are by e-mail address.
    expect(
      refusal(
        await api.mutate(
          'user.invite',
          { name: 'Els', email: 'els@ermelo.nl', roles: ['provider_signer'] },
          await api.token('kompas.admin'),
        ),
      ),
    ).toEqual({ status: 409, reason: 'user.emailInUse' });
    expect(
      refusal(
        await api.mutate(
          'user.invite',
          { name: 'Rob', email: 'rob@ermelo.nl', roles: ['provider_signer'] },
          admin,
        ),
      ),
    ).toEqual({ status: 400, reason: 'user.rolesDoNotFit' });
    expect(
      refusal(
        await api.mutate(
          'user.invite',
          { name: 'Rob', email: 'rob@ermelo.nl', roles: ['coordinator'] },
          admin,
        ),
      ),
    ).toEqual({ status: 400, reason: 'user.rolesDoNotFit' });
    expect(
      refusal(
        await api.mutate(
          'user.update',
          { key: 'ermelo.viewer', expectedVersion: 1, roles: ['admin', 'provider_admin'] },
          admin,
        ),
      ),
    ).toEqual({ status: 400, reason: 'user.rolesDoNotFit' });
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('never leaves a space without an active admin, not even under two concurrent changes', async () => {
    const db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
    const own = await startTestApi(db);
    try {
      const ahmed = await own.token('ermelo.admin');
      const no = async (input: Record<string, unknown>) =>
        refusal(
          await own.raw.mutate('user.update', { key: 'ermelo.admin', expectedVersion: 1, ...input }, ahmed),
        );
      expect(await no({ disabled: true })).toEqual({ status: 400, reason: 'user.selfDisable' });
      expect(await no({ roles: ['viewer'] })).toEqual({ status: 409, reason: 'user.lastAdmin' });

      const second = (
        await own.mutate('user.invite', { name: 'Bo Beheer', email: 'bo@ermelo.nl', roles: ['admin'] }, ahmed)
      ).body.result.data.key as string;
      const bo = await own.token(second);
      for (let round = 0; round < 3; round++) {
        const users = (await own.query('user.list', { limit: 100 }, ahmed)).body.result.data.items as {
          key: string;
          version: number;
        }[];
        const version = (key: string) => users.find((u) => u.key === key)!.version;
        // Each takes the other's admin role away at the same moment: exactly one may win.
        const [a, b] = await Promise.all([
          own.mutate(
            'user.update',
            { key: second, expectedVersion: version(second), roles: ['viewer'] },
            ahmed,
          ),
          own.mutate(
            'user.update',
            { key: 'ermelo.admin', expectedVersion: version('ermelo.admin'), roles: ['viewer'] },
            bo,
          ),
        ]);
        const outcomes = [a, b].map((r) => r.status).sort();
        expect(outcomes, JSON.stringify([a.body, b.body])).toEqual([200, 409]);
        const lost = [a, b].find((r) => r.status === 409)!;
        expect(lost.body.error.data.reason).toBe('user.lastAdmin');
        const after = (await own.query('user.list', { limit: 100 }, a.status === 200 ? ahmed : bo)).body
          .result.data.items as { key: string; roles: string[]; disabled: boolean }[];
        const admins = after.filter((u) => u.roles.includes('admin') && !u.disabled);
        expect(admins).toHaveLength(1);
        // Restore both admins for the next round (by the one left).
        const winner = a.status === 200 ? ahmed : bo;
        const demoted = a.status === 200 ? second : 'ermelo.admin';
        const v = after.find((u) => u.key === demoted) as unknown as { version: number };
        data(
          await own.mutate(
            'user.update',
            { key: demoted, expectedVersion: v.version, roles: ['admin'] },
            winner,
          ),
        );
      }
      expect((await readSpaceChain(db, 'GM0233')).length).toBeGreaterThanOrEqual(7);
    } finally {
      await own.close();
    }
  });

  it('lets a provider admin manage its own signers and reporters only', async () => {
    const kompas = await api.token('kompas.admin');
    const users = await listAll(kompas);
    expect(users.map((u) => u.key).sort()).toEqual(['kompas.admin', 'kompas.reporter', 'kompas.signer']);
    const invited = data(
      await api.mutate(
        'user.invite',
        { name: 'Sem Signer', email: 'sem@kompas.nl', roles: ['provider_signer'] },
        kompas,
      ),
    );
    const signer = users.find((u) => u.key === 'kompas.signer')!;
    expect(
      data(
        await api.mutate(
          'user.update',
          {
            key: 'kompas.signer',
            expectedVersion: signer.version,
            roles: ['provider_signer', 'provider_reporter'],
          },
          kompas,
        ),
      ).roles,
    ).toEqual(['provider_signer', 'provider_reporter']);
    expect(
      refusal(
        await api.mutate('user.update', { key: invited.key, expectedVersion: 1, roles: ['inkoper'] }, kompas),
      ),
    ).toEqual({ status: 400, reason: 'user.rolesDoNotFit' });
    const sem = await freshToken('sem@kompas.nl');
    expect(data(await api.query('me.get', undefined, sem.token))).toMatchObject({
      space: 'PV81234567',
      roles: ['provider_signer'],
    });

    // Nothing of a municipality, and nothing of Kompas for a municipality's admin: foreign keys are NOT_FOUND.
    const before = await tableFingerprint(api.db);
    for (const key of ['ermelo.inkoper', 'ermelo.admin', 'wijkracht.signer']) {
      expect(
        refusal(await api.mutate('user.update', { key, expectedVersion: 1, disabled: true }, kompas)),
      ).toEqual({ status: 404, reason: 'user.notFound' });
    }
    const ermelo = await api.token('ermelo.admin');
    expect(
      refusal(
        await api.mutate('user.update', { key: 'kompas.signer', expectedVersion: 2, disabled: true }, ermelo),
      ),
    ).toEqual({ status: 404, reason: 'user.notFound' });
    expect((await listAll(ermelo)).some((u) => u.key.startsWith('kompas.') || u.key === invited.key)).toBe(
      false,
    );
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('gives FORBIDDEN to anyone but the space admin', async () => {
    const before = await tableFingerprint(api.db);
    for (const user of [
      'ermelo.inkoper',
      'ermelo.viewer',
      'noordveluwe.coordinator',
      'kompas.signer',
      'kompas.reporter',
    ]) {
      const token = await api.token(user);
      expect(refusal(await api.query('user.list', {}, token)), user).toEqual({
        status: 403,
        reason: 'request.forbidden',
      });
      expect(
        refusal(
          await api.mutate('user.invite', { name: 'X', email: `x-${user}@x.nl`, roles: ['viewer'] }, token),
        ),
        user,
      ).toEqual({ status: 403, reason: 'request.forbidden' });
      expect(
        refusal(await api.mutate('user.update', { key: user, expectedVersion: 1, roles: ['admin'] }, token)),
        user,
      ).toEqual({ status: 403, reason: 'request.forbidden' });
    }
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('refuses a disabled seed user a dev token', async () => {
    const admin = await api.token('ermelo.admin');
    expect((await freshToken('ermelo.viewer')).status).toBe(200);
    data(
      await api.mutate('user.update', { key: 'ermelo.viewer', expectedVersion: 1, disabled: true }, admin),
    );
    expect((await freshToken('ermelo.viewer')).status).toBe(404);
    data(
      await api.mutate('user.update', { key: 'ermelo.viewer', expectedVersion: 2, disabled: false }, admin),
    );
    expect((await freshToken('ermelo.viewer')).status).toBe(200);
    // Not a seed key and no login: nothing.
    expect((await freshToken('niemand@ermelo.nl')).status).toBe(404);
  });

  it('keeps the approver/drafter separation after a role change', async () => {
    const admin = await api.token('ermelo.admin');
    const drafter = await api.token('ermelo.inkoper');
    const draft = data(
      await api.mutate(
        'agreement.create',
        {
          kind: 'contract',
          reference: 'PEOPLE-1',
          title: 'Vervoer',
          domain: 'wmo',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          valueCeilingCents: 50_000_000,
        },
        drafter,
      ),
    );
    data(
      await api.mutate(
        'agreement.transition',
        { id: draft.id, expectedVersion: 1, to: 'in_approval' },
        drafter,
      ),
    );
    const inkoper = (await listAll(admin)).find((u) => u.key === 'ermelo.inkoper')!;
    data(
      await api.mutate(
        'user.update',
        { key: 'ermelo.inkoper', expectedVersion: inkoper.version, roles: ['inkoper', 'approver'] },
        admin,
      ),
    );
    const asApprover = await freshToken('ermelo.inkoper');
    expect(data(await api.query('me.get', undefined, asApprover.token)).roles).toEqual([
      'inkoper',
      'approver',
    ]);
    expect(
      refusal(
        await api.mutate(
          'agreement.transition',
          { id: draft.id, expectedVersion: 2, to: 'approved' },
          asApprover.token,
        ),
      ),
    ).toEqual({ status: 403, reason: 'mandate.approverIsDrafter' });
    // Another approver may.
    expect(
      (
        await api.mutate(
          'agreement.transition',
          { id: draft.id, expectedVersion: 2, to: 'approved' },
          await api.token('ermelo.approver'),
        )
      ).status,
    ).toBe(200);
  });
});
