/**
 * The one table definition. CDK (infra/lib/stacks/data-stack.ts) and the local bootstrap
 * (packages/local) both build the table from this object, so the two can never drift.
 *
 * Key scheme (see keys.ts): every partition key — of the table and of every index — starts with
 * the owning space followed by '#', e.g. `GM0233#AGR#01h...`. That prefix is what the IAM policy's
 * `dynamodb:LeadingKeys` condition allows in AWS.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry (idempotency records). */
  readonly timeToLiveAttribute: string;
}

export const tableDefinition: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
};

/** All key attribute names, in the order CreateTable wants them declared. */
export function keyAttributeNames(def: TableDefinition = tableDefinition): string[] {
  const names = [def.partitionKey, def.sortKey];
  for (const index of def.indexes) names.push(index.partitionKey, index.sortKey);
  return names;
}
