import { createHash } from 'node:crypto';
import {
  assertCanPlaceDocument,
  checkPdfUpload,
  DOCUMENT_ROLES,
  DomainError,
  idSchema,
  MAX_DOCUMENT_BYTES,
  MUNICIPAL_ROLES,
  notFound,
  PDF_CONTENT_TYPE,
  PROVIDER_ROLES,
  type Reason,
  type Role,
  safeFileName,
} from '@regie/core';
import type { SigningStatus } from '@regie/db';
import {
  type DocumentStore,
  documentObjectKey,
  documentPrefix,
  signedCopyObjectKey,
} from '@regie/db/documents';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import type { Identity } from '../auth.ts';
import type { FilesDeps } from './app.ts';
import { type CallerEnv, caller } from './caller.ts';
import { agreementPdf, certificatePdf, signedCopyPdf } from './pdf.ts';
import { inspectPdf, type PdfFacts } from './pdf-inspect.ts';

type Env = CallerEnv;

const ALL_ROLES: readonly Role[] = [...MUNICIPAL_ROLES, ...PROVIDER_ROLES];

const json = (
  c: HonoContext,
  status: 400 | 401 | 403 | 404 | 413 | 415 | 422,
  code: string,
  message: string,
  reason?: Reason,
) => c.json({ error: { code, message, ...(reason ? { reason, params: {} } : {}) } }, status);

const CODES = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
};

/**
 * The request body, at most `max` bytes kept. A larger body is read on to a hard cap and discarded, so the client
 * that sent it hears its 413 instead of a connection closed mid-upload; past the cap the stream is cancelled.
 */
async function readBounded(req: Request, max: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const cap = declared > 4 * max ? 0 : 4 * max;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      if (total > cap) {
        await reader.cancel();
        break;
      }
      continue;
    }
    chunks.push(value);
  }
  if (total > max) return 'too-large';
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Agreement documents (SPEC §5.2) and the agreement as PDF (§5.5), under `/files/agreements/:id/…`:
 *
 * | route | roles | |
 * |---|---|---|
 * | `POST document/generate` | inkoper, contractmanager | generates the PDF from the agreement and makes it the document to sign |
 * | `POST document` | inkoper, contractmanager | uploads a PDF (raw body, `application/pdf`, ≤ 4 MB, `?fileName=`) as the document |
 * | `GET document.pdf` | municipal and provider users | the current document (providers: only as a party) |
 * | `GET certificate.pdf` | municipal and provider users | the signature certificate (who, when, hash, consent) |
 * | `GET signed.pdf` | municipal and provider users | the document with the certificate appended |
 * | `GET export.pdf` | municipal users | the agreement as PDF (the same generator) |
 *
 * Every route declares its roles; anything outside the caller's reach answers 404 like a missing id.
 */
export function documentRoutes(deps: FilesDeps): Hono<Env> {
  const app = new Hono<Env>();

  /** The caller (as for tRPC, `caller.ts`) with one of `roles`, on a well-formed agreement id (else 404). */
  const allow = (roles: readonly Role[]): MiddlewareHandler<Env> => {
    const authenticated = caller(deps, roles);
    return (c, next) =>
      authenticated(c, async () => {
        if (idSchema().safeParse(c.req.param('id')).success) await next();
        else c.res = json(c, 404, 'NOT_FOUND', 'Agreement not found');
      });
  };

  const storeFor = async (identity: Identity, status: Pick<SigningStatus, 'ownerSpace' | 'agreementId'>) =>
    deps.documentsFor
      ? deps.documentsFor(identity, [documentPrefix(status.ownerSpace, status.agreementId)])
      : deps.documents;

  const pdf = (c: HonoContext, bytes: Uint8Array, fileName: string) => {
    c.header('content-type', PDF_CONTENT_TYPE);
    c.header('content-disposition', `attachment; filename="${fileName}"`);
    c.header('x-content-type-options', 'nosniff');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  };

  /** Stores the bytes under the owner's prefix, then records them as the agreement's document. */
  async function place(
    c: HonoContext<Env>,
    bytes: Uint8Array,
    source: 'generated' | 'uploaded',
    fileName: string,
    facts: PdfFacts,
    status: SigningStatus,
    /** For a generated document: the terms version it was made from (refused if the terms changed since). */
    termsVersion?: number,
  ) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const store: DocumentStore = await storeFor(c.var.identity, status);
    await store.put(
      documentObjectKey(status.ownerSpace, status.agreementId, sha256),
      bytes,
      PDF_CONTENT_TYPE,
    );
    const document = await c.var.repos.signing.placeDocument(status.agreementId, {
      sha256,
      size: bytes.length,
      source,
      fileName,
      ...facts,
      ...(termsVersion !== undefined ? { termsVersion } : {}),
    });
    return c.json({ document }, 201);
  }

  /** The agreement for a document change: municipal, in a status that takes a document. */
  async function forPlacing(c: HonoContext<Env>) {
    const id = c.req.param('id')!;
    const status = await c.var.repos.signing.status(id);
    assertCanPlaceDocument(status.status, c.var.identity.roles);
    return status;
  }

  app.post('/:id/document/generate', allow(DOCUMENT_ROLES), async (c) => {
    const status = await forPlacing(c);
    const agreement = await c.var.repos.agreements.get(status.agreementId);
    const bytes = await agreementPdf(agreement, status.ownerName);
    const read = await inspectPdf(bytes);
    // Regie's own generator makes a plain PDF; anything else is a fault, not the caller's.
    if (!read.ok) throw new Error(`Generated document refused: ${read.reason}`);
    return place(
      c,
      bytes,
      'generated',
      safeFileName(`${agreement.reference}-v${agreement.version}.pdf`, 'overeenkomst.pdf'),
      read.facts,
      status,
      agreement.termsVersion,
    );
  });

  app.post('/:id/document', allow(DOCUMENT_ROLES), async (c) => {
    const type = c.req.header('content-type');
    if (type?.split(';')[0]?.trim().toLowerCase() !== PDF_CONTENT_TYPE) {
      return json(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload a PDF with content-type application/pdf');
    }
    const name = c.req.query('fileName');
    if (name !== undefined && name.length > 200) {
      return json(c, 400, 'BAD_REQUEST', 'fileName: at most 200 characters');
    }
    const bytes = await readBounded(c.req.raw, MAX_DOCUMENT_BYTES);
    if (bytes === 'too-large') {
      return json(c, 413, 'PAYLOAD_TOO_LARGE', `A document may be at most ${MAX_DOCUMENT_BYTES} bytes`);
    }
    const refused = checkPdfUpload(type, bytes);
    if (refused) return json(c, refused.status, CODES[refused.status], refused.message);
    const status = await forPlacing(c);
    // Read once, here: what it finds is stored with the record; downloads never parse the upload again.
    const read = await inspectPdf(bytes);
    if (!read.ok) return json(c, read.status, CODES[read.status], read.message, read.reason);
    return place(c, bytes, 'uploaded', safeFileName(name, 'document.pdf'), read.facts, status);
  });

  /** The current document's record and bytes, for either side; 404 when there is none. */
  async function currentDocument(c: HonoContext<Env>) {
    const { status } = await c.var.repos.signing.current(c.req.param('id')!);
    if (!status.document) throw notFound('Document');
    const store = await storeFor(c.var.identity, status);
    const bytes = await store.get(
      documentObjectKey(status.ownerSpace, status.agreementId, status.document.sha256),
    );
    if (!bytes) throw new DomainError('NOT_FOUND', 'document.notFound', { message: 'Document not found' });
    return { status, document: status.document, bytes };
  }

  const certificateInput = (status: SigningStatus) => ({
    reference: status.reference,
    title: status.title,
    ownerName: status.ownerName,
    document: status.document!,
    signers: status.signers,
    complete: status.complete,
  });

  app.get('/:id/document.pdf', allow(ALL_ROLES), async (c) => {
    const { document, bytes } = await currentDocument(c);
    c.header('x-document-sha256', document.sha256);
    return pdf(c, bytes, document.fileName);
  });

  app.get('/:id/certificate.pdf', allow(ALL_ROLES), async (c) => {
    const { status } = await c.var.repos.signing.current(c.req.param('id')!);
    if (!status.document) throw notFound('Document');
    c.header('x-document-sha256', status.document.sha256);
    return pdf(
      c,
      await certificatePdf(certificateInput(status)),
      `${safeFileName(`${status.reference}-certificaat.pdf`, 'certificaat.pdf')}`,
    );
  });

  /**
   * The document with the certificate appended. Made once per document and set of signatures and kept next to
   * the document, so repeated downloads serve stored bytes instead of parsing the upload again.
   */
  app.get('/:id/signed.pdf', allow(ALL_ROLES), async (c) => {
    const { status } = await c.var.repos.signing.current(c.req.param('id')!);
    if (!status.document) throw notFound('Document');
    const input = certificateInput(status);
    const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const key = signedCopyObjectKey(status.ownerSpace, status.agreementId, inputHash);
    const fileName = safeFileName(`${status.reference}-ondertekend.pdf`, 'ondertekend.pdf');
    const store = await storeFor(c.var.identity, status);
    const kept = await store.get(key);
    if (kept) return pdf(c, kept, fileName);
    const bytes = await store.get(
      documentObjectKey(status.ownerSpace, status.agreementId, status.document.sha256),
    );
    if (!bytes) throw new DomainError('NOT_FOUND', 'document.notFound', { message: 'Document not found' });
    const signed = await signedCopyPdf(bytes, input);
    if (signed) await store.put(key, signed, PDF_CONTENT_TYPE);
    if (!signed) {
      return json(
        c,
        422,
        'UNPROCESSABLE_CONTENT',
        'The document cannot be combined; download the certificate separately',
      );
    }
    return pdf(c, signed, fileName);
  });

  app.get('/:id/export.pdf', allow(MUNICIPAL_ROLES), async (c) => {
    const id = c.req.param('id')!;
    const agreement = await c.var.repos.agreements.get(id);
    const { ownerName } = await c.var.repos.signing.status(id);
    return pdf(
      c,
      await agreementPdf(agreement, ownerName),
      safeFileName(`${agreement.reference}.pdf`, 'overeenkomst.pdf'),
    );
  });

  return app;
}
