import { parseArgs } from 'node:util';
import { emailSchema, isCbsMunicipalityCode, isKvkNumber, SPACE_PATTERN, text } from '@regie/core';

/**
 * `npm run tenant -- …`: the command line of platform onboarding (issue 13 point 1), parsed and checked with core's
 * own identifier checks and schemas before anything is read or written. Pure: argv in, a command or a UsageError out.
 */

/** Where the command writes: the running local stack, or a deployed stage (names from its stacks or flags). */
export type Target =
  | { kind: 'local' }
  | { kind: 'stage'; stage: string; table?: string; userPool?: string; awsRegion?: string };

export interface AdminInput {
  email: string;
  name: string;
}

interface Common {
  target: Target;
  dryRun: boolean;
}

export type Command =
  | { command: 'help' }
  | (Common & {
      command: 'tenant.create';
      code: string;
      name: string;
      admin: AdminInput;
      regions: string[];
    })
  | (Common & {
      command: 'region.create';
      code: string;
      name: string;
      members: string[];
      admin?: AdminInput;
    })
  | (Common & { command: 'provider.register'; kvk: string; name: string; admin: AdminInput });

/** A command line that cannot run; its message is the one line the user sees (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Onboarding a space on Regie (writes to the running local stack, or to a deployed stage with --stage).

  npm run tenant -- create --code GM0200 --name "Gemeente Apeldoorn" --admin beheer@apeldoorn.nl
                           [--admin-name "Anna Beheerder"] [--region RGNOORDVELUWE]…
  npm run tenant -- region create --code RGNOORDVELUWE --name "Regio Noord-Veluwe" [--member GM0233]…
                           [--admin coordinatie@noordveluwe.nl [--admin-name …]]
  npm run tenant -- provider register --kvk 12345678 --name "Jeugdhulp B.V." --admin beheer@jeugdhulp.nl
                           [--admin-name …]

Every command also takes:
  --dry-run            print the plan (what would be created, what already exists) and write nothing
  --stage <stage>      the deployed stage (e.g. dev): its table and Cognito user pool are read from the stacks'
                       outputs (Regie-<stage>-Data TableName, Regie-<stage>-Auth UserPoolId), unless given as
  --table <name>       the DynamoDB table, and
  --user-pool <id>     the Cognito user pool id (both only with --stage)
  --aws-region <name>  the stage's AWS region (default: your AWS configuration's for the stack outputs, the
                       user pool id's for the table and the pool)
  --help               this text

Locally the command finds DynamoDB Local of \`npm start\` on DYNAMO_PORT (default 8000), table TABLE_NAME (default
regie); the administrator then signs in on the local web app with the e-mail address. In AWS Cognito e-mails the
administrator a temporary password. Running a command again changes nothing and says what already exists.`;

const OPTIONS = {
  code: { type: 'string' },
  name: { type: 'string' },
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  region: { type: 'string', multiple: true },
  member: { type: 'string', multiple: true },
  kvk: { type: 'string' },
  'dry-run': { type: 'boolean' },
  stage: { type: 'string' },
  table: { type: 'string' },
  'user-pool': { type: 'string' },
  'aws-region': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Which options each command takes (beyond the common ones). */
const ALLOWED: Record<Exclude<Command['command'], 'help'>, (keyof Values)[]> = {
  'tenant.create': ['code', 'name', 'admin', 'admin-name', 'region'],
  'region.create': ['code', 'name', 'member', 'admin', 'admin-name'],
  'provider.register': ['kvk', 'name', 'admin', 'admin-name'],
};
const COMMON: (keyof Values)[] = ['dry-run', 'stage', 'table', 'user-pool', 'aws-region', 'help'];

const SUBCOMMANDS: Record<string, Exclude<Command['command'], 'help'>> = {
  create: 'tenant.create',
  'tenant create': 'tenant.create',
  'region create': 'region.create',
  'provider register': 'provider.register',
};

const nameSchema = text(200, 1);
const STAGE_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
const TABLE_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
const USER_POOL_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;
const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function parseCommand(argv: readonly string[]): Command {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node's own message names the option ("Unknown option '--foo'"); keep its first sentence only.
    throw new UsageError(`${(error as Error).message.split('. ')[0]}; see --help`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { command: 'help' };
  const command = SUBCOMMANDS[positionals.join(' ')];
  if (!command) {
    throw new UsageError(
      `Unknown command "${positionals.join(' ')}"; use create, region create or provider register (see --help)`,
    );
  }
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (!ALLOWED[command].includes(key) && !COMMON.includes(key)) {
      throw new UsageError(`--${key} does not apply to ${positionals.join(' ')}; see --help`);
    }
  }
  const common: Common = { target: parseTarget(values), dryRun: values['dry-run'] ?? false };
  const name = required(
    values,
    'name',
    (value) => nameSchema.safeParse(value).success,
    'a name of 1–200 characters',
  );
  if (command === 'provider.register') {
    const kvk = required(values, 'kvk', isKvkNumber, 'a KvK number (8 digits, e.g. 12345678)');
    return { command, ...common, kvk, name, admin: parseAdmin(values, true, name) };
  }
  if (command === 'region.create') {
    const code = required(values, 'code', isRegionCode, REGION_HINT, upper);
    const members = unique(values.member ?? []).map((member) => municipality(member, '--member'));
    const admin = parseAdmin(values, false, name);
    return { command, ...common, code, name, members, ...(admin ? { admin } : {}) };
  }
  const code = required(values, 'code', isCbsMunicipalityCode, MUNICIPALITY_HINT, upper);
  const regions = unique(values.region ?? []).map((region) => {
    const value = upper(region);
    if (!isRegionCode(value)) throw new UsageError(`--region ${region}: not ${REGION_HINT}`);
    return value;
  });
  return { command, ...common, code, name, admin: parseAdmin(values, true, name), regions };
}

const MUNICIPALITY_HINT = 'a CBS municipality code (GM and 4 digits, e.g. GM0200)';
const REGION_HINT = 'a region code (RG and 2–30 capital letters or digits, e.g. RGNOORDVELUWE)';
const upper = (value: string) => value.trim().toUpperCase();
const unique = (list: string[]) => [...new Set(list.map(upper))];
const isRegionCode = (value: string) => value.startsWith('RG') && SPACE_PATTERN.test(value);

function municipality(raw: string, flag: string): string {
  const value = upper(raw);
  if (!isCbsMunicipalityCode(value)) throw new UsageError(`${flag} ${raw}: not ${MUNICIPALITY_HINT}`);
  return value;
}

function required(
  values: Values,
  key: 'code' | 'name' | 'kvk',
  valid: (value: string) => boolean,
  what: string,
  normalise: (value: string) => string = (value) => value.trim(),
): string {
  const raw = values[key];
  if (raw === undefined) throw new UsageError(`--${key} is missing: give ${what}`);
  const value = normalise(raw);
  if (!valid(value)) throw new UsageError(`--${key} ${JSON.stringify(raw)}: not ${what}`);
  return value;
}

function parseAdmin(values: Values, needed: true, spaceName: string): AdminInput;
function parseAdmin(values: Values, needed: boolean, spaceName: string): AdminInput | undefined;
function parseAdmin(values: Values, needed: boolean, spaceName: string): AdminInput | undefined {
  if (values.admin === undefined) {
    if (needed) throw new UsageError("--admin is missing: give the first administrator's e-mail address");
    if (values['admin-name'] !== undefined) throw new UsageError('--admin-name needs --admin');
    return undefined;
  }
  const email = emailSchema().safeParse(values.admin.trim());
  if (!email.success) throw new UsageError(`--admin ${JSON.stringify(values.admin)}: not an e-mail address`);
  const name = (values['admin-name'] ?? `Beheerder ${spaceName}`).trim().slice(0, 200);
  if (!nameSchema.safeParse(name).success) {
    throw new UsageError(
      `--admin-name ${JSON.stringify(values['admin-name'])}: give a name of 1–200 characters`,
    );
  }
  return { email: email.data, name };
}

function parseTarget(values: Values): Target {
  const stage = values.stage;
  if (stage === undefined) {
    for (const flag of ['table', 'user-pool', 'aws-region'] as const) {
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} needs --stage (locally the running stack is used)`);
    }
    return { kind: 'local' };
  }
  if (!STAGE_PATTERN.test(stage))
    throw new UsageError(`--stage ${JSON.stringify(stage)}: not a stage name (e.g. dev)`);
  const checks = [
    ['table', TABLE_PATTERN, 'a DynamoDB table name'],
    ['user-pool', USER_POOL_PATTERN, 'a Cognito user pool id (e.g. eu-central-1_AbC123)'],
    ['aws-region', AWS_REGION_PATTERN, 'an AWS region (e.g. eu-central-1)'],
  ] as const;
  for (const [flag, pattern, what] of checks) {
    const value = values[flag];
    if (value !== undefined && !pattern.test(value)) {
      throw new UsageError(`--${flag} ${JSON.stringify(value)}: not ${what}`);
    }
  }
  return {
    kind: 'stage',
    stage,
    ...(values.table ? { table: values.table } : {}),
    ...(values['user-pool'] ? { userPool: values['user-pool'] } : {}),
    ...(values['aws-region'] ? { awsRegion: values['aws-region'] } : {}),
  };
}
