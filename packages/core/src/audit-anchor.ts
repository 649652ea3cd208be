import { createHash, createPublicKey, type KeyObject, verify as verifySignature } from 'node:crypto';
import type { Agreement } from './agreement.ts';
import { type AuditEvent, canonicalJson, type VerifyResult, verifyChain } from './audit.ts';

/**
 * Anchored audit (issue 17 point 2). Two checks on top of the hash chain:
 * - the chain against the latest signed anchor: the anchored seq must be in the chain with the anchored hash, so
 *   a chain that was cut (events removed, head rolled back) or rewritten (hashes recomputed) before the anchor
 *   no longer matches it;
 * - the agreement's stored state against the state the chain's last event records: every event on an
 *   agreement's chain carries the status, version and a digest of the agreement as that change left it, so a
 *   direct write to the agreement item no longer matches its chain.
 */

/** The agreement as an event left it: readable status and version, and a digest of every stored field. */
export interface AuditState {
  status: string;
  version: number;
  /** sha256 of the canonical JSON of the agreement's fields (AGREEMENT_STATE_FIELDS, normalised). */
  digest: string;
}

/**
 * The fields of the agreement the state digest covers: every field of `Agreement`. Derived figures kept on the
 * item by other repositories (the budget's `spentCents`, reached signals) are not part of it.
 */
export const AGREEMENT_STATE_FIELDS = [
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
] as const satisfies readonly (keyof Agreement)[];

/** Older items lack fields added later: absent reads as the default the repository fills in. */
const DEFAULTS: Partial<Record<(typeof AGREEMENT_STATE_FIELDS)[number], unknown>> = {
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

/** The state of an agreement (an item as stored, or as a change is about to store it). */
export function agreementState(item: Partial<Agreement> | Record<string, unknown>): AuditState {
  const agreement = item as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of AGREEMENT_STATE_FIELDS) {
    picked[field] = agreement[field] ?? (field === 'termsVersion' ? agreement.version : DEFAULTS[field]);
  }
  return {
    status: String(agreement.status),
    version: Number(agreement.version),
    digest: createHash('sha256').update(canonicalJson(picked)).digest('hex'),
  };
}

/** What the daily job signs: one chain head of one agreement at one time. */
export interface AnchorPayload {
  agreement: string;
  space: string;
  seq: number;
  hash: string;
  at: string;
}

export const ANCHOR_ALGORITHM = 'ECDSA_SHA_256' as const;

/** A signed anchor as stored (S3 with Object Lock; its latest copy also on the agreement's partition). */
export interface SignedAnchor extends AnchorPayload {
  alg: typeof ANCHOR_ALGORITHM;
  /** Which key signed (the KMS key ARN, or `local:<fingerprint>` for the development key). */
  keyId: string;
  /** ECDSA P-256 over SHA-256 of `anchorMessage`, DER, base64. */
  signature: string;
}

/** The exact bytes signed: a version tag and the canonical JSON of the five payload fields. */
export function anchorMessage(anchor: AnchorPayload): Buffer {
  const { agreement, space, seq, hash, at } = anchor;
  return Buffer.from(`regie-audit-anchor/1\n${canonicalJson({ agreement, space, seq, hash, at })}`, 'utf8');
}

/** A public key from PEM or from base64 SPKI DER, of any type (throws when it is neither). */
export function parsePublicKey(value: string): KeyObject {
  const text = value.trim();
  return text.startsWith('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
}

/**
 * The anchor public key as SPKI PEM, from PEM or from the base64 DER that `aws kms get-public-key --query
 * PublicKey --output text` prints. Throws unless it is an EC P-256 public key.
 */
export function toPublicKeyPem(value: string): string {
  const key = parsePublicKey(value);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('The audit anchor key must be an EC P-256 public key');
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Whether `anchor` was signed by the key of `publicKeyPem` (SPKI PEM); false for anything malformed. */
export function anchorSignatureValid(anchor: SignedAnchor, publicKeyPem: string): boolean {
  try {
    if (anchor.alg !== ANCHOR_ALGORITHM) return false;
    return verifySignature(
      'sha256',
      anchorMessage(anchor),
      createPublicKey(publicKeyPem),
      Buffer.from(anchor.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * The chain against its latest anchor:
 * - `notAnchored`: no anchor yet (a new agreement before the next daily run, or a local seed without one);
 * - `noKey`: an anchor, but no public key to check its signature with (the verdict then rests on the chain);
 * - `badSignature`: the anchor was not signed by the key (a forged or altered anchor);
 * - `cut`: the chain is shorter than the anchored head (events removed and the head rolled back);
 * - `rewritten`: the anchored seq is there but with another hash (events rewritten, hashes recomputed);
 * - `anchored`: the anchored head is in the chain; `after` events were added since (not yet anchored).
 */
export type AnchorCheck =
  | { status: 'notAnchored' }
  | { status: 'noKey'; seq: number; at: string }
  | { status: 'badSignature'; seq: number; at: string }
  | { status: 'cut'; seq: number; at: string }
  | { status: 'rewritten'; seq: number; at: string }
  | { status: 'anchored'; seq: number; at: string; after: number };

export function checkAnchor(
  events: readonly AuditEvent[],
  anchor: SignedAnchor | null,
  publicKeyPem: string | null,
): AnchorCheck {
  if (!anchor) return { status: 'notAnchored' };
  const { seq, at } = anchor;
  if (!publicKeyPem) return { status: 'noKey', seq, at };
  if (!anchorSignatureValid(anchor, publicKeyPem)) return { status: 'badSignature', seq, at };
  const event = events.find((e) => e.seq === seq);
  if (!event) return { status: 'cut', seq, at };
  if (event.hash !== anchor.hash) return { status: 'rewritten', seq, at };
  return { status: 'anchored', seq, at, after: events.length - seq };
}

/**
 * The stored agreement against the state its chain's last event records:
 * - `matches`; `differs` (a direct write: the stored fields are not what the chain's last change left);
 * - `unrecorded`: the last event predates recorded states (events written before issue 17), nothing to compare.
 */
export type StateCheck =
  | { status: 'matches'; seq: number }
  | { status: 'unrecorded' }
  | { status: 'differs'; seq: number; fields: ('status' | 'version' | 'digest')[] };

export function checkState(events: readonly AuditEvent[], stored: AuditState): StateCheck {
  const last = events.at(-1);
  const recorded = last?.state;
  if (!last || !recorded) return { status: 'unrecorded' };
  const fields = (['status', 'version', 'digest'] as const).filter((f) => recorded[f] !== stored[f]);
  return fields.length ? { status: 'differs', seq: last.seq, fields } : { status: 'matches', seq: last.seq };
}

export interface AuditVerification extends VerifyResult {
  anchor: AnchorCheck;
  state: StateCheck;
}

/**
 * The whole verdict on an agreement's trail: the links, the head stored on the agreement, the latest anchor and
 * the stored state. `valid` is false when any of them fails; an agreement not yet anchored (or without a
 * recorded state) can still be valid — the check then says so instead of failing.
 */
export function verifyAuditTrail(input: {
  events: readonly AuditEvent[];
  head: { auditSeq: number; auditHash: string };
  stored: AuditState;
  anchor: SignedAnchor | null;
  publicKeyPem: string | null;
}): AuditVerification {
  const { events, head } = input;
  const anchor = checkAnchor(events, input.anchor, input.publicKeyPem);
  const state = checkState(events, input.stored);
  const chain = verifyChain(events);
  if (!chain.valid) return { ...chain, anchor, state };
  if (events.length !== head.auditSeq || events.at(-1)?.hash !== head.auditHash) {
    return {
      valid: false,
      events: events.length,
      brokenAt: Math.min(events.length, head.auditSeq) + 1,
      reason: 'chain is shorter than its head',
      anchor,
      state,
    };
  }
  if (anchor.status === 'badSignature' || anchor.status === 'cut' || anchor.status === 'rewritten') {
    return {
      valid: false,
      events: events.length,
      brokenAt: anchor.status === 'cut' ? events.length + 1 : anchor.seq,
      reason: `anchor ${anchor.status === 'badSignature' ? 'signature is not valid' : `shows the chain was ${anchor.status}`}`,
      anchor,
      state,
    };
  }
  if (state.status === 'differs') {
    return {
      valid: false,
      events: events.length,
      brokenAt: state.seq,
      reason: 'stored agreement differs from its chain',
      anchor,
      state,
    };
  }
  return { valid: true, events: events.length, anchor, state };
}
