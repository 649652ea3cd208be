import type { TransactItem } from './transact.ts';

/** DynamoDB's limits of one TransactWriteItems: 100 items, 4 MB in all. */
export const TRANSACTION_ITEMS = 100;
/** The size bound of a grouped transaction, estimated from the items' JSON, well under DynamoDB's 4 MB. */
export const TRANSACTION_BYTES = 2_000_000;

/** The item one transaction operation touches, as one string (table, pk, sk). */
function itemKey(item: TransactItem): string {
  const key = (item.Put?.Item ?? item.Delete?.Key ?? item.Update?.Key ?? item.ConditionCheck?.Key) as
    | { pk?: unknown; sk?: unknown }
    | undefined;
  const table =
    item.Put?.TableName ?? item.Delete?.TableName ?? item.Update?.TableName ?? item.ConditionCheck?.TableName;
  return `${table}\u0000${String(key?.pk)}\u0000${String(key?.sk)}`;
}

/**
 * Packs whole units (each one change's items: an agreement with its reference, mirrors and audit event) into as
 * few transactions as fit, in order: at most `maxItems` items and about `maxBytes` each, and never two operations
 * on one item in a transaction (DynamoDB refuses that). A unit is never split, so its audit event stays in the
 * transaction of the change it records; a unit too big to share a transaction is a group of its own.
 */
export function groupWhole<T extends { items: readonly TransactItem[] }>(
  units: readonly T[],
  maxItems = TRANSACTION_ITEMS,
  maxBytes = TRANSACTION_BYTES,
): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let items = 0;
  let bytes = 0;
  let touched = new Set<string>();
  for (const unit of units) {
    const size = JSON.stringify(unit.items).length;
    const unitKeys = unit.items.map(itemKey);
    const fits =
      items + unit.items.length <= maxItems &&
      bytes + size <= maxBytes &&
      !unitKeys.some((key) => touched.has(key));
    if (!fits && group.length > 0) {
      groups.push(group);
      group = [];
      items = 0;
      bytes = 0;
      touched = new Set();
    }
    group.push(unit);
    items += unit.items.length;
    bytes += size;
    for (const key of unitKeys) touched.add(key);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
