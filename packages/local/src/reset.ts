import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readLocalEnv } from './env.ts';

/** `npm run reset`: wipes the local database; the next `npm start` creates the table and seed again. */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const { dataDir } = readLocalEnv(root);
rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next \`npm start\` loads a fresh seed.`);
