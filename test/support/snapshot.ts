import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@regie/db';

/**
 * A fingerprint of every item in a test table (a Scan: tests only, never a request path). Two equal
 * fingerprints mean nothing was written, changed or deleted in between.
 */
export async function tableFingerprint(db: Db): Promise<{ items: number; hash: string }> {
  const lines: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      lines.push(JSON.stringify(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  lines.sort();
  return { items: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
