import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';

/**
 * An uploaded document, read once at upload (issue 17 point 6): a PDF that pdf-lib can read in full, not
 * encrypted, without JavaScript or other actions that run or open something, and without embedded files. What
 * the reading finds is stored with the document's record, so downloads serve the stored bytes without parsing
 * them again.
 */
export interface PdfFacts {
  /** Number of pages (at least one). */
  pages: number;
  /** The header's version, `1.7`. */
  pdfVersion: string;
}

export type PdfRefusal =
  | 'document.invalidPdf'
  | 'document.encrypted'
  | 'document.activeContent'
  | 'document.embeddedFiles';

export type PdfInspection =
  | { ok: true; facts: PdfFacts }
  | { ok: false; status: 415 | 422; reason: PdfRefusal; message: string };

/** Keys whose presence anywhere in the file means script or an action that launches or fetches something. */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'Launch', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData']);
/** Action types (`/S`) and annotation subtypes refused for the same reason. */
const ACTIVE_TYPES = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'RichMedia', 'Rendition']);
/** Keys and types that carry an embedded file. */
const EMBEDDED_KEYS = new Set(['EmbeddedFiles', 'EmbeddedFile', 'EF']);
const EMBEDDED_TYPES = new Set(['EmbeddedFile', 'FileAttachment']);

const refusal = (status: 415 | 422, reason: PdfRefusal, message: string): PdfInspection => ({
  ok: false,
  status,
  reason,
  message,
});

/**
 * Every dictionary in the file, direct or indirect, in object streams too (pdf-lib unpacks those while loading),
 * each visited once. Streams are visited through their dictionary; their content is not interpreted.
 */
function* dictionaries(doc: PDFDocument): Generator<PDFDict> {
  const seen = new Set<PDFObject>();
  const stack: PDFObject[] = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  stack.push(doc.context.trailerInfo.Root as PDFObject);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (!object || seen.has(object) || object instanceof PDFRef) continue;
    seen.add(object);
    if (object instanceof PDFStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFDict) {
      yield object;
      for (const [, value] of object.entries()) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) stack.push(value);
    }
  }
}

const nameOf = (object: PDFObject | undefined): string | undefined =>
  object instanceof PDFName ? object.decodeText() : undefined;

/** Reads an upload once and says whether it is a PDF Regie accepts, with its facts. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  const header = /^%PDF-(\d\.\d)/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 16)));
  if (!header)
    return refusal(415, 'document.invalidPdf', 'The file is not a PDF (it does not start with %PDF-)');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      // Loaded in spite of encryption only to say so: an encrypted document is refused below.
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    });
  } catch {
    return refusal(415, 'document.invalidPdf', 'The file is not a readable PDF');
  }
  if (doc.isEncrypted)
    return refusal(422, 'document.encrypted', 'The PDF is encrypted; upload it without a password');
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    return refusal(415, 'document.invalidPdf', 'The file is not a readable PDF (it has no page tree)');
  }
  if (pages < 1) return refusal(415, 'document.invalidPdf', 'The PDF has no pages');
  for (const dict of dictionaries(doc)) {
    const type = nameOf(dict.get(PDFName.of('Type')));
    const subtype = nameOf(dict.get(PDFName.of('Subtype')));
    const action = nameOf(dict.get(PDFName.of('S')));
    for (const [key] of dict.entries()) {
      const name = key.decodeText();
      if (ACTIVE_KEYS.has(name))
        return refusal(422, 'document.activeContent', `The PDF contains script or actions (/${name})`);
      if (EMBEDDED_KEYS.has(name))
        return refusal(422, 'document.embeddedFiles', `The PDF contains embedded files (/${name})`);
    }
    if (action && ACTIVE_TYPES.has(action))
      return refusal(422, 'document.activeContent', `The PDF contains script or actions (/S /${action})`);
    if (subtype && ACTIVE_TYPES.has(subtype))
      return refusal(422, 'document.activeContent', `The PDF contains script or actions (/${subtype})`);
    if ((type && EMBEDDED_TYPES.has(type)) || (subtype && EMBEDDED_TYPES.has(subtype)))
      return refusal(422, 'document.embeddedFiles', `The PDF contains embedded files (/${type ?? subtype})`);
  }
  return { ok: true, facts: { pages, pdfVersion: header[1]! } };
}
