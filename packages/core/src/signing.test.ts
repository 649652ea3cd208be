import { describe, expect, it } from 'vitest';
import {
  assertCanPlaceDocument,
  assertCanSign,
  CONSENT,
  checkPdfUpload,
  MAX_DOCUMENT_BYTES,
  type Signature,
  type Signer,
  type SigningDocument,
  safeFileName,
  signerSlots,
  signInputSchema,
  slotStates,
} from './signing.ts';
import type { Party } from './terms.ts';

const party = (kvk: string, name: string): Party => ({
  organisationId: `org-${kvk}`,
  role: 'contractor',
  name,
  kind: 'provider',
  kvkNumber: kvk,
  providerSpace: `PV${kvk}`,
});
const jointBody: Party = {
  organisationId: 'org-gr',
  role: 'joint_body',
  name: 'GR',
  kind: 'joint_body',
  kvkNumber: '62345678',
  providerSpace: null,
};
const agreement = {
  space: 'GM0233',
  parties: [
    party('81234567', 'Kompas'),
    jointBody,
    party('40123456', 'Wijkracht'),
    party('81234567', 'Kompas'),
  ],
};
const slots = signerSlots(agreement, 'Gemeente Ermelo');
const document: SigningDocument = {
  id: 'doc1',
  agreementId: 'a1',
  sha256: 'a'.repeat(64),
  size: 1000,
  source: 'generated',
  fileName: 'a.pdf',
  createdAt: '2026-11-23T10:00:00.000Z',
  createdBy: 'ermelo.inkoper',
  termsVersion: 3,
};
const kompas: Signer = {
  user: 'kompas.signer',
  name: 'Kees',
  space: 'PV81234567',
  reach: ['PV81234567'],
  roles: ['provider_signer'],
};
const wijkracht: Signer = { ...kompas, user: 'wijkracht.signer', space: 'PV40123456', reach: ['PV40123456'] };
const approver: Signer = {
  user: 'ermelo.approver',
  name: 'A',
  space: 'GM0233',
  reach: ['GM0233', 'RGNOORDVELUWE'],
  roles: ['approver'],
};
const signed = (order: number): Signature => ({
  slotId: slots[order - 1]!.id,
  order,
  documentId: 'doc1',
  documentHash: document.sha256,
  signer: 'x',
  signerName: 'x',
  signerSpace: slots[order - 1]!.space,
  organisation: slots[order - 1]!.space,
  organisationName: slots[order - 1]!.organisationName,
  side: slots[order - 1]!.side,
  at: '2026-11-23T11:00:00.000Z',
  consentVersion: CONSENT.version,
  consentText: CONSENT.nl,
  level: 'simple',
});
const attempt = (
  signer: Signer,
  signatures: Signature[],
  overrides: Partial<Parameters<typeof assertCanSign>[0]> = {},
) =>
  assertCanSign({
    status: 'out_for_signature',
    document,
    slots,
    signatures,
    signer,
    documentHash: document.sha256,
    consent: true,
    termsVersion: 3,
    ...overrides,
  });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as { code: string; message: string; field?: string };
  }
  return null;
};

describe('signing order', () => {
  it("lists each provider party once, in order, then the owner's approver", () => {
    expect(slots.map((s) => [s.id, s.order, s.side, s.space, s.role, s.party])).toEqual([
      ['provider.PV81234567', 1, 'provider', 'PV81234567', 'provider_signer', 'PV81234567'],
      ['provider.PV40123456', 2, 'provider', 'PV40123456', 'provider_signer', 'PV40123456'],
      ['municipality.GM0233', 3, 'municipality', 'GM0233', 'approver', null],
    ]);
    expect(signerSlots({ space: 'RGNOORDVELUWE', parties: [] }, 'Regio')).toEqual([
      {
        id: 'municipality.RGNOORDVELUWE',
        order: 1,
        side: 'municipality',
        space: 'RGNOORDVELUWE',
        organisationName: 'Regio',
        role: 'approver',
        party: null,
        partyRole: null,
      },
    ]);
  });

  it('marks signed, next and waiting', () => {
    expect(slotStates(slots, [signed(1)]).map((s) => s.state)).toEqual(['signed', 'next', 'waiting']);
    expect(slotStates(slots, []).map((s) => s.state)).toEqual(['next', 'waiting', 'waiting']);
  });

  it('lets only the next signer sign, and says who is first', () => {
    expect(attempt(kompas, [])).toEqual({ slot: slots[0], last: false });
    const early = refusal(() => attempt(wijkracht, []));
    expect(early).toMatchObject({ code: 'CONFLICT' });
    expect(early?.message).toContain('Kompas signs first');
    expect(refusal(() => attempt(approver, [signed(1)]))?.code).toBe('CONFLICT');
    expect(attempt(wijkracht, [signed(1)]).last).toBe(false);
    expect(attempt(approver, [signed(1), signed(2)])).toEqual({ slot: slots[2], last: true });
    expect(refusal(() => attempt(kompas, [signed(1)]))?.message).toContain('signed this document already');
  });

  it("refuses outsiders, other roles and a municipality outside the owner's reach", () => {
    expect(refusal(() => attempt({ ...kompas, space: 'PV99999999', reach: ['PV99999999'] }, []))?.code).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => attempt({ ...kompas, roles: ['provider_reporter'] }, []))?.code).toBe('FORBIDDEN');
    expect(
      refusal(() => attempt({ ...approver, space: 'GM0344', reach: ['GM0344'] }, [signed(1), signed(2)]))
        ?.code,
    ).toBe('FORBIDDEN');
    expect(refusal(() => attempt({ ...approver, roles: ['inkoper'] }, [signed(1), signed(2)]))?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a stale hash, missing consent, no document and the wrong status', () => {
    expect(refusal(() => attempt(kompas, [], { documentHash: 'b'.repeat(64) }))).toMatchObject({
      code: 'CONFLICT',
      field: 'documentHash',
    });
    expect(refusal(() => attempt(kompas, [], { consent: false }))).toMatchObject({ field: 'consent' });
    expect(refusal(() => attempt(kompas, [], { document: null }))?.message).toContain('no document');
    expect(refusal(() => attempt(kompas, [], { status: 'approved' }))?.message).toContain(
      'not out for signature',
    );
    expect(refusal(() => attempt(approver, [signed(1), signed(2), signed(3)]))?.message).toContain(
      'Everyone has signed',
    );
  });
});

describe('signatures bound to their slot', () => {
  // The same agreement with its providers listed the other way round: Wijkracht first, Kompas second.
  const reordered = signerSlots(
    { space: 'GM0233', parties: [party('40123456', 'Wijkracht'), party('81234567', 'Kompas')] },
    'Gemeente Ermelo',
  );

  it("matches a signature by organisation and slot, so a reorder never moves Kompas's signature to Wijkracht", () => {
    // Kompas signed while it was first; after a reorder position 1 is Wijkracht's, and stays unsigned.
    const states = slotStates(reordered, [signed(1)]);
    expect(states.map((s) => [s.space, s.state])).toEqual([
      ['PV40123456', 'next'],
      ['PV81234567', 'signed'],
      ['GM0233', 'waiting'],
    ]);
    expect(states[1]!.signature?.organisation).toBe('PV81234567');
  });

  it('never counts a signature whose organisation is not the slot’s, nor one naming only a position', () => {
    const forged: Signature = { ...signed(1), organisation: 'PV40123456' };
    expect(slotStates(slots, [forged]).map((s) => s.state)).toEqual(['next', 'waiting', 'waiting']);
    const positional = { ...signed(1), slotId: undefined } as unknown as Signature;
    expect(slotStates(slots, [positional])[0]!.state).toBe('next');
  });

  it("lets a provider's signer fill only its own slot, once", () => {
    // Kompas signed; Wijkracht is next. Kompas can neither sign again nor take Wijkracht's turn.
    expect(refusal(() => attempt(kompas, [signed(1)]))?.message).toContain('signed this document already');
    expect(attempt(wijkracht, [signed(1)]).slot.space).toBe('PV40123456');
    // Wijkracht's signer is never given Kompas's slot, even when it is the only one open.
    expect(refusal(() => attempt(wijkracht, [signed(2)]))?.code).toBe('CONFLICT');
    expect(attempt(kompas, [signed(2)]).slot.id).toBe('provider.PV81234567');
  });

  it('refuses a document made from other terms than the current ones, on every signature including the last', () => {
    const stale = refusal(() => attempt(kompas, [], { termsVersion: 4 }));
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'documentHash' });
    expect(stale?.message).toContain('other terms');
    expect(refusal(() => attempt(approver, [signed(1), signed(2)], { termsVersion: 4 }))?.code).toBe(
      'CONFLICT',
    );
    // A document from before terms versions were kept is never taken for the current terms.
    const legacy = { ...document, termsVersion: undefined };
    expect(refusal(() => attempt(kompas, [], { document: legacy }))?.code).toBe('CONFLICT');
  });
});

describe('the sign input', () => {
  it('accepts only explicit consent and a lower-case SHA-256', () => {
    const ok = { agreementId: 'a1', documentHash: 'f'.repeat(64), consent: true };
    expect(signInputSchema.safeParse(ok).success).toBe(true);
    expect(signInputSchema.safeParse({ ...ok, consent: false }).success).toBe(false);
    expect(signInputSchema.safeParse({ ...ok, consent: 'true' }).success).toBe(false);
    expect(signInputSchema.safeParse({ ...ok, documentHash: 'F'.repeat(64) }).success).toBe(false);
    expect(signInputSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
});

describe('documents', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n...');
  it('accepts a PDF within bounds and refuses the rest with a status', () => {
    expect(checkPdfUpload('application/pdf', pdf)).toBeNull();
    expect(checkPdfUpload('application/pdf; charset=binary', pdf)).toBeNull();
    expect(checkPdfUpload('text/plain', pdf)?.status).toBe(415);
    expect(checkPdfUpload(undefined, pdf)?.status).toBe(415);
    expect(checkPdfUpload('application/pdf', new TextEncoder().encode('<html>'))?.status).toBe(415);
    expect(checkPdfUpload('application/pdf', new Uint8Array(0))?.status).toBe(400);
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(pdf);
    expect(checkPdfUpload('application/pdf', big)?.status).toBe(413);
  });

  it('is placed by purchasers while approved or out for signature', () => {
    expect(() => assertCanPlaceDocument('approved', ['inkoper'])).not.toThrow();
    expect(() => assertCanPlaceDocument('out_for_signature', ['contractmanager'])).not.toThrow();
    expect(refusal(() => assertCanPlaceDocument('active', ['inkoper']))?.code).toBe('BAD_REQUEST');
    expect(refusal(() => assertCanPlaceDocument('draft', ['inkoper']))?.code).toBe('BAD_REQUEST');
    expect(refusal(() => assertCanPlaceDocument('approved', ['approver']))?.code).toBe('FORBIDDEN');
  });

  it('keeps file names header-safe', () => {
    expect(safeFileName('Contract versie 2 (def).pdf', 'x.pdf')).toBe('Contract_versie_2_def_.pdf');
    expect(safeFileName('../../etc/passwd', 'x.pdf')).toBe('x.pdf');
    expect(safeFileName('"a";b.pdf', 'x.pdf')).toBe('a_b.pdf');
    expect(safeFileName(undefined, 'x.pdf')).toBe('x.pdf');
  });
});
