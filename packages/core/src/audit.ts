import { createHash } from 'node:crypto';

/** One link of an agreement's audit chain (SPEC §6). Never updated, never deleted. */
export interface AuditEvent {
  /** 1-based position in the agreement's chain. */
  seq: number;
  at: string;
  actor: string;
  /** The actor's display name when it was recorded (events written before names were kept have none). */
  actorName?: string;
  organisation: string;
  action: string;
  objectType: string;
  objectId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  /**
   * The agreement as this change left it (audit-anchor.ts `agreementState`), on every event of an agreement's
   * chain since issue 17; older events and other chains (space, regulation) have none.
   */
  state?: { status: string; version: number; digest: string };
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: object keys sorted at every depth, no whitespace; `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(previousHash + canonical event), the event taken without its own hash. */
export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  const { prevHash, ...rest } = event;
  return createHash('sha256')
    .update(prevHash + canonicalJson({ ...rest, prevHash }))
    .digest('hex');
}

export function sealEvent(event: Omit<AuditEvent, 'hash'>): AuditEvent {
  return { ...event, hash: hashEvent(event) };
}

export interface VerifyResult {
  valid: boolean;
  events: number;
  /** The seq of the first event whose link does not hold. */
  brokenAt?: number;
  reason?: string;
}

/** Recomputes the chain in seq order and names the first broken link. */
export function verifyChain(events: readonly AuditEvent[]): VerifyResult {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.seq !== i + 1)
      return { valid: false, events: events.length, brokenAt: i + 1, reason: 'missing event' };
    if (event.prevHash !== prev) {
      return {
        valid: false,
        events: events.length,
        brokenAt: event.seq,
        reason: 'previous hash does not match',
      };
    }
    const { hash, ...rest } = event;
    if (hashEvent(rest) !== hash) {
      return {
        valid: false,
        events: events.length,
        brokenAt: event.seq,
        reason: 'event content was altered',
      };
    }
    prev = hash;
  }
  return { valid: true, events: events.length };
}
