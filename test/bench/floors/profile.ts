import { mkdirSync } from 'node:fs';
import { keys } from '@regie/db';
import { freePort, startDynamoLocal } from '@regie/local';
import { createTestDb } from '../../support/db.ts';
import { driveInChild } from '../../support/load.ts';
import { rawQueryUrl } from '../../support/procedures.ts';
import { startBenchApi } from '../api-server.ts';
import { startFloorApi } from './floor-api.ts';

/**
 * Profiles the bench API process on `agreement.get` (ermelo.viewer): `node --import tsx
 * test/bench/floors/profile.ts <dir> [seconds] [floor]` writes a V8 CPU profile of the API process (with
 * `floor`: of the floor app, floor-api.ts) into <dir>
 * (open it in Chrome DevTools or read it with test/bench/floors/profile-summary.ts).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const [dir = 'cpu-profile', seconds = '10', which = 'regie'] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
process.env.BENCH_CPU_PROF = dir;
const dynamo = await startDynamoLocal({ port: await freePort() });
try {
  const db = await createTestDb(dynamo.endpoint, { seed: true });
  const api = await startBenchApi(dynamo.endpoint, db.tableName);
  const floor =
    which === 'floor'
      ? await startFloorApi(dynamo.endpoint, db.tableName, keys.agreement('GM0233', 'erm-jh-2025'))
      : undefined;
  try {
    const token = await api.token('ermelo.viewer');
    const result = await driveInChild({
      url: floor?.url ?? api.url,
      token,
      paths: [rawQueryUrl('agreement.get', { id: 'erm-jh-2025' })],
      connections: 4,
      durationSeconds: Number(seconds),
      reach: ['GM0233'],
      foreign: ['GM0243', 'GM0344'],
    }).result;
    console.log(`${result.requests} requests, ${Math.round(result.rps)} req/s, ${result.non2xx} non-2xx`);
  } finally {
    await floor?.stop();
    await api.stop();
  }
} finally {
  await dynamo.stop();
}
