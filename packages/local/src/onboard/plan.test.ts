import type { SpaceRecord } from '@regie/db';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './args.ts';
import { formatPlan, PlanError, planOnboarding, type Snapshot, spacesToRead } from './plan.ts';

const run = (argv: string[]) => {
  const command = parseCommand(argv);
  if (command.command === 'help') throw new Error('help');
  return command;
};
const apeldoorn = run([
  'create',
  '--code',
  'GM0200',
  '--name',
  'Gemeente Apeldoorn',
  '--admin',
  'beheer@apeldoorn.nl',
  '--region',
  'RGVELUWE',
]);
const region: SpaceRecord = {
  space: 'RGVELUWE',
  kind: 'region',
  name: 'Regio Veluwe',
  members: [],
  memberNames: {},
};
const absent: Snapshot['admin'] = { state: 'absent' };

describe('planOnboarding', () => {
  it('plans the space, each membership and the administrator for a new municipality', () => {
    expect(spacesToRead(apeldoorn)).toEqual(['GM0200', 'RGVELUWE']);
    const steps = planOnboarding(apeldoorn, { spaces: { RGVELUWE: region }, admin: absent });
    expect(steps.map((s) => [s.status, s.what.item])).toEqual([
      ['create', 'space'],
      ['create', 'membership'],
      ['create', 'admin'],
    ]);
    expect(steps[2]!.what).toEqual({
      item: 'admin',
      space: 'GM0200',
      email: 'beheer@apeldoorn.nl',
      name: 'Beheerder Gemeente Apeldoorn',
      role: 'admin',
    });
    expect(formatPlan(steps)).toContain('+ create          membership of GM0200 in region RGVELUWE');
  });

  it('finds everything already there on a second run, noting a name that differs', () => {
    const steps = planOnboarding(apeldoorn, {
      spaces: {
        GM0200: { space: 'GM0200', kind: 'municipality', name: 'Apeldoorn', memberOf: ['RGVELUWE'] },
        RGVELUWE: { ...region, members: ['GM0200'], memberNames: { GM0200: 'Apeldoorn' } },
      },
      admin: { state: 'present', space: 'GM0200', key: 'beheer@apeldoorn.nl', roles: ['admin'] },
    });
    expect(steps.every((s) => s.status === 'exists')).toBe(true);
    expect(steps[0]!.note).toBe('its name is "Apeldoorn"; left as it is');
    expect(formatPlan(steps)).toMatch(/= already exists {2}municipality GM0200/);
  });

  it('completes a membership one side of which is missing', () => {
    const steps = planOnboarding(apeldoorn, {
      spaces: {
        GM0200: { space: 'GM0200', kind: 'municipality', name: 'Gemeente Apeldoorn', memberOf: ['RGVELUWE'] },
        RGVELUWE: region,
      },
      admin: absent,
    });
    expect(steps[1]).toMatchObject({ status: 'create', what: { item: 'membership' } });
  });

  it('refuses a region that does not exist, a code of another kind, and an e-mail of another space', () => {
    expect(() => planOnboarding(apeldoorn, { spaces: {}, admin: absent })).toThrow(
      new PlanError(
        'Region RGVELUWE does not exist; create it first: npm run tenant -- region create --code RGVELUWE --name "…"',
      ),
    );
    expect(() =>
      planOnboarding(apeldoorn, {
        spaces: { RGVELUWE: { ...region, kind: 'municipality' } },
        admin: absent,
      }),
    ).toThrow(/RGVELUWE is a municipality, not a region/);
    expect(() =>
      planOnboarding(apeldoorn, {
        spaces: { RGVELUWE: region },
        admin: { state: 'present', space: 'GM0233', key: 'k', roles: ['admin'] },
      }),
    ).toThrow(/already a user of GM0233/);
  });

  it('notes an existing administrator without the admin role, and leaves its roles alone', () => {
    const steps = planOnboarding(apeldoorn, {
      spaces: { RGVELUWE: region },
      admin: { state: 'present', space: 'GM0200', key: 'k', roles: ['viewer'] },
    });
    expect(steps[2]).toMatchObject({
      status: 'exists',
      note: expect.stringContaining('without the admin role'),
    });
  });

  it('plans a region with members that must exist, and a provider with its provider admin', () => {
    const veluwe = run([
      'region',
      'create',
      '--code',
      'RGVELUWE',
      '--name',
      'Regio Veluwe',
      '--member',
      'GM0200',
    ]);
    expect(() => planOnboarding(veluwe, { spaces: {}, admin: absent })).toThrow(/GM0200 does not exist/);
    const steps = planOnboarding(veluwe, {
      spaces: { GM0200: { space: 'GM0200', kind: 'municipality', name: 'Gemeente Apeldoorn', memberOf: [] } },
      admin: absent,
    });
    expect(steps.map((s) => [s.status, s.what.item])).toEqual([
      ['create', 'space'],
      ['create', 'membership'],
    ]);

    const provider = run([
      'provider',
      'register',
      '--kvk',
      '12345678',
      '--name',
      'Kompas',
      '--admin',
      'a@b.nl',
    ]);
    const planned = planOnboarding(provider, { spaces: {}, admin: absent });
    expect(planned[0]!.what).toEqual({
      item: 'space',
      space: 'PV12345678',
      kind: 'provider',
      name: 'Kompas',
      kvkNumber: '12345678',
    });
    expect(planned[1]!.what).toMatchObject({ item: 'admin', role: 'provider_admin', space: 'PV12345678' });
  });
});
