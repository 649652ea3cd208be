import { describe, expect, it } from 'vitest';
import { canPlaceDocument, groupedHash, progress, uploadProblem } from './model';

describe('signing model', () => {
  it('lets purchasers place a document only before the agreement is active', () => {
    expect(canPlaceDocument(['inkoper'], 'approved')).toBe(true);
    expect(canPlaceDocument(['contractmanager'], 'out_for_signature')).toBe(true);
    expect(canPlaceDocument(['inkoper'], 'active')).toBe(false);
    expect(canPlaceDocument(['approver'], 'approved')).toBe(false);
    expect(canPlaceDocument(['provider_signer'], 'out_for_signature')).toBe(false);
  });

  it('counts signed slots and groups a hash for reading', () => {
    const signers = [{ state: 'signed' }, { state: 'next' }, { state: 'waiting' }] as never;
    expect(progress({ signers })).toEqual({ signed: 1, total: 3 });
    expect(groupedHash('a'.repeat(16))).toBe('aaaaaaaa aaaaaaaa');
  });

  it('refuses a missing, large or non-PDF file before sending it', async () => {
    const pdf = new File(['%PDF-1.7 ...'], 'a.pdf', { type: 'application/pdf' });
    expect(await uploadProblem(pdf)).toBeNull();
    expect(await uploadProblem(null)).toBe('chooseFile');
    expect(await uploadProblem(new File(['<html>'], 'a.pdf'))).toBe('notPdf');
    expect(await uploadProblem(new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'a.pdf'))).toBe('tooLarge');
  });
});
