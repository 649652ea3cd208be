import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, keys } from '@regie/db';
import { createDevIssuer, DEV_AUDIENCE, DEV_ISSUER } from '@regie/local';
import { LAMBDA_BUNDLE_ALIASES } from '../../../infra/lib/bundling.ts';
import { httpApiEvent } from '../../support/lambda-event.ts';
import { type Bundle, bundle, coldStart } from '../lambda.ts';
import { kb, ms, type Row } from '../report.ts';
import { median } from '../stats.ts';

/**
 * Issue 17 point 7, Lambda: the API function's cold start (a fresh Node process imports the bundle and answers one
 * API Gateway v2 `agreement.get` event, assuming the tenant role through STS first) against a reference handler
 * bundled the same way that assumes a role with `@aws-sdk/client-sts` and reads one item with
 * `@aws-sdk/client-dynamodb` (reference-handler.ts). STS is a loopback server answering AssumeRole; DynamoDB is
 * the benchmark's DynamoDB Local; the JWKS is served on loopback too. Each bundle-size shortcut the bundles still
 * carry (the esbuild aliases of infra/lib/bundling.ts) is measured by building the API bundle with and without it,
 * interleaved with the rest. (The ones issue 17 dropped were measured the same way; docs/benchmarks.md.)
 */
const STS_OK = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/tenant/bench</Arn><AssumedRoleId>AROA:bench</AssumedRoleId></AssumedRoleUser>
<Credentials><AccessKeyId>ASIABENCH</AccessKeyId><SecretAccessKey>benchsecret</SecretAccessKey>
<SessionToken>benchtoken</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
</AssumeRoleResult></AssumeRoleResponse>`;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const SOURCE_MAPS = 'as deployed, with --enable-source-maps';

const pairs = (aliases: Record<string, string>) => Object.entries(aliases).map(([f, t]) => `${f}=${t}`);

export async function lambdaFloors(options: {
  db: Db;
  endpoint: string;
  runs: number;
  log: (message: string) => void;
}): Promise<{ rows: Row[]; notes: string[] }> {
  const { db } = options;
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const api = `${root}/functions/api/handler.ts`;
  options.log(
    'Lambda floor: bundling the API (deployed options, and with/without each shortcut) and the reference',
  );
  const deployedAliases = pairs(LAMBDA_BUNDLE_ALIASES);
  const names = Object.keys(LAMBDA_BUNDLE_ALIASES);
  const variants: [label: string, Bundle][] = [
    ['as deployed', await bundle(api)],
    ['with no shortcut', await bundle(api, undefined, [])],
    // Each alias alone, when there is more than one (with one, that is the deployed bundle).
    ...(names.length > 1
      ? await Promise.all(
          names.map(
            async (name) =>
              [
                `with only ${name} aliased`,
                await bundle(api, undefined, pairs({ [name]: LAMBDA_BUNDLE_ALIASES[name]! })),
              ] as [string, Bundle],
          ),
        )
      : []),
  ];
  const reference = await bundle(fileURLToPath(new URL('./reference-handler.ts', import.meta.url)));
  const stack = await bundle(fileURLToPath(new URL('./stack-reference-handler.ts', import.meta.url)));

  let stsCalls = 0;
  const sts = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      stsCalls++;
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(STS_OK);
    });
  });
  const { dev, publicJwks } = await createDevIssuer(db);
  const jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(publicJwks));
  });
  const stsUrl = await listen(sts);
  const jwksUrl = await listen(jwks);
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const token = (await dev.issueToken('ermelo.viewer'))!;
    const key = keys.agreement('GM0233', 'erm-jh-2025');
    const event = httpApiEvent({
      method: 'GET',
      path: '/trpc/agreement.get',
      query: `input=${encodeURIComponent(JSON.stringify({ id: 'erm-jh-2025' }))}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const env = {
      TABLE_NAME: db.tableName,
      TABLE_ARN: `arn:aws:dynamodb:eu-central-1:123456789012:table/${db.tableName}`,
      TENANT_ROLE_ARN: 'arn:aws:iam::123456789012:role/regie-tenant',
      PUBLIC_ROLE_ARN: 'arn:aws:iam::123456789012:role/regie-public',
      USER_POOL_ID: 'eu-central-1_bench',
      STS_ENDPOINT: stsUrl,
      JWKS_URL: `${jwksUrl}/jwks.json`,
      JWT_ISSUER: DEV_ISSUER,
      JWT_AUDIENCE: DEV_AUDIENCE,
      DYNAMO_ENDPOINT: options.endpoint,
      REFERENCE_PK: key.pk,
      REFERENCE_SK: key.sk,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    options.log(
      `Lambda floor: ${options.runs} cold starts of each of ${variants.length + 3} bundles, interleaved`,
    );
    const times = new Map<string, number[]>([
      ['reference', []],
      ['stack floor', []],
      [SOURCE_MAPS, []],
      ...variants.map(([l]) => [l, []] as [string, number[]]),
    ]);
    const parts = new Map<string, { import: number[]; first: number[] }>(
      [...times.keys()].map((l) => [l, { import: [], first: [] }]),
    );
    // BENCH_COLD_PROF=<dir>: the last round of each bundle writes a V8 CPU profile there.
    const profileDir = process.env.BENCH_COLD_PROF;
    for (let i = 0; i <= options.runs; i++) {
      for (const [label, file, extra] of [
        ['reference', reference, {}] as const,
        ['stack floor', stack, {}] as const,
        // The deployed bundle as the API function was configured before issue 17's last session.
        [SOURCE_MAPS, variants[0]![1], { NODE_OPTIONS: '--enable-source-maps' }] as const,
        ...variants.map(([l, b]) => [l, b, {}] as const),
      ]) {
        const before = stsCalls;
        const cold = await coldStart(
          file.file,
          event,
          { ...env, ...extra },
          i === options.runs && profileDir ? join(profileDir, label.replace(/\W+/g, '-')) : undefined,
        );
        if (cold.status !== 200) throw new Error(`${label}: cold start answered ${cold.status}`);
        if (stsCalls !== before + 1) throw new Error(`${label}: ${stsCalls - before} STS calls, not 1`);
        if (i > 0) {
          // The first round warms the file cache.
          times.get(label)!.push(cold.import + cold.first);
          parts.get(label)!.import.push(cold.import);
          parts.get(label)!.first.push(cold.first);
        }
      }
    }
    const ref = median(times.get('reference')!);
    const [deployedLabel, deployed] = variants[0]!;
    const subject = median(times.get(deployedLabel)!);
    rows.push({
      section: 'Floors',
      what: `Lambda cold start: import + first agreement.get (fresh Node process, API Gateway v2 event, JWKS fetch, STS AssumeRole of the tenant role, a BatchGetItem over the reach), the API bundle as deployed (${kb(deployed.bytes)}, aliases: ${deployedAliases.length ? deployedAliases.map((a) => a.split('=')[0]).join(', ') : 'none'}) vs the reference bundled the same way (@aws-sdk/client-sts AssumeRole + @aws-sdk/client-dynamodb GetItem, ${kb(reference.bytes)}); ${options.runs} runs each, interleaved`,
      measured: ms(subject),
      baseline: ms(ref),
      ratio: subject / ref,
      goal: '≤ 1.3×',
    });
    const floor = median(times.get('stack floor')!);
    rows.push({
      section: 'Floors',
      what: `… the API bundle as deployed vs the stack's own floor (stack-reference-handler.ts, ${kb(stack.bytes)}: Hono's API Gateway adapter, tRPC's fetch adapter, a zod/mini input, the token verified with jose against the loopback JWKS, client-sts AssumeRole, one document-client GetItem; no Regie code), bundled and started the same way (no goal: what Regie's own code adds)`,
      measured: ms(subject),
      baseline: ms(floor),
      ratio: subject / floor,
      goal: '',
    });
    rows.push({
      section: 'Floors',
      what: "… the stack's own floor vs the reference (no goal: what Hono, tRPC, zod and jose cost a cold start before any Regie code)",
      measured: ms(floor),
      baseline: ms(ref),
      ratio: floor / ref,
      goal: '',
    });
    const mapped = median(times.get(SOURCE_MAPS)!);
    rows.push({
      section: 'Floors',
      what: '… the API bundle as deployed (stacks mapped when logged, functions/shared/stack-map.ts) vs the same bundle started with NODE_OPTIONS=--enable-source-maps, as the function was configured before: what not parsing the source map at start saves',
      measured: ms(subject),
      baseline: ms(mapped),
      ratio: subject / mapped,
      goal: '',
    });
    const none = median(times.get('with no shortcut')!);
    const noneBytes = variants.find(([l]) => l === 'with no shortcut')![1].bytes;
    for (const [label, b] of [variants[0]!, ...variants.slice(2)]) {
      const t = median(times.get(label)!);
      rows.push({
        section: 'Floors',
        what: `… the API bundle ${label === 'as deployed' ? `as deployed (${names.join(', ')} aliased)` : label} (${kb(b.bytes)}, ${kb(noneBytes - b.bytes)} smaller) vs with no alias (${kb(noneBytes)}): what the shortcut saves`,
        measured: ms(t),
        baseline: ms(none),
        ratio: t / none,
        goal: '',
      });
    }
    notes.push(
      `Lambda floor medians (ms): ${[...times].map(([l, t]) => `${l} ${median(t).toFixed(1)} (import ${median(parts.get(l)!.import).toFixed(1)}, first request ${median(parts.get(l)!.first).toFixed(1)})`).join('; ')}.`,
    );
  } finally {
    sts.close();
    jwks.close();
  }
  return { rows, notes };
}
