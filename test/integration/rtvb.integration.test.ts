import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

type Roles = NonNullable<ProcedureInput<'steering.update'>['roles']>;

/**
 * Issue 14 point 4, RTVB in full: tasks, responsibilities and authorities per role; a GR's roles per member
 * municipality, validated against the region's members; and the portfolio-holder check across agreements finding a
 * member's GR eigenaar (seeded: Harderwijk's is Wethouder K. Hendriks) and an eigenaar of any agreement through the
 * indexes. The tests build on each other.
 */
describe('RTVB in full (SPEC §4.2)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const as = (user: string) => api.token(user);
  const steering = async (agreementId: string, user = 'harderwijk.contractmanager') =>
    (await api.query('steering.get', { agreementId }, await as(user))).body.result.data;
  const conflicts = async (user: string) =>
    (await api.query('steering.conflicts', {}, await as(user))).body.result.data.items as {
      portfolioHolder: string;
      reason: string;
      client: { agreementId: string; role: string; member?: string };
      owner: { agreementId: string; role: string; member?: string; memberName?: string };
    }[];
  const update = async (agreementId: string, roles: Roles, user = 'harderwijk.inkoper') => {
    const { version } = await steering(agreementId, user);
    return api.mutate('steering.update', { agreementId, expectedVersion: version, roles }, await as(user));
  };
  async function contract(reference: string, roles: Roles): Promise<string> {
    const token = await as('harderwijk.inkoper');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference,
        title: `Werk ${reference}`,
        domain: 'participation',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
      token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.result.data.id as string;
    const saved = await update(id, roles);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return id;
  }
  /** The GR's index entry of one member: in the GR's collection, indexed under the member's space. */
  const memberEntry = async (member: string) =>
    (
      await api.db.doc.send(
        new GetCommand({
          TableName: api.db.tableName,
          Key: { pk: 'RGNOORDVELUWE#AGR#rnv-gr-01', sk: `GRROLES#${member}` },
          ConsistentRead: true,
        }),
      )
    ).Item;

  it('stores tasks, responsibilities and authorities, and lists a GR’s members to take roles for', async () => {
    const dvo = await steering('erm-dvo-2026', 'ermelo.viewer');
    expect(dvo.roles.opdrachtgever).toMatchObject({
      portfolioHolder: 'Wethouder R. Jansen',
      authorities: [
        { what: 'Meerwerk binnen het plafond opdragen', maxAmountCents: 2_500_000 },
        { what: expect.any(String) },
      ],
    });
    expect(dvo.grMembers).toEqual([]);
    const gr = await steering('rnv-gr-01');
    expect(gr.grMembers).toEqual([
      { space: 'GM0233', name: 'Gemeente Ermelo' },
      { space: 'GM0243', name: 'Gemeente Harderwijk' },
      { space: 'GM0050', name: 'Gemeente Zeewolde' },
    ]);
    expect(gr.roles.members.map((m: { space: string }) => m.space)).toEqual(['GM0233', 'GM0243', 'GM0050']);
    // The same-portfolio-holder rule per member: none of the seeded members clashes, the GR itself does.
    expect(gr.warnings).toEqual([
      { code: 'owner_and_client_same_portfolio_holder', portfolioHolder: 'Wethouder M. Bakker' },
    ]);
    expect(await memberEntry('GM0243')).toMatchObject({
      gsi3pk: 'GM0243#PH#wethouder k hendriks',
      gsi4pk: 'GM0243#PHOWNERS',
      gsi2pk: 'GM0243#PH#wethouder e post',
    });
  });

  it('finds a member’s GR eigenaar who is opdrachtgever of the member’s own agreement, for that member only', async () => {
    expect(await conflicts('harderwijk.contractmanager')).toEqual([]);
    const id = await contract('HDW-WERK-RTVB', {
      opdrachtgever: { name: 'Team Werk', portfolioHolder: 'wethouder K.  Hendriks' },
    });
    const found = await conflicts('harderwijk.contractmanager');
    expect(found).toEqual([
      expect.objectContaining({
        portfolioHolder: 'wethouder K.  Hendriks',
        reason: 'client_and_owner',
        client: expect.objectContaining({ agreementId: id, role: 'opdrachtgever' }),
        owner: expect.objectContaining({
          agreementId: 'rnv-gr-01',
          role: 'eigenaar',
          member: 'GM0243',
          memberName: 'Gemeente Harderwijk',
        }),
      }),
    ]);
    // Ermelo shares the region but not Harderwijk's roles or agreements: it keeps the seed's one conflict.
    const ermelo = await conflicts('ermelo.viewer');
    expect(ermelo.map((c) => [c.client.agreementId, c.owner.member])).toEqual([['erm-dvo-2026', 'GM0233']]);
  });

  it('counts an eigenaar of an agreement that is no GR', async () => {
    const owned = await contract('HDW-EIG-RTVB', {
      eigenaar: { name: 'College van B&W', portfolioHolder: 'Wethouder T. Groen' },
    });
    const client = await contract('HDW-OG-RTVB', {
      opdrachtgever: { name: 'Team Zorg', portfolioHolder: 'Wethouder T. Groen' },
    });
    const found = await conflicts('harderwijk.contractmanager');
    expect(
      found.map((c) => [c.client.agreementId, c.owner.agreementId, c.owner.member ?? null]),
    ).toContainEqual([client, owned, null]);
    expect(found).toHaveLength(2);
  });

  it('refuses a non-member, per-member roles on another agreement and lists over their bound, writing nothing', async () => {
    const before = await steering('rnv-gr-01');
    const refusals: [Roles, number, string | undefined][] = [
      [
        { ...before.roles, members: [...before.roles.members, { space: 'GM0344' }] },
        400,
        'steering.notMember',
      ],
      [{ ...before.roles, members: [{ space: 'GM0243' }, { space: 'GM0243' }] }, 400, 'steering.memberTwice'],
      [
        {
          ...before.roles,
          eigenaar: {
            name: 'Lid AB',
            authorities: Array.from({ length: 11 }, () => ({ what: 'Besluiten' })),
          },
        },
        400,
        undefined,
      ],
      [{ ...before.roles, opdrachtgever: { name: 'AO', tasks: ['x'.repeat(301)] } }, 400, undefined],
    ];
    for (const [roles, status, reason] of refusals) {
      const response = await update('rnv-gr-01', roles);
      expect(response.status, JSON.stringify(roles).slice(0, 80)).toBe(status);
      if (reason) expect(response.body.error.data.reason).toBe(reason);
    }
    const notMember = await update('rnv-gr-01', {
      ...before.roles,
      members: [...before.roles.members, { space: 'GM0344', eigenaar: { name: 'X', portfolioHolder: 'Y' } }],
    });
    expect(notMember.body.error.data.issues).toEqual([
      expect.objectContaining({ path: 'roles.members.3.space', reason: 'steering.notMember' }),
    ]);
    const nonGr = await update('hdw-jh-2026', { members: [{ space: 'GM0243' }] });
    expect(nonGr.status).toBe(400);
    expect(nonGr.body.error.data.reason).toBe('steering.membersOnlyForGr');
    // Nothing changed: the same version and roles, and no index entry in the outsider's space.
    const after = await steering('rnv-gr-01');
    expect(after.version).toBe(before.version);
    expect(after.roles).toEqual(before.roles);
    expect(await memberEntry('GM0344')).toBeUndefined();
    expect((await steering('hdw-jh-2026')).version).toBe(0);
  });

  it('lets a member write only its own row of a GR’s roles (region rule 4), writing nothing else', async () => {
    type Row = { space: string; eigenaar?: { name: string; portfolioHolder?: string } };
    const before = await steering('rnv-gr-01');
    const rows = before.roles.members as Row[];
    const withRow = (space: string, eigenaar: Row['eigenaar']) =>
      rows.map((m) => (m.space === space ? { ...m, eigenaar } : m));
    const refusals: [string, Roles][] = [
      ['another member’s row', { ...before.roles, members: withRow('GM0233', { name: 'Iemand anders' }) }],
      ['the GR’s own eigenaar', { ...before.roles, eigenaar: { name: 'Gekaapt bestuur' } }],
      ['the contacts', { ...before.roles, contacts: [] }],
    ];
    for (const [what, roles] of refusals) {
      const response = await update('rnv-gr-01', roles, 'harderwijk.contractmanager');
      expect(response.status, what).toBe(403);
      expect(response.body.error.data.reason, what).toBe('steering.memberOwnRowOnly');
    }
    expect((await steering('rnv-gr-01')).version).toBe(before.version);
    const own = await update(
      'rnv-gr-01',
      {
        ...before.roles,
        members: withRow('GM0243', {
          name: 'Wethouder K. Hendriks',
          portfolioHolder: 'Wethouder K. Hendriks',
        }),
      },
      'harderwijk.contractmanager',
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const after = await steering('rnv-gr-01');
    expect(after.version).toBe(before.version + 1);
    expect(after.roles.members.find((m: Row) => m.space === 'GM0233')).toEqual(
      rows.find((m) => m.space === 'GM0233'),
    );
  });

  it('takes a member’s index entry away with its roles, and the conflict with it', async () => {
    const before = await steering('rnv-gr-01');
    const saved = await update('rnv-gr-01', {
      ...before.roles,
      members: before.roles.members.filter((m: { space: string }) => m.space !== 'GM0243'),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await memberEntry('GM0243')).toBeUndefined();
    expect(await memberEntry('GM0233')).toBeDefined();
    const found = await conflicts('harderwijk.contractmanager');
    expect(found.map((c) => c.owner.member ?? null)).toEqual([null]);
    // The owner list of Harderwijk's space holds its own agreement's eigenaar only now.
    const owners = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :pk',
        ExpressionAttributeValues: { ':pk': 'GM0243#PHOWNERS' },
      }),
    );
    expect(owners.Items?.map((i) => i.gsi4sk)).toEqual([expect.stringMatching(/^wethouder t groen#/)]);
  });
});
