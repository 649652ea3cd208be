import { describe, expect, it } from 'vitest';
import { execute } from './cli.ts';
import { TargetError } from './target.ts';

/** The command line's exits, with a target that records whether it was ever reached. */
async function run(
  argv: string[],
  connect = async (): Promise<never> => {
    throw new TargetError('DynamoDB Local does not answer on http://127.0.0.1:8000');
  },
) {
  const out: string[] = [];
  const err: string[] = [];
  let connected = false;
  const code = await execute(argv, {
    who: { actor: 'platform:test' },
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    connect: () => {
      connected = true;
      return connect();
    },
  });
  return { code, out, err, connected };
}

describe('execute', () => {
  it('refuses a bad command line with exit code 2 and one line, before connecting to anything', async () => {
    const result = await run(['create', '--code', 'GM20', '--name', 'X', '--admin', 'a@b.nl']);
    expect(result).toEqual({
      code: 2,
      out: [],
      err: ['tenant: --code "GM20": not a CBS municipality code (GM and 4 digits, e.g. GM0200)'],
      connected: false,
    });
  });

  it('prints the usage for --help with exit code 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^Onboarding a space on Regie/);
    expect(result.connected).toBe(false);
  });

  it('reports an unreachable target in one line with exit code 1: nothing was written', async () => {
    const result = await run([
      'create',
      '--code',
      'GM0200',
      '--name',
      'Gemeente Apeldoorn',
      '--admin',
      'a@b.nl',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'tenant: DynamoDB Local does not answer on http://127.0.0.1:8000; nothing was written.',
    ]);
  });
});
