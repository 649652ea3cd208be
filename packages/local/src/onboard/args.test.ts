import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from './args.ts';

const create = [
  'create',
  '--code',
  'GM0200',
  '--name',
  'Gemeente Apeldoorn',
  '--admin',
  'Beheer@Apeldoorn.nl',
];

const refusal = (argv: string[]) => {
  try {
    parseCommand(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('parseCommand', () => {
  it('reads a municipality with its regions and first administrator, locally by default', () => {
    expect(
      parseCommand([
        ...create,
        '--region',
        'RGNOORDVELUWE',
        '--region',
        'rgveluwe',
        '--region',
        'RGNOORDVELUWE',
      ]),
    ).toEqual({
      command: 'tenant.create',
      code: 'GM0200',
      name: 'Gemeente Apeldoorn',
      admin: { email: 'beheer@apeldoorn.nl', name: 'Beheerder Gemeente Apeldoorn' },
      regions: ['RGNOORDVELUWE', 'RGVELUWE'],
      target: { kind: 'local' },
      dryRun: false,
    });
  });

  it('takes the administrator name, a dry run and a stage with its names', () => {
    const command = parseCommand([
      ...create,
      '--admin-name',
      'Anna Beheerder',
      '--dry-run',
      '--stage',
      'dev',
      '--table',
      'Regie-dev-Data-Table1A2B',
      '--user-pool',
      'eu-central-1_AbC123',
      '--aws-region',
      'eu-central-1',
    ]);
    expect(command).toMatchObject({
      admin: { email: 'beheer@apeldoorn.nl', name: 'Anna Beheerder' },
      dryRun: true,
      target: {
        kind: 'stage',
        stage: 'dev',
        table: 'Regie-dev-Data-Table1A2B',
        userPool: 'eu-central-1_AbC123',
        awsRegion: 'eu-central-1',
      },
    });
  });

  it('reads a region with members, and a provider by its KvK number', () => {
    expect(
      parseCommand([
        'region',
        'create',
        '--code',
        'RGVELUWE',
        '--name',
        'Regio Veluwe',
        '--member',
        'GM0200',
      ]),
    ).toEqual({
      command: 'region.create',
      code: 'RGVELUWE',
      name: 'Regio Veluwe',
      members: ['GM0200'],
      target: { kind: 'local' },
      dryRun: false,
    });
    expect(
      parseCommand([
        'provider',
        'register',
        '--kvk',
        '12345678',
        '--name',
        'Jeugdhulp B.V.',
        '--admin',
        'a@b.nl',
      ]),
    ).toMatchObject({ command: 'provider.register', kvk: '12345678', admin: { email: 'a@b.nl' } });
  });

  it('answers help for --help, help and nothing at all', () => {
    for (const argv of [['--help'], ['help'], [], ['create', '-h']]) {
      expect(parseCommand(argv)).toEqual({ command: 'help' });
    }
  });

  it('refuses a bad CBS code, KvK number, e-mail or region code in one line naming the option', () => {
    expect(refusal(['create', '--code', 'GM20', '--name', 'X', '--admin', 'a@b.nl'])).toMatch(
      /^--code "GM20": not a CBS municipality code/,
    );
    expect(refusal(['create', '--code', 'PV12345678', '--name', 'X', '--admin', 'a@b.nl'])).toMatch(/--code/);
    expect(refusal(['provider', 'register', '--kvk', '1234567', '--name', 'X', '--admin', 'a@b.nl'])).toMatch(
      /^--kvk "1234567": not a KvK number/,
    );
    expect(refusal([...create.slice(0, 5), '--admin', 'beheer@apeldoorn'])).toMatch(
      /^--admin "beheer@apeldoorn": not an e-mail address/,
    );
    expect(refusal([...create, '--region', 'GM0233'])).toMatch(/^--region GM0233: not a region code/);
    expect(refusal([...create, '--region', 'RG-VELUWE'])).toMatch(/not a region code/);
    expect(refusal(['region', 'create', '--code', 'RGX', '--name', 'X'])).toMatch(/--code "RGX"/);
    expect(refusal(['region', 'create', '--code', 'RGVELUWE', '--name', 'X', '--member', 'GM1'])).toMatch(
      /^--member GM1: not a CBS municipality code/,
    );
    expect(refusal(['create', '--code', 'GM0200', '--name', '', '--admin', 'a@b.nl'])).toMatch(/^--name/);
    expect(refusal([...create.slice(0, 5), '--admin-name', 'x'])).toMatch(/^--admin is missing/);
  });

  it('refuses unknown commands and options, options of another command, and stage names without a stage', () => {
    expect(refusal(['delete', '--code', 'GM0200'])).toMatch(/^Unknown command "delete"/);
    expect(refusal([...create, '--colour', 'red'])).toMatch(/--colour/);
    expect(refusal([...create, '--kvk', '12345678'])).toMatch(/^--kvk does not apply to create/);
    expect(refusal([...create, '--member', 'GM0233'])).toMatch(/^--member does not apply/);
    expect(refusal([...create, '--table', 'regie'])).toMatch(/^--table needs --stage/);
    expect(refusal([...create, '--stage', 'dev prod'])).toMatch(/^--stage "dev prod"/);
    expect(refusal([...create, '--stage', 'dev', '--user-pool', 'pool'])).toMatch(/^--user-pool "pool"/);
    expect(refusal(['create', '--name', 'X', '--admin', 'a@b.nl'])).toMatch(/^--code is missing/);
    expect(refusal(['region', 'create', '--code', 'RGVELUWE', '--name', 'X', '--admin-name', 'Y'])).toMatch(
      /^--admin-name needs --admin/,
    );
  });
});
