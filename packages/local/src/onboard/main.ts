import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { quietSdkNotice, readLocalEnv } from '../env.ts';
import { execute } from './cli.ts';
import { cloudFormationOutputs } from './cloudformation.ts';
import { cognitoAccounts } from './cognito.ts';
import { connect } from './connect.ts';
import { connectLocal, connectStage } from './target.ts';

/**
 * `npm run tenant -- …` (issue 13 point 1): onboards a municipality, region or provider with its first
 * administrator, on the running local stack or on a deployed stage (`--stage`). See `npm run tenant -- --help`.
 */
quietSdkNotice();
const root = fileURLToPath(new URL('../../../..', import.meta.url));

/** Recorded on the audit events: the platform, and who ran the command on this machine. */
function operator() {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {}
  return { actor: `platform:${user}`, actorName: `Platform onboarding (${user})` };
}

const who = operator();
execute(process.argv.slice(2), {
  who,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
  connect: (target) =>
    connect(target, readLocalEnv(root), who, {
      connectLocal,
      connectStage,
      stackOutputs: cloudFormationOutputs,
      cognitoAccounts,
    }),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`tenant: failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
