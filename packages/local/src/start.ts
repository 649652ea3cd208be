import { fileURLToPath } from 'node:url';
import { createDaySignals, readOnlyFor, runBenchmark } from '@regie/db';
import { LocalStackError } from './dynamo-local.ts';
import { quietSdkNotice, readLocalEnv } from './env.ts';
import { isPortFree } from './ports.ts';
import { SEED_USERS, seedIsStale } from './seed.ts';
import { startApiStack, startWeb } from './stack.ts';

quietSdkNotice();

/** `npm start`: DynamoDB Local (data kept in .data/), the table, the seed, the API and the web app. */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const stops: (() => Promise<void>)[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

// `kill <npm pid>` ends npm and its shell without signalling us; being re-parented is the sign to stop,
// so Java and Vite never outlive the command that started them.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 500).unref();

async function main() {
  const env = readLocalEnv(root);
  for (const [name, port] of [
    ['API_PORT', env.apiPort],
    ['WEB_PORT', env.webPort],
    ['DYNAMO_PORT', env.dynamoPort],
  ] as const) {
    if (!(await isPortFree(port)) || !(await isPortFree(port, '0.0.0.0'))) {
      throw new LocalStackError(
        `Port ${port} is in use; stop what uses it or set ${name} to another port and try again.`,
      );
    }
  }
  console.log('Starting DynamoDB Local, the API and the web app…');
  const api = await startApiStack({ ...env });
  stops.push(api.stop);
  const web = await startWeb({ root, mode: 'dev', webPort: env.webPort, apiPort: env.apiPort });
  stops.push(web.stop);
  web.process.once('exit', () => {
    if (!stopping) {
      console.error('The web server stopped; stopping the rest.');
      void shutdown(1);
    }
  });
  api.dynamo.process.once('exit', () => {
    if (!stopping) {
      console.error('DynamoDB Local stopped; stopping the rest.');
      void shutdown(1);
    }
  });

  const stale = !api.seeded && (await seedIsStale(api.db));
  // The day's deadline signals, as the scheduled job creates them in AWS (idempotent: a restart adds nothing).
  const signals = await createDaySignals(api.db, new Date().toISOString().slice(0, 10));
  // The regional benchmark, as its scheduled job computes it in AWS (each participant read through its own handle).
  const benchmark = await runBenchmark(
    api.db,
    async (space) => readOnlyFor(api.db, space),
    new Date().toISOString().slice(0, 10),
  );
  // The daily audit anchors: every chain head that moved is signed with the local key and kept in s3rver.
  const anchored = await api.anchorJob();

  const width = Math.max(...SEED_USERS.map((u) => u.key.length));
  console.log(`
Regie is running.

  Web app:   ${web.url}
  API:       ${api.apiUrl}/trpc   (health: ${api.apiUrl}/health)
  DynamoDB:  ${api.dynamo.endpoint}  (table ${env.tableName}, data in ${env.dataDir}${api.seeded ? ', seed loaded now' : ''})
  Documents: ${api.s3.endpoint}  (S3-compatible s3rver, bucket regie-documents, files in ${env.dataDir}/s3)

Deadline job: ${signals.created} new signal(s) today. Run it for another day: POST ${api.apiUrl}/dev/jobs/deadlines {"day": "YYYY-MM-DD"}
Audit anchors: ${anchored.anchored} chain head(s) signed now${anchored.refused.length ? `, ${anchored.refused.length} REFUSED (chain does not verify)` : ''}. Again: POST ${api.apiUrl}/dev/jobs/anchors
Benchmark job: ${benchmark.products} product code(s) in ${benchmark.regions} region(s). Again: POST ${api.apiUrl}/dev/jobs/benchmark {"day": "YYYY-MM-DD"}

Seed users (log in on the web app, or POST /dev/token {"user": "<key>"}):
${SEED_USERS.map((u) => `  ${u.key.padEnd(width)}  ${u.roles.join(', ').padEnd(18)} ${u.organisationName}`).join('\n')}

Press Ctrl-C to stop everything.`);
  if (stale) {
    console.log(
      '\nNote: the local data was seeded by an older version of Regie, so newer demo data is missing. Stop, run `npm run reset` (this wipes .data/) and start again.',
    );
  }
}

main().catch(async (error) => {
  console.error(
    error instanceof LocalStackError ? error.message : `Could not start Regie: ${(error as Error).message}`,
  );
  await shutdown(1);
});
