import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  agreementPdf,
  certificatePdf,
  formatCents,
  formatDate,
  type PdfAgreement,
  signedCopyPdf,
} from './pdf.ts';

const agreement: PdfAgreement = {
  reference: 'ERM-2026-77',
  title: 'Ambulante jeugdhulp — één regio',
  kind: 'contract',
  domain: 'youth',
  description: 'Tekst met ë, € en tekens buiten het lettertype: ŝ 😀',
  startDate: '2027-01-01',
  endDate: '2028-12-31',
  noticePeriodMonths: 3,
  renewal: { options: 2, monthsEach: 12, used: 0 },
  valueCeilingCents: 123_456_789,
  version: 4,
  updatedAt: '2026-11-23T10:00:00.000Z',
  parties: [
    {
      organisationId: 'org-kompas',
      name: 'Jeugdhulp Kompas B.V.',
      kvkNumber: '81234567',
      role: 'contractor',
      kind: 'provider',
      providerSpace: 'PV81234567',
    },
  ],
  productLines: [
    { id: 'l1', category: '45', productCode: '45A01', variant: 'effort', unit: 'hour', tariffCents: 8950 },
  ],
  yearCeilings: [{ year: 2027, cents: 60_000_000 }],
  duties: [],
  kpis: [],
};

describe('agreement PDF', () => {
  it('is deterministic for one version, so regenerating gives the same hash', async () => {
    const a = await agreementPdf(agreement, 'Gemeente Ermelo');
    const b = await agreementPdf(agreement, 'Gemeente Ermelo');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const changed = await agreementPdf({ ...agreement, version: 5 }, 'Gemeente Ermelo');
    expect(Buffer.from(changed).equals(Buffer.from(a))).toBe(false);
    const pdf = await PDFDocument.load(a);
    expect(pdf.getTitle()).toBe('ERM-2026-77 Ambulante jeugdhulp — één regio');
  });

  it('uses Dutch formats', () => {
    expect(formatCents(123_456_789).replace(/\s/g, ' ')).toBe('€ 1.234.567,89');
    expect(formatDate('2027-01-01')).toBe('1 januari 2027');
  });

  it('appends the certificate to a readable document and refuses one it cannot read', async () => {
    const document = await agreementPdf(agreement, 'Gemeente Ermelo');
    const input = {
      reference: agreement.reference,
      title: agreement.title,
      ownerName: 'Gemeente Ermelo',
      complete: false,
      document: {
        id: 'd1',
        agreementId: 'a1',
        sha256: 'a'.repeat(64),
        size: document.length,
        source: 'generated' as const,
        fileName: 'x.pdf',
        createdAt: '2026-11-23T10:00:00.000Z',
        createdBy: 'ermelo.inkoper',
      },
      signers: [
        {
          id: 'provider.PV81234567',
          order: 1,
          party: 'PV81234567',
          partyRole: 'contractor' as const,
          side: 'provider' as const,
          space: 'PV81234567',
          organisationName: 'Jeugdhulp Kompas B.V.',
          role: 'provider_signer' as const,
          state: 'next' as const,
          signature: null,
        },
      ],
    };
    const certificate = await PDFDocument.load(await certificatePdf(input));
    expect(certificate.getPageCount()).toBe(1);
    const signed = await signedCopyPdf(document, input);
    expect(signed).not.toBeNull();
    expect((await PDFDocument.load(signed!)).getPageCount()).toBe(
      (await PDFDocument.load(document)).getPageCount() + 1,
    );
    expect(await signedCopyPdf(new TextEncoder().encode('%PDF-1.7 garbage'), input)).toBeNull();
  });
});
