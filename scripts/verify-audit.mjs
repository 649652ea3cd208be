#!/usr/bin/env node
/**
 * Verifies an agreement's audit trail offline (SPEC §5.5, §6): the JSON-lines export of
 * `GET /files/exports/audit/<id>.jsonl`, with nothing but Node.js — no database, no Regie code, no network.
 *
 *   node scripts/verify-audit.mjs audit-erm-jh-2025.jsonl      (or: npm run verify-audit -- <file>)
 *   cat audit.jsonl | node scripts/verify-audit.mjs -
 *
 * Each event's hash is sha256(prevHash + canonical JSON of the event without its hash), canonical JSON having its
 * object keys sorted at every depth and no whitespace; the first event's prevHash is 64 zeros and seq counts up
 * from 1. Exit code 0 when every link holds, 1 with the first broken seq and the reason, 2 when unreadable.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const GENESIS = '0'.repeat(64);

function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** @returns {{valid: boolean, events: number, head?: string, brokenAt?: number, reason?: string}} */
export function verifyLines(text) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  let prev = GENESIS;
  for (let i = 0; i < lines.length; i++) {
    let event;
    try {
      event = JSON.parse(lines[i]);
    } catch {
      return { valid: false, events: lines.length, brokenAt: i + 1, reason: `line ${i + 1} is not JSON` };
    }
    if (event.seq !== i + 1)
      return { valid: false, events: lines.length, brokenAt: i + 1, reason: 'missing event' };
    if (event.prevHash !== prev)
      return {
        valid: false,
        events: lines.length,
        brokenAt: event.seq,
        reason: 'previous hash does not match',
      };
    const { hash, ...rest } = event;
    const computed = createHash('sha256')
      .update(prev + canonical(rest))
      .digest('hex');
    if (computed !== hash)
      return { valid: false, events: lines.length, brokenAt: event.seq, reason: 'event content was altered' };
    prev = hash;
  }
  return { valid: true, events: lines.length, head: prev };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: node scripts/verify-audit.mjs <audit.jsonl | ->');
    process.exit(2);
  }
  let text;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  const result = verifyLines(text);
  if (result.valid) {
    console.log(`OK: ${result.events} events, the chain holds. Last hash ${result.head}`);
  } else {
    console.log(`BROKEN at seq ${result.brokenAt}: ${result.reason} (${result.events} events read)`);
    process.exit(1);
  }
}
