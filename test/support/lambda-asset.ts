import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@regie/local';
import { App } from 'aws-cdk-lib';
import {
  ASSET_RESOURCE_METADATA_ENABLED_CONTEXT,
  ASSET_RESOURCE_METADATA_PATH_KEY,
} from 'aws-cdk-lib/cx-api';
import { devConfig } from '../../infra/lib/config.ts';
import { featureFlags } from '../../infra/lib/feature-flags.ts';
import { defineRegie, type RegieStacks } from '../../infra/lib/regie-app.ts';

export interface LambdaAsset {
  /** The bundled entry as deployed (`index.mjs` of the function's asset in the cloud assembly). */
  file: string;
  bytes: Buffer;
  /** The function's `Handler` property in the template. */
  handler: string | undefined;
  remove(): void;
}

/**
 * A Lambda exactly as deployed: the app synthesised with bundling on for one stack (local esbuild, the stack's
 * own options), and the asset of the function whose logical id starts with `functionPrefix` read back from the
 * cloud assembly.
 */
export function synthLambdaAsset(stack: keyof RegieStacks, functionPrefix: string): LambdaAsset {
  const outdir = mkdtempSync(join(tmpdir(), 'regie-cdk-'));
  const config = devConfig({});
  const app = new App({
    outdir,
    context: {
      ...featureFlags,
      'aws:cdk:bundling-stacks': [`Regie-${config.stage}-${stack[0]!.toUpperCase()}${stack.slice(1)}`],
      [ASSET_RESOURCE_METADATA_ENABLED_CONTEXT]: true,
    },
  });
  const stacks = defineRegie(app, config);
  const template = app.synth().getStackByName(stacks[stack].stackName).template as {
    Resources: Record<
      string,
      { Type: string; Metadata?: Record<string, string>; Properties: { Handler?: string } }
    >;
  };
  const [fn] = Object.entries(template.Resources).filter(
    ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith(functionPrefix),
  );
  if (!fn) throw new Error(`No function ${functionPrefix}* in the ${stack} stack`);
  const file = join(outdir, fn[1].Metadata![ASSET_RESOURCE_METADATA_PATH_KEY]!, 'index.mjs');
  return {
    file,
    bytes: readFileSync(file),
    handler: fn[1].Properties.Handler,
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** A JWKS endpoint on loopback, as the bundled functions fetch it from Cognito in AWS. */
export async function serveJwks(jwks: unknown): Promise<{ url: string; close(): void }> {
  const port = await freePort();
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/jwks.json`, close: () => server.close() };
}
