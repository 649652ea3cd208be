import { loadRouters } from '@regie/api';
import { LIFECYCLES, visibleToParties } from '@regie/core';
import { SEED_AGREEMENTS, SEED_SPACES, SEED_USERS } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { MATRIX, type Target } from '../support/matrix.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * SPEC §9 isolation: every procedure of the router, called as every seed user against objects of
 * spaces outside that user's visibility: zero leaks, zero changes. A procedure missing from MATRIX, or
 * without a role declaration, fails this test.
 */

type Foreign = Target;

/** The same call aimed at an object or space that does not exist. */
function ghostOf(input: unknown, target: Foreign): unknown {
  return JSON.parse(
    JSON.stringify(input ?? null)
      .replaceAll(`"${target.id}"`, '"ghost-0000"')
      .replaceAll(`"${target.space}"`, '"GM9999"'),
  );
}

/** The status a seed agreement ends in (a subsidy's decisions, made by the seed's own steps, keep it visible). */
const seededStatus = (a: (typeof SEED_AGREEMENTS)[number]) =>
  a.path.at(-1)?.[0] ?? LIFECYCLES[a.input.kind].initial;

/**
 * What each seed user may see: its home space and regions; a provider only its party views, which exist only once
 * the owner offered the agreement (a draft is internal: issue 11 point 2), so a party's draft is foreign to it.
 */
function visibleTo(user: (typeof SEED_USERS)[number]) {
  const home = SEED_SPACES.find((s) => s.space === user.space)!;
  const reach = new Set([home.space, ...(home.memberOf ?? [])]);
  return (a: (typeof SEED_AGREEMENTS)[number]) => {
    const space = a.input.space ?? SEED_USERS.find((u) => u.key === a.by)!.space;
    if (home.kind === 'provider') {
      const org = home.space === 'PV81234567' ? 'org-kompas' : 'org-wijkracht';
      return (
        (a.input.parties ?? []).some((p) => p.organisationId === org) &&
        visibleToParties({ kind: a.input.kind, status: seededStatus(a) })
      );
    }
    return reach.has(space);
  };
}

/** Calls of one user in progress at once: the API's per-space allowance while a space is alone. */
const IN_FLIGHT = 4;

describe('isolation matrix', () => {
  let api: TestApi;
  const counts = { calls: 0, procedures: 0, users: SEED_USERS.length };

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(async () => {
    await api.close();
    console.info(
      `isolation matrix: ${counts.procedures} procedures × ${counts.users} users, ${counts.calls} calls`,
    );
  });

  it('covers every procedure of the router, each with a role declaration', async () => {
    const procedures = (await loadRouters())._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { roles?: string[] } } }
    >;
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const [path, procedure] of Object.entries(procedures)) {
      expect(procedure._def.meta?.roles?.length, `${path} declares no roles`).toBeGreaterThan(0);
    }
  });

  it('gives no seed user anything of another space, and changes nothing', async () => {
    const before = await tableFingerprint(api.db);
    counts.procedures = Object.keys(MATRIX).length;
    for (const user of SEED_USERS) {
      const token = await api.token(user.key);
      const visible = visibleTo(user);
      const foreign: Foreign[] = SEED_AGREEMENTS.filter((a) => !visible(a)).map((a) => ({
        id: a.id,
        space: a.input.space ?? SEED_USERS.find((u) => u.key === a.by)!.space,
        reference: a.input.reference,
        kind: a.input.kind,
        status: seededStatus(a),
      }));
      expect(foreign.length, `${user.key} should have foreign objects to try`).toBeGreaterThan(0);
      const secrets = foreign.flatMap((f) => [f.id, f.reference]);
      // One task per call (and its ghost); a user's tasks run IN_FLIGHT at a time — what the API lets one space
      // have in progress while it is alone (fair-share.ts), so nothing waits in its queue or is turned away.
      const tasks = foreign.flatMap((target) =>
        Object.entries(MATRIX).flatMap(([path, calls]) =>
          calls(target).map((call) => async () => {
            counts.calls++;
            const response =
              call.type === 'query'
                ? await api.raw.query(path, call.input, token)
                : await api.raw.mutate(path, call.input, token);
            const body = JSON.stringify(response.body);
            for (const secret of secrets) {
              expect(
                body.includes(secret),
                `${user.key} ${path} ${JSON.stringify(call.input)} leaked ${secret}`,
              ).toBe(false);
            }
            expect(response.status, `${user.key} ${path} answered ${response.status}`).toBeLessThan(500);
            // A foreign object is indistinguishable from one that does not exist (SPEC §2 rule 3).
            if (call.input !== undefined) {
              const ghostInput = ghostOf(call.input, target);
              const ghost =
                call.type === 'query'
                  ? await api.raw.query(path, ghostInput, token)
                  : await api.raw.mutate(path, ghostInput, token);
              counts.calls++;
              expect(
                {
                  status: response.status,
                  message: response.body?.error?.message,
                  // The reason key and its params must not tell a foreign object from a missing one either.
                  reason: response.body?.error?.data?.reason,
                  params: response.body?.error?.data?.params,
                  items: response.body?.result?.data?.items,
                },
                `${user.key} ${path} ${JSON.stringify(call.input)} differs from a missing object`,
              ).toEqual({
                status: ghost.status,
                message: ghost.body?.error?.message,
                reason: ghost.body?.error?.data?.reason,
                params: ghost.body?.error?.data?.params,
                items: ghost.body?.result?.data?.items,
              });
            }
            if (call.type === 'mutation') {
              expect(
                [400, 403, 404],
                `${user.key} ${path} ${JSON.stringify(call.input)} → ${response.status}`,
              ).toContain(response.status);
            }
          }),
        ),
      );
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < tasks.length) await tasks[next++]!();
        }),
      );
    }
    expect(await tableFingerprint(api.db)).toEqual(before);
  }, 600_000);
});
