#!/usr/bin/env node
/**
 * Verifies an agreement's audit trail offline (SPEC §5.5, §6; issue 17 point 2): the JSON-lines export of
 * `GET /files/exports/audit/<id>.jsonl`, with nothing but Node.js — no database, no Regie code, no network.
 *
 *   node scripts/verify-audit.mjs audit-erm-jh-2025.jsonl      (or: npm run verify-audit -- <file>)
 *   cat audit.jsonl | node scripts/verify-audit.mjs -
 *   node scripts/verify-audit.mjs audit.jsonl --anchors anchors/ --key anchor-public.pem [--agreement agreement.json]
 *
 * Each event's hash is sha256(prevHash + canonical JSON of the event without its hash), canonical JSON having its
 * object keys sorted at every depth and no whitespace; the first event's prevHash is 64 zeros and seq counts up
 * from 1.
 *
 * `--anchors` names the signed anchors of the daily job (a directory searched for *.json, e.g. a copy of
 * `s3://<anchor bucket>/audit-anchors/<space>/<agreement>/`, or a JSON-lines file), `--key` the anchor public key
 * (PEM, or the base64 DER of `aws kms get-public-key --query PublicKey --output text`). Every anchor of this
 * agreement must carry a valid ECDSA P-256 signature and its seq must be in the chain with its hash: a chain
 * that was cut or rewritten (hashes recomputed) before an anchor fails. `--agreement` is the agreement as stored
 * (its JSON, e.g. `agreement.get`'s answer): its state must equal the state the chain's last event records, so a
 * direct write to the agreement fails.
 *
 * Exit code 0 when everything given holds, 1 with the first failure and its reason, 2 when unreadable.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** The fields of the agreement the recorded state covers, and the defaults of absent ones (core audit-anchor.ts). */
const STATE_FIELDS = [
  'id',
  'space',
  'kind',
  'reference',
  'title',
  'description',
  'status',
  'version',
  'domain',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeilingCents',
  'parties',
  'productLines',
  'renewal',
  'duties',
  'kpis',
  'incentives',
  'yearCeilings',
  'publication',
  'allocationKey',
  'services',
  'parentId',
  'subsidy',
  'termsVersion',
  'approval',
  'sharedWithParties',
  'createdAt',
  'createdBy',
  'createdByName',
  'updatedAt',
  'updatedBy',
  'updatedByName',
];
const DEFAULTS = {
  parties: [],
  productLines: [],
  duties: [],
  kpis: [],
  incentives: [],
  yearCeilings: [],
  services: [],
  publication: null,
  renewal: null,
  allocationKey: null,
  parentId: null,
  noticePeriodMonths: null,
  valueCeilingCents: null,
  subsidy: null,
  approval: null,
  sharedWithParties: false,
};

/** The state of a stored agreement: status, version and the digest of its fields. */
export function agreementState(agreement) {
  const picked = {};
  for (const field of STATE_FIELDS) {
    picked[field] = agreement[field] ?? (field === 'termsVersion' ? agreement.version : DEFAULTS[field]);
  }
  return {
    status: String(agreement.status),
    version: Number(agreement.version),
    digest: createHash('sha256').update(canonical(picked)).digest('hex'),
  };
}

/** The public key from PEM or base64 SPKI DER. */
export function readPublicKey(text) {
  const value = text.trim();
  return value.startsWith('-----BEGIN')
    ? createPublicKey(value)
    : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
}

function anchorValid(anchor, key) {
  try {
    if (anchor.alg !== 'ECDSA_SHA_256') return false;
    const { agreement, space, seq, hash, at } = anchor;
    const message = Buffer.from(
      `regie-audit-anchor/1\n${canonical({ agreement, space, seq, hash, at })}`,
      'utf8',
    );
    return verify('sha256', message, key, Buffer.from(anchor.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The whole offline verdict: the chain (`verifyLines`), then every anchor of this agreement against it, then the
 * stored agreement's state against the last event's. `anchors` are parsed anchor objects, `publicKey` a PEM or
 * base64 DER string (required with anchors), `agreement` the stored agreement object or undefined.
 * @returns {{valid: boolean, events: number, head?: string, brokenAt?: number, reason?: string,
 *   anchored?: {seq: number, at: string, after: number} | null, state?: 'matches' | 'unrecorded' | null}}
 */
export function verifyTrail({ text, anchors = [], publicKey, agreement }) {
  const chain = verifyLines(text);
  if (!chain.valid) return chain;
  const events = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const id = events[0]?.objectId;
  const mine = anchors.filter((a) => a && a.agreement === id).sort((a, b) => a.seq - b.seq);
  let anchored = null;
  if (mine.length > 0) {
    if (!publicKey) return { ...chain, valid: false, reason: 'anchors given without the public key' };
    const key = readPublicKey(publicKey);
    for (const anchor of mine) {
      const fail = (reason, brokenAt) => ({ ...chain, valid: false, brokenAt, reason });
      if (!anchorValid(anchor, key))
        return fail(`anchor of seq ${anchor.seq} has no valid signature`, anchor.seq);
      const event = events[anchor.seq - 1];
      if (!event) return fail(`chain was cut: anchored seq ${anchor.seq} is missing`, events.length + 1);
      if (event.hash !== anchor.hash)
        return fail(`chain was rewritten: seq ${anchor.seq} differs from its anchor`, anchor.seq);
    }
    const last = mine.at(-1);
    anchored = { seq: last.seq, at: last.at, after: events.length - last.seq };
  }
  let state = null;
  if (agreement !== undefined) {
    const recorded = events.at(-1)?.state;
    if (!recorded) state = 'unrecorded';
    else {
      const stored = agreementState(agreement);
      if (
        stored.status !== recorded.status ||
        stored.version !== recorded.version ||
        stored.digest !== recorded.digest
      ) {
        return {
          ...chain,
          valid: false,
          brokenAt: events.length,
          reason: 'stored agreement differs from its chain',
          anchored,
        };
      }
      state = 'matches';
    }
  }
  return { ...chain, anchored, state };
}

/** Anchors from a directory (every *.json below it) or a JSON-lines file. */
export function readAnchors(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path, { recursive: true })
      .filter((name) => String(name).endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(path, String(name)), 'utf8')));
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    if (at === -1) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value ?? '';
  };
  const anchorsPath = option('--anchors');
  const keyPath = option('--key');
  const agreementPath = option('--agreement');
  const file = args[0];
  if (!file || [anchorsPath, keyPath, agreementPath].includes('')) {
    console.error(
      'Usage: node scripts/verify-audit.mjs <audit.jsonl | -> [--anchors <dir | file>] [--key <public key>] [--agreement <agreement.json>]',
    );
    process.exit(2);
  }
  let text;
  let anchors = [];
  let publicKey;
  let agreement;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
    if (anchorsPath) anchors = readAnchors(anchorsPath);
    if (keyPath) publicKey = readFileSync(keyPath, 'utf8');
    if (agreementPath) agreement = JSON.parse(readFileSync(agreementPath, 'utf8'));
    if (publicKey) readPublicKey(publicKey);
  } catch (error) {
    console.error(`Cannot read the input: ${error.message}`);
    process.exit(2);
  }
  const result = verifyTrail({ text, anchors, publicKey, agreement });
  if (result.valid) {
    console.log(`OK: ${result.events} events, the chain holds. Last hash ${result.head}`);
    if (anchorsPath) {
      console.log(
        result.anchored
          ? `Anchored: seq ${result.anchored.seq} signed at ${result.anchored.at}; ${result.anchored.after} event(s) since, not yet anchored.`
          : 'Not yet anchored: no anchor of this agreement among those given.',
      );
    }
    if (result.state === 'matches') console.log('State: the stored agreement is what the chain says.');
    if (result.state === 'unrecorded')
      console.log('State: the last event predates recorded states; not compared.');
  } else {
    console.log(`BROKEN at seq ${result.brokenAt}: ${result.reason} (${result.events} events read)`);
    process.exit(1);
  }
}
