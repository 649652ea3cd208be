import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { nodeFunctionDefaults } from '../../infra/lib/bundling.ts';

/**
 * The Lambda part of `npm run bench`: a handler bundled with exactly the deployed esbuild options (read from
 * infra/lib/bundling.ts, so they cannot drift), its size, and its cold start — a fresh Node process that
 * imports the bundle and answers one API Gateway v2 event, timed from inside that process.
 */
export interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export async function bundle(
  entry: string,
  outdir = mkdtempSync(join(tmpdir(), 'regie-bench-')),
  /** Replaces the deployed aliases (`from=to` pairs): to measure what each one does. */
  aliasOverride?: readonly string[],
): Promise<Bundle> {
  const options = nodeFunctionDefaults().bundling!;
  const aliases = aliasOverride ?? ((options.esbuildArgs?.['--alias'] ?? []) as string[]);
  const file = join(outdir, `${entry.replace(/\W+/g, '-').slice(-40)}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: options.target,
    mainFields: options.mainFields,
    minify: options.minify,
    sourcemap: options.sourceMap ? 'linked' : false,
    sourcesContent: options.sourcesContent ?? true,
    banner: { js: options.banner ?? '' },
    alias: Object.fromEntries(aliases.map((pair) => pair.split('=') as [string, string])),
    logLevel: 'error',
  });
  const code = readFileSync(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** A hello-world handler, the cold-start baseline. */
export function helloWorldEntry(dir = mkdtempSync(join(tmpdir(), 'regie-hello-'))): string {
  const file = join(dir, 'hello.ts');
  writeFileSync(
    file,
    "export const handler = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hello: 'world' }) });\n",
  );
  return file;
}

const RUNNER = `
const started = performance.now();
const { handler } = await import(process.argv[2]);
const imported = performance.now();
const response = await handler(JSON.parse(process.argv[3]), {
  functionName: 'bench', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:bench',
  memoryLimitInMB: '1024', awsRequestId: 'cold', logGroupName: '/aws/lambda/bench', logStreamName: 's',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 10000,
});
const answered = performance.now();
process.stderr.write('\\n@@' + JSON.stringify({ process: started, import: imported - started, first: answered - imported, status: response.statusCode }) + '\\n');
process.exit(0);
`;

export interface Cold {
  /** Process start to the runner's first line (Node's own boot), ms. */
  process: number;
  import: number;
  first: number;
  status: number;
}

/** One cold start: a new Node process imports `file` and answers `event`; stdout (the logs) is dropped. */
export async function coldStart(
  file: string,
  event: unknown,
  env: Record<string, string>,
  /** A directory to write the process's V8 CPU profile into (`--cpu-prof`), to see where a cold start goes. */
  profileDir?: string,
): Promise<Cold> {
  const dir = mkdtempSync(join(tmpdir(), 'regie-cold-'));
  const runner = join(dir, 'runner.mjs');
  writeFileSync(runner, RUNNER);
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${profileDir}`] : [];
  const stderr = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [...profile, runner, pathToFileURL(file).href, JSON.stringify(event)],
      { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
      (error, _stdout, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(err)),
    ),
  );
  const line = stderr.split('\n').find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`cold start printed no timing: ${stderr.slice(-500)}`);
  return JSON.parse(line.slice(2)) as Cold;
}
