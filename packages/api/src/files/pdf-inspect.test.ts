import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { agreementPdf } from './pdf.ts';
import { inspectPdf } from './pdf-inspect.ts';

async function plain(pages = 2, objectStreams = false): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  if (!objectStreams) return doc;
  return PDFDocument.load(await doc.save({ useObjectStreams: true }));
}

const save = (doc: PDFDocument, useObjectStreams = false) => doc.save({ useObjectStreams });

describe('inspectPdf — an upload is read once', () => {
  it('accepts a plain PDF and reports its pages and version', async () => {
    const result = await inspectPdf(await save(await plain(3)));
    expect(result).toEqual({ ok: true, facts: { pages: 3, pdfVersion: '1.7' } });
  });

  it('accepts a PDF with object streams and a cross-reference stream', async () => {
    const result = await inspectPdf(await save(await plain(1), true));
    expect(result).toEqual({ ok: true, facts: { pages: 1, pdfVersion: '1.7' } });
  });

  it("accepts Regie's own generated document", async () => {
    const bytes = await agreementPdf(
      {
        reference: 'ERM-2026-01',
        title: 'Test',
        kind: 'contract',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        version: 1,
        updatedAt: '2026-01-01T00:00:00.000Z',
        parties: [],
        productLines: [],
        yearCeilings: [],
        duties: [],
        kpis: [],
      } as unknown as Parameters<typeof agreementPdf>[0],
      'Gemeente Ermelo',
    );
    const result = await inspectPdf(bytes);
    expect(result.ok).toBe(true);
  });

  it('refuses bytes that only start like a PDF, a cut-off file and something else entirely', async () => {
    const full = await save(await plain(1));
    for (const bytes of [
      new TextEncoder().encode('%PDF-1.7\nhello, this is not a PDF'),
      full.subarray(0, 40),
      new TextEncoder().encode('GIF89a....'),
    ]) {
      const result = await inspectPdf(bytes);
      expect(result).toMatchObject({ ok: false, status: 415, reason: 'document.invalidPdf' });
    }
  });

  it('refuses an encrypted PDF', async () => {
    const doc = await plain(1);
    doc.context.trailerInfo.Encrypt = doc.context.register(
      doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128 }),
    );
    const result = await inspectPdf(await save(doc));
    expect(result).toMatchObject({ ok: false, status: 422, reason: 'document.encrypted' });
  });

  it('refuses JavaScript run on opening, in an indirect action and in a page annotation', async () => {
    const opening = await plain(1);
    opening.catalog.set(
      PDFName.of('OpenAction'),
      opening.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
    );
    const named = await plain(1);
    const script = named.context.register(
      named.context.obj({ S: 'JavaScript', JS: PDFString.of('this.exportDataObject()') }),
    );
    named.catalog.set(
      PDFName.of('Names'),
      named.context.obj({ JavaScript: named.context.obj({ Names: [PDFString.of('x'), script] }) }),
    );
    const annotated = await plain(2);
    const link = annotated.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 10, 10],
      A: annotated.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }),
    });
    annotated.getPage(1).node.set(PDFName.of('Annots'), annotated.context.obj([link]));
    for (const doc of [opening, named, annotated]) {
      for (const objectStreams of [false, true]) {
        const result = await inspectPdf(await save(doc, objectStreams));
        expect(result).toMatchObject({ ok: false, status: 422, reason: 'document.activeContent' });
      }
    }
  });

  it('refuses embedded files, as an attachment and as a file-attachment annotation', async () => {
    const attached = await plain(1);
    await attached.attach(new TextEncoder().encode('payload'), 'extra.exe', { mimeType: 'application/x' });
    const annotation = await plain(1);
    annotation
      .getPage(0)
      .node.set(
        PDFName.of('Annots'),
        annotation.context.obj([
          annotation.context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [0, 0, 1, 1] }),
        ]),
      );
    for (const doc of [attached, annotation]) {
      const result = await inspectPdf(await save(doc, true));
      expect(result).toMatchObject({ ok: false, status: 422, reason: 'document.embeddedFiles' });
    }
  });

  it('accepts a link to a web address (not an action that runs anything)', async () => {
    const doc = await plain(1);
    doc.getPage(0).node.set(
      PDFName.of('Annots'),
      doc.context.obj([
        doc.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: [0, 0, 10, 10],
          A: doc.context.obj({ S: 'URI', URI: PDFString.of('https://www.ermelo.nl') }),
        }),
      ]),
    );
    expect((await inspectPdf(await save(doc))).ok).toBe(true);
  });
});
