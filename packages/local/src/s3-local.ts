/// <reference path="./s3rver.d.ts" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { LocalStackError } from './dynamo-local.ts';

export interface S3Local {
  /** `http://127.0.0.1:<port>`: give it to `createDocumentStore({ endpoint })` (path-style, S3RVER/S3RVER). */
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server (s3rver) on 127.0.0.1 for the documents store, so local documents go through the same
 * S3 client code as in AWS. Objects live in `directory` (kept between starts) or in a temporary directory that
 * is removed on stop. Buckets are created by the caller (`ensureBucket`), like the table is.
 */
export async function startS3Local(options: { port: number; directory?: string }): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'regie-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ port: options.port, address: '127.0.0.1', directory, silent: true });
  let port: number;
  try {
    port = (await server.run()).port;
  } catch (error) {
    if (temporary) rmSync(directory, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LocalStackError(
        `Port ${options.port} is in use; stop what uses it or set S3_PORT and try again.`,
      );
    }
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await server.close().catch(() => {});
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}
