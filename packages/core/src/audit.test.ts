import { describe, expect, it } from 'vitest';
import { type AuditEvent, canonicalJson, GENESIS_HASH, sealEvent, verifyChain } from './audit.ts';

function chain(n: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const event = sealEvent({
      seq,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      actor: 'ermelo.inkoper',
      organisation: 'GM0233',
      action: seq === 1 ? 'create' : 'update',
      objectType: 'agreement',
      objectId: 'a1',
      changes: { title: { before: seq - 1, after: seq } },
      prevHash: prev,
    });
    events.push(event);
    prev = event.hash;
  }
  return events;
}

describe('audit chain', () => {
  it('is canonical regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({ valid: true, events: 4 });
  });

  it('names the first altered event', () => {
    const events = chain(4);
    events[2] = { ...events[2]!, actor: 'someone.else' };
    expect(verifyChain(events)).toMatchObject({
      valid: false,
      brokenAt: 3,
      reason: 'event content was altered',
    });
  });

  it('names a removed event', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({ valid: false, brokenAt: 2 });
  });
});
