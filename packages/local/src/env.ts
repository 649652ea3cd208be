import { resolve } from 'node:path';
import { LocalStackError } from './dynamo-local.ts';

/** The local stack's configuration, read and checked in this one place. */
export interface LocalEnv {
  apiPort: number;
  webPort: number;
  dynamoPort: number;
  dataDir: string;
  tableName: string;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1024 || value > 65535) {
    throw new LocalStackError(
      `${name}=${raw} is not a usable port; set it to a number between 1024 and 65535.`,
    );
  }
  return value;
}

export function readLocalEnv(root: string): LocalEnv {
  return {
    apiPort: port('API_PORT', 3000),
    webPort: port('WEB_PORT', 5173),
    dynamoPort: port('DYNAMO_PORT', 8000),
    dataDir: resolve(root, process.env.REGIE_DATA_DIR ?? '.data/dynamodb'),
    tableName: process.env.TABLE_NAME ?? 'regie',
  };
}

/** The SDK's Node 20 notice is not actionable for a local run; set before any client is made. */
export function quietSdkNotice(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** The environment a child process of the local stack starts with: this one's, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
