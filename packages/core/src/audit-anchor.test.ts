import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AuditEvent, GENESIS_HASH, sealEvent } from './audit.ts';
import {
  type AnchorPayload,
  agreementState,
  anchorMessage,
  anchorSignatureValid,
  checkAnchor,
  checkState,
  type SignedAnchor,
  toPublicKeyPem,
  verifyAuditTrail,
} from './audit-anchor.ts';

const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const signAnchor = (payload: AnchorPayload, key = keys.privateKey): SignedAnchor => ({
  ...payload,
  alg: 'ECDSA_SHA_256',
  keyId: 'local:test',
  signature: sign('sha256', anchorMessage(payload), key).toString('base64'),
});

const agreementAt = (version: number, extra: Record<string, unknown> = {}) => ({
  id: 'a1',
  space: 'gm0001',
  status: version === 1 ? 'draft' : 'active',
  version,
  title: 'Jeugdhulp',
  valueCeilingCents: 100_000,
  ...extra,
});

/** A chain of `n` events, each recording the agreement's state at that version; `tamper` rewrites content. */
function chain(n: number, tamper?: (e: Omit<AuditEvent, 'hash'>) => Omit<AuditEvent, 'hash'>): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    let event: Omit<AuditEvent, 'hash'> = {
      seq,
      at: `2026-01-0${seq}T10:00:00.000Z`,
      actor: 'u1',
      organisation: 'gm0001',
      action: seq === 1 ? 'create' : 'update',
      objectType: 'agreement',
      objectId: 'a1',
      changes: { version: { before: seq - 1, after: seq } },
      state: agreementState(agreementAt(seq)),
      prevHash: prev,
    };
    if (tamper) event = tamper(event);
    const sealed = sealEvent(event);
    events.push(sealed);
    prev = sealed.hash;
  }
  return events;
}

const anchorOf = (events: AuditEvent[], seq: number) =>
  signAnchor({
    agreement: 'a1',
    space: 'gm0001',
    seq,
    hash: events[seq - 1]!.hash,
    at: '2026-01-09T02:00:00Z',
  });

const headOf = (events: AuditEvent[]) => ({ auditSeq: events.length, auditHash: events.at(-1)?.hash ?? '' });

describe('agreementState', () => {
  it('changes with any stored field and keeps status and version readable', () => {
    const base = agreementState(agreementAt(2));
    expect(base).toMatchObject({ status: 'active', version: 2 });
    expect(agreementState(agreementAt(2, { valueCeilingCents: 100_001 })).digest).not.toBe(base.digest);
    expect(agreementState(agreementAt(2, { title: 'Wmo' })).digest).not.toBe(base.digest);
  });

  it('reads absent fields as the defaults the repository fills in, and ignores derived figures', () => {
    const base = agreementState(agreementAt(2));
    expect(agreementState(agreementAt(2, { parties: [], approval: null, termsVersion: 2 })).digest).toBe(
      base.digest,
    );
    expect(agreementState(agreementAt(2, { spentCents: 5_000, pk: 'x' })).digest).toBe(base.digest);
    expect(agreementState(agreementAt(2, { termsVersion: 1 })).digest).not.toBe(base.digest);
  });
});

describe('anchor signatures', () => {
  const payload = {
    agreement: 'a1',
    space: 'gm0001',
    seq: 3,
    hash: 'ab'.repeat(32),
    at: '2026-01-09T02:00:00Z',
  };

  it('accepts the signing key only, and no altered payload', () => {
    const anchor = signAnchor(payload);
    expect(anchorSignatureValid(anchor, publicKeyPem)).toBe(true);
    expect(anchorSignatureValid(signAnchor(payload, other.privateKey), publicKeyPem)).toBe(false);
    expect(anchorSignatureValid({ ...anchor, seq: 2 }, publicKeyPem)).toBe(false);
    expect(anchorSignatureValid({ ...anchor, hash: 'cd'.repeat(32) }, publicKeyPem)).toBe(false);
    expect(anchorSignatureValid({ ...anchor, space: 'gm0002' }, publicKeyPem)).toBe(false);
    expect(anchorSignatureValid({ ...anchor, signature: 'AAAA' }, publicKeyPem)).toBe(false);
    expect(anchorSignatureValid(anchor, 'not a key')).toBe(false);
  });
});

describe('toPublicKeyPem', () => {
  it('reads PEM and the base64 DER KMS prints, and refuses other keys', () => {
    const der = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(toPublicKeyPem(der)).toBe(publicKeyPem);
    expect(toPublicKeyPem(`  ${publicKeyPem}\n`)).toBe(publicKeyPem);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(() => toPublicKeyPem(rsa.toString())).toThrow('EC P-256');
    expect(() => toPublicKeyPem('bm90IGEga2V5')).toThrow();
  });
});

describe('checkAnchor', () => {
  const events = chain(5);

  it('says not yet anchored without an anchor, and counts the events after the anchored one', () => {
    expect(checkAnchor(events, null, publicKeyPem)).toEqual({ status: 'notAnchored' });
    expect(checkAnchor(events, anchorOf(events, 3), publicKeyPem)).toMatchObject({
      status: 'anchored',
      seq: 3,
      after: 2,
    });
    expect(checkAnchor(events, anchorOf(events, 3), null)).toMatchObject({ status: 'noKey', seq: 3 });
  });

  it('detects a rewrite with recomputed hashes', () => {
    const rewritten = chain(5, (e) => (e.seq === 2 ? { ...e, actor: 'someone-else' } : e));
    expect(rewritten.at(-1)!.hash).not.toBe(events.at(-1)!.hash);
    expect(checkAnchor(rewritten, anchorOf(events, 4), publicKeyPem)).toMatchObject({
      status: 'rewritten',
      seq: 4,
    });
  });

  it('detects a truncation below the anchored head', () => {
    expect(checkAnchor(events.slice(0, 3), anchorOf(events, 4), publicKeyPem)).toMatchObject({
      status: 'cut',
      seq: 4,
    });
  });

  it('refuses a forged anchor', () => {
    const forged = { ...anchorOf(events, 4), hash: events[3]!.hash, seq: 3 };
    expect(checkAnchor(events, forged, publicKeyPem)).toMatchObject({ status: 'badSignature' });
  });
});

describe('checkState', () => {
  const events = chain(3);

  it('matches the state the last event recorded', () => {
    expect(checkState(events, agreementState(agreementAt(3)))).toEqual({ status: 'matches', seq: 3 });
  });

  it('detects a direct write of any field, status and version included', () => {
    expect(checkState(events, agreementState(agreementAt(3, { valueCeilingCents: 1 })))).toEqual({
      status: 'differs',
      seq: 3,
      fields: ['digest'],
    });
    expect(checkState(events, agreementState({ ...agreementAt(3), status: 'terminated' }))).toMatchObject({
      fields: ['status', 'digest'],
    });
    expect(checkState(events, agreementState(agreementAt(2)))).toMatchObject({ status: 'differs' });
  });

  it('says unrecorded when the last event predates recorded states', () => {
    const legacy = chain(2, (e) => ({ ...e, state: undefined }));
    expect(checkState(legacy, agreementState(agreementAt(2)))).toEqual({ status: 'unrecorded' });
  });
});

describe('verifyAuditTrail', () => {
  const events = chain(5);
  const stored = agreementState(agreementAt(5));
  const verify = (e: AuditEvent[], s = stored, anchor: SignedAnchor | null = anchorOf(events, 4)) =>
    verifyAuditTrail({ events: e, head: headOf(e), stored: s, anchor, publicKeyPem });

  it('holds for an untouched trail, anchored or not yet anchored', () => {
    expect(verify(events)).toMatchObject({ valid: true, events: 5, anchor: { status: 'anchored' } });
    expect(verify(events, stored, null)).toMatchObject({ valid: true, anchor: { status: 'notAnchored' } });
  });

  it('fails a rewrite whose hashes and head were recomputed', () => {
    const rewritten = chain(5, (e) =>
      e.seq === 3 ? { ...e, changes: { version: { before: 2, after: 9 } } } : e,
    );
    expect(verify(rewritten)).toMatchObject({ valid: false, brokenAt: 4, anchor: { status: 'rewritten' } });
  });

  it('fails a truncation whose head was rolled back', () => {
    const cut = events.slice(0, 3);
    const result = verify(cut, agreementState(agreementAt(3)));
    expect(result).toMatchObject({ valid: false, anchor: { status: 'cut', seq: 4 } });
    // The same cut with the head rolled back passes the chain checks alone: only the anchor catches it.
    expect(verify(cut, agreementState(agreementAt(3)), null).valid).toBe(true);
  });

  it('fails a direct write to the agreement', () => {
    expect(verify(events, agreementState(agreementAt(5, { valueCeilingCents: 9_999_999 })))).toMatchObject({
      valid: false,
      brokenAt: 5,
      reason: 'stored agreement differs from its chain',
      state: { status: 'differs' },
    });
  });

  it('fails a head that does not match the chain', () => {
    expect(
      verifyAuditTrail({
        events,
        head: { auditSeq: 6, auditHash: 'x' },
        stored,
        anchor: null,
        publicKeyPem,
      }),
    ).toMatchObject({ valid: false, reason: 'chain is shorter than its head' });
  });
});
