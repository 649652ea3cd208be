import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Accounts } from '@regie/api';
import {
  type Db,
  joinRegion,
  readSpaceChain,
  readSpaceWithHead,
  readUserByEmail,
  verifySpaceChain,
} from '@regie/db';
import { createDevIssuer } from '@regie/local';
import { type AdminPort, accountsAdminPort, execute, localAdminPort } from '@regie/local/onboard';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDb } from '../support/db.ts';

/** `npm run tenant` against DynamoDB Local: the command line as the CLI runs it, on a table of its own. */
const who = { actor: 'platform:test', actorName: 'Platform onboarding (test)' };
let db: Db;

beforeAll(async () => {
  db = await createTestDb(inject('dynamoEndpoint'));
});

async function tenant(argv: string[], admins: AdminPort = localAdminPort(db, who)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await execute(argv, {
    who,
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    connect: async () => ({
      db,
      admins,
      where: 'the test table',
      signIn: (email) => `sign in with ${email}`,
      close() {},
    }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every item of the table, to prove a run wrote nothing. */
async function snapshot(): Promise<string[]> {
  const result = await db.doc.send(new ScanCommand({ TableName: db.tableName, ConsistentRead: true }));
  return (result.Items ?? []).map((item) => JSON.stringify(item)).sort();
}

async function chainOf(space: string) {
  const [events, head] = await Promise.all([readSpaceChain(db, space), readSpaceWithHead(db, space)]);
  return { actions: events.map((e) => e.action), verification: verifySpaceChain(events, head ?? {}), events };
}

const apeldoorn = [
  'create',
  '--code',
  'GM0200',
  '--name',
  'Gemeente Apeldoorn',
  '--admin',
  'Beheer@Apeldoorn.nl',
  '--admin-name',
  'Anna Beheerder',
  '--region',
  'RGVELUWE',
];

describe('npm run tenant', () => {
  it('creates a municipality with its region membership and first administrator; a second run changes nothing', async () => {
    const region = await tenant(['region', 'create', '--code', 'RGVELUWE', '--name', 'Regio Veluwe']);
    expect(region).toMatchObject({ code: 0, err: '' });
    expect(region.out).toContain('created          region RGVELUWE "Regio Veluwe"');

    const first = await tenant(apeldoorn);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('created          municipality GM0200 "Gemeente Apeldoorn"');
    expect(first.out).toContain('created          membership of GM0200 in region RGVELUWE');
    expect(first.out).toContain(
      'created          administrator beheer@apeldoorn.nl ("Anna Beheerder", admin)',
    );
    expect(first.out).toContain('Done: 3 created, 0 already existed.');
    expect(first.out).toContain('sign in with beheer@apeldoorn.nl');

    const municipality = await readSpaceWithHead(db, 'GM0200');
    expect(municipality?.record).toMatchObject({ kind: 'municipality', memberOf: ['RGVELUWE'] });
    const veluwe = await readSpaceWithHead(db, 'RGVELUWE');
    expect(veluwe?.record).toMatchObject({
      kind: 'region',
      members: ['GM0200'],
      memberNames: { GM0200: 'Gemeente Apeldoorn' },
    });
    expect(await readUserByEmail(db, 'GM0200', 'beheer@apeldoorn.nl')).toMatchObject({
      name: 'Anna Beheerder',
      roles: ['admin'],
      disabled: false,
    });

    // Audited on each record's own chain: the creation, the membership on both sides, the first admin.
    const gm = await chainOf('GM0200');
    expect(gm.actions).toEqual(['space.create', 'region.join', 'user.invite']);
    expect(gm.verification.valid).toBe(true);
    expect(gm.events[0]).toMatchObject({ actor: 'platform:test', organisation: 'platform' });
    const rg = await chainOf('RGVELUWE');
    expect(rg.actions).toEqual(['space.create', 'region.addMember']);
    expect(rg.verification.valid).toBe(true);
    expect(rg.events[1]?.changes).toEqual({
      members: { before: [], after: ['GM0200'] },
      memberNames: { before: {}, after: { GM0200: 'Gemeente Apeldoorn' } },
    });

    // The dev issuer signs the administrator in by e-mail: role admin, reach including the region.
    const { dev } = await createDevIssuer(db);
    const token = await dev.issueToken('beheer@apeldoorn.nl');
    expect(token).toBeTruthy();
    expect(decodeJwt(token!)).toMatchObject({
      sub: 'beheer@apeldoorn.nl',
      space: 'GM0200',
      roles: ['admin'],
      reach: ['GM0200', 'RGVELUWE'],
    });

    const before = await snapshot();
    // Without --admin-name: the stored name is shown, nothing is renamed.
    const again = await tenant(apeldoorn.filter((arg) => arg !== '--admin-name' && arg !== 'Anna Beheerder'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('already exists   municipality GM0200');
    expect(again.out).toContain('already exists   membership of GM0200 in region RGVELUWE');
    expect(again.out).toContain(
      'already exists   administrator beheer@apeldoorn.nl ("Anna Beheerder", admin)',
    );
    expect(again.out).toContain('Nothing to do: everything already exists.');
    expect(await snapshot()).toEqual(before);
    expect((await chainOf('GM0200')).verification.valid).toBe(true);
  });

  it('prints the plan on a dry run and writes nothing', async () => {
    const before = await snapshot();
    const plan = await tenant([
      'create',
      '--code',
      'GM0203',
      '--name',
      'Gemeente Epe',
      '--admin',
      'beheer@epe.nl',
      '--region',
      'RGVELUWE',
      '--dry-run',
    ]);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('Dry run: nothing is written.');
    expect(plan.out).toContain('+ create          municipality GM0203 "Gemeente Epe"');
    expect(plan.out).toContain('+ create          membership of GM0203 in region RGVELUWE');
    expect(plan.out).toContain('+ create          administrator beheer@epe.nl');
    expect(plan.out).not.toContain('sign in');
    expect(await snapshot()).toEqual(before);
    expect(await readSpaceWithHead(db, 'GM0203')).toBeNull();
  });

  it('refuses a bad CBS code, KvK number or e-mail, an unknown region and a taken e-mail; nothing is written', async () => {
    const before = await snapshot();
    const badCode = await tenant(['create', '--code', 'GM20', '--name', 'X', '--admin', 'a@b.nl']);
    expect(badCode).toMatchObject({ code: 2, out: '' });
    expect(badCode.err).toMatch(/^tenant: --code "GM20": not a CBS municipality code/);
    const badKvk = await tenant([
      'provider',
      'register',
      '--kvk',
      '1234',
      '--name',
      'X',
      '--admin',
      'a@b.nl',
    ]);
    expect(badKvk.code).toBe(2);
    expect(badKvk.err).toMatch(/^tenant: --kvk "1234": not a KvK number/);
    const badMail = await tenant(['create', '--code', 'GM0204', '--name', 'X', '--admin', 'not-an-address']);
    expect(badMail.code).toBe(2);

    const noRegion = await tenant([...apeldoorn.slice(0, 7), '--region', 'RGNERGENS']);
    expect(noRegion.code).toBe(1);
    expect(noRegion.err).toBe(
      'tenant: Region RGNERGENS does not exist; create it first: npm run tenant -- region create --code RGNERGENS --name "…"; nothing was written.',
    );
    const taken = await tenant([
      'create',
      '--code',
      'GM0205',
      '--name',
      'Gemeente X',
      '--admin',
      'beheer@apeldoorn.nl',
    ]);
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/beheer@apeldoorn\.nl is already a user of GM0200/);
    const noMember = await tenant([
      'region',
      'create',
      '--code',
      'RGVELUWE',
      '--name',
      'X',
      '--member',
      'GM0206',
    ]);
    expect(noMember.code).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it('registers a provider with its KvK number and its provider admin', async () => {
    const result = await tenant([
      'provider',
      'register',
      '--kvk',
      '12345678',
      '--name',
      'Jeugdhulp Horizon B.V.',
      '--admin',
      'beheer@horizon.nl',
    ]);
    expect(result.err).toBe('');
    expect((await readSpaceWithHead(db, 'PV12345678'))?.record).toEqual({
      space: 'PV12345678',
      kind: 'provider',
      name: 'Jeugdhulp Horizon B.V.',
      kvkNumber: '12345678',
    });
    expect(await readUserByEmail(db, 'PV12345678', 'beheer@horizon.nl')).toMatchObject({
      roles: ['provider_admin'],
      name: 'Beheerder Jeugdhulp Horizon B.V.',
    });
    const chain = await chainOf('PV12345678');
    expect(chain.actions).toEqual(['space.create', 'user.invite']);
    expect(chain.verification.valid).toBe(true);
  });

  it('creates a region with existing members, both sides kept consistent, also under concurrent joins', async () => {
    for (const [code, name] of [
      ['GM0301', 'Gemeente Een'],
      ['GM0302', 'Gemeente Twee'],
      ['GM0303', 'Gemeente Drie'],
    ]) {
      expect(
        (await tenant(['create', '--code', code!, '--name', name!, '--admin', `beheer@${code}.nl`])).code,
      ).toBe(0);
    }
    const created = await tenant([
      'region',
      'create',
      '--code',
      'RGDRIE',
      '--name',
      'Regio Drie',
      '--member',
      'GM0301',
    ]);
    expect(created.code).toBe(0);
    // Two more members join at the same time: each join retries on the region's moved chain head.
    expect(
      await Promise.all([
        joinRegion(db, who, { municipality: 'GM0302', region: 'RGDRIE' }),
        joinRegion(db, who, { municipality: 'GM0303', region: 'RGDRIE' }),
      ]),
    ).toEqual(['created', 'created']);
    const region = (await readSpaceWithHead(db, 'RGDRIE'))!.record;
    expect([...region.members!].sort()).toEqual(['GM0301', 'GM0302', 'GM0303']);
    expect(Object.keys(region.memberNames!).sort()).toEqual(['GM0301', 'GM0302', 'GM0303']);
    for (const code of ['GM0301', 'GM0302', 'GM0303']) {
      expect((await readSpaceWithHead(db, code))!.record.memberOf).toEqual(['RGDRIE']);
    }
    const chain = await chainOf('RGDRIE');
    expect(chain.actions).toEqual([
      'space.create',
      'region.addMember',
      'region.addMember',
      'region.addMember',
    ]);
    expect(chain.verification.valid).toBe(true);
  });

  it('creates a stage administrator through the Accounts port (Cognito in AWS; a fake here), once', async () => {
    const calls: string[] = [];
    const cognito: Accounts = {
      async create({ space, email }) {
        calls.push(`create ${space} ${email}`);
        return { key: '3f2a7c4e-0000-4000-8000-000000000001' };
      },
      async setEnabled() {},
      async remove({ email }) {
        calls.push(`remove ${email}`);
      },
    };
    const argv = ['create', '--code', 'GM0400', '--name', 'Gemeente Stage', '--admin', 'beheer@stage.nl'];
    const first = await tenant(argv, accountsAdminPort(db, who, cognito));
    expect(first.code).toBe(0);
    expect(calls).toEqual(['create GM0400 beheer@stage.nl']);
    expect(await readUserByEmail(db, 'GM0400', 'beheer@stage.nl')).toMatchObject({
      key: '3f2a7c4e-0000-4000-8000-000000000001',
      roles: ['admin'],
    });
    const again = await tenant(argv, accountsAdminPort(db, who, cognito));
    expect(again.out).toContain('Nothing to do');
    expect(calls).toHaveLength(1);
  });
});
