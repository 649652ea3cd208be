/**
 * What the Lambda runtime itself puts in the environment: the execution role's credentials and the region. Read
 * here only (biome.json `noProcessEnv`), at each call rather than once, because the SDK's own providers read them
 * at the moment they are needed too.
 */
export interface RuntimeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The execution role's credentials, or null when the environment holds none. */
export function runtimeCredentials(env: NodeJS.ProcessEnv = process.env): RuntimeCredentials | null {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return null;
  const sessionToken = env.AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The region the function runs in (Lambda always sets it). */
export function runtimeRegion(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_REGION;
}
