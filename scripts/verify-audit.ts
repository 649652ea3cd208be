/**
 * Verifies an agreement's audit trail offline (SPEC §5.5, §6; issue 17 point 2): the JSON-lines export of
 * `GET /files/exports/audit/<id>.jsonl`, with Node.js and the audit rules of packages/core (audit.ts,
 * audit-anchor.ts) — no database, no network, no other Regie code.
 *
 *   npm run verify-audit -- audit-erm-jh-2025.jsonl      (or: node --import tsx scripts/verify-audit.ts <file>)
 *   cat audit.jsonl | npm run verify-audit -- -
 *   npm run verify-audit -- audit.jsonl --anchors anchors/ --key anchor-public.pem [--agreement agreement.json]
 *
 * Each event's hash is sha256(prevHash + canonical JSON of the event without its hash), canonical JSON having its
 * object keys sorted at every depth and no whitespace; the first event's prevHash is 64 zeros and seq counts up
 * from 1 (core `verifyChain`).
 *
 * `--anchors` names the signed anchors of the daily job (a directory searched for *.json, e.g. a copy of
 * `s3://<anchor bucket>/audit-anchors/<space>/<agreement>/`, or a JSON-lines file), `--key` the anchor public key
 * (PEM, or the base64 DER of `aws kms get-public-key --query PublicKey --output text`). Every anchor of this
 * agreement must carry a valid ECDSA P-256 signature and its seq must be in the chain with its hash: a chain
 * that was cut or rewritten (hashes recomputed) before an anchor fails (core `checkAnchor`). `--agreement` is the
 * agreement as stored (its JSON, e.g. `agreement.get`'s answer): its state must equal the state the chain's last
 * event records, so a direct write to the agreement fails (core `checkState`).
 *
 * Exit code 0 when everything given holds, 1 with the first failure and its reason, 2 when unreadable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditEvent, GENESIS_HASH, type VerifyResult, verifyChain } from '../packages/core/src/audit.ts';
import {
  agreementState,
  checkAnchor,
  checkState,
  parsePublicKey,
  type SignedAnchor,
  toPublicKeyPem,
} from '../packages/core/src/audit-anchor.ts';

export { agreementState };

export interface LinesResult extends VerifyResult {
  head?: string;
}

/** The chain of a JSON-lines export: every line an event, linked and hashed as core `verifyChain` says. */
export function verifyLines(text: string): LinesResult {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const events: AuditEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    try {
      events.push(JSON.parse(lines[i]!));
    } catch {
      // A broken link before the unreadable line is reported first, as the chain is read in order.
      const before = verifyChain(events);
      if (!before.valid) return { ...before, events: lines.length };
      return { valid: false, events: lines.length, brokenAt: i + 1, reason: `line ${i + 1} is not JSON` };
    }
  }
  const chain = verifyChain(events);
  return chain.valid ? { ...chain, head: events.at(-1)?.hash ?? GENESIS_HASH } : chain;
}

export interface TrailResult extends LinesResult {
  anchored?: { seq: number; at: string; after: number } | null;
  state?: 'matches' | 'unrecorded' | null;
}

/**
 * The whole offline verdict: the chain (`verifyLines`), then every anchor of this agreement against it, then the
 * stored agreement's state against the last event's. `anchors` are parsed anchor objects, `publicKey` a PEM or
 * base64 DER string (required with anchors), `agreement` the stored agreement object or undefined.
 */
export function verifyTrail(input: {
  text: string;
  anchors?: SignedAnchor[];
  publicKey?: string;
  agreement?: Record<string, unknown>;
}): TrailResult {
  const { text, anchors = [], publicKey, agreement } = input;
  const chain = verifyLines(text);
  if (!chain.valid) return chain;
  const events: AuditEvent[] = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const id = events[0]?.objectId;
  const mine = anchors.filter((a) => a && a.agreement === id).sort((a, b) => a.seq - b.seq);
  let anchored: TrailResult['anchored'] = null;
  if (mine.length > 0) {
    if (!publicKey) return { ...chain, valid: false, reason: 'anchors given without the public key' };
    let pem: string | null;
    try {
      pem = toPublicKeyPem(publicKey);
    } catch {
      pem = null; // not an EC P-256 key: no anchor's signature can hold
    }
    for (const anchor of mine) {
      const check = pem ? checkAnchor(events, anchor, pem) : ({ status: 'badSignature' } as const);
      const fail = (reason: string, brokenAt: number): TrailResult => ({
        ...chain,
        valid: false,
        brokenAt,
        reason,
      });
      if (check.status === 'badSignature')
        return fail(`anchor of seq ${anchor.seq} has no valid signature`, anchor.seq);
      if (check.status === 'cut')
        return fail(`chain was cut: anchored seq ${anchor.seq} is missing`, events.length + 1);
      if (check.status === 'rewritten')
        return fail(`chain was rewritten: seq ${anchor.seq} differs from its anchor`, anchor.seq);
    }
    const last = mine.at(-1)!;
    anchored = { seq: last.seq, at: last.at, after: events.length - last.seq };
  }
  let state: TrailResult['state'] = null;
  if (agreement !== undefined) {
    const check = checkState(events, agreementState(agreement));
    if (check.status === 'differs') {
      return {
        ...chain,
        valid: false,
        brokenAt: events.length,
        reason: 'stored agreement differs from its chain',
        anchored,
      };
    }
    state = check.status;
  }
  return { ...chain, anchored, state };
}

/** Anchors from a directory (every *.json below it) or a JSON-lines file. */
export function readAnchors(path: string): SignedAnchor[] {
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
  const option = (name: string) => {
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
      'Usage: npm run verify-audit -- <audit.jsonl | -> [--anchors <dir | file>] [--key <public key>] [--agreement <agreement.json>]',
    );
    process.exit(2);
  }
  let text = '';
  let anchors: SignedAnchor[] = [];
  let publicKey: string | undefined;
  let agreement: Record<string, unknown> | undefined;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
    if (anchorsPath) anchors = readAnchors(anchorsPath);
    if (keyPath) publicKey = readFileSync(keyPath, 'utf8');
    if (agreementPath) agreement = JSON.parse(readFileSync(agreementPath, 'utf8'));
    if (publicKey) parsePublicKey(publicKey);
  } catch (error) {
    console.error(`Cannot read the input: ${(error as Error).message}`);
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
