import { describe, expect, it } from 'vitest';
import { decisionRefError, mayAnswer, mayRecord, reasonError, stateBadgeClass } from './confirm';

describe('relation confirmation in the browser', () => {
  it('checks the change reason and the decision reference as the server does', () => {
    expect(reasonError('  ')).toBe('reasonRequired');
    expect(reasonError('x'.repeat(1001))).toBe('reasonTooLong');
    expect(reasonError('Graag kwartaaloverleg')).toBeUndefined();
    expect(decisionRefError('')).toBe('decisionRefRequired');
    expect(decisionRefError('x'.repeat(201))).toBe('decisionRefTooLong');
    expect(decisionRefError('AB-besluit 2026-14')).toBeUndefined();
  });

  it('offers the answer to signers and administrators, the record to purchasers and the coordinator', () => {
    expect(mayAnswer({ roles: ['provider_reporter'] })).toBe(false);
    expect(mayAnswer({ roles: ['provider_signer'] })).toBe(true);
    expect(mayRecord({ roles: ['viewer'] })).toBe(false);
    expect(mayRecord({ roles: ['coordinator'] })).toBe(true);
    expect(stateBadgeClass('change_asked')).toContain('warning');
  });
});
