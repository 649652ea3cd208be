import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { documentObjectKey } from '@regie/db/documents';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdfBytes = async (pages = 1) => {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage().drawText(`Geüploade overeenkomst, pagina ${i + 1}`);
  return pdf.save();
};

/** SPEC §5.2: documents frozen by their SHA-256, signers in order with consent, active on the last signature. */
describe('signing', () => {
  let api: TestApi;
  let n = 0;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const files = async (
    path: string,
    user: string | null,
    init: { method?: string; body?: Uint8Array | string; type?: string } = {},
  ) => {
    const response = await fetch(`${api.url}/files/${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(user ? { authorization: `Bearer ${await api.token(user)}` } : {}),
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body as RequestInit['body'],
    });
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      bytes: type.startsWith('application/pdf') ? new Uint8Array(await response.arrayBuffer()) : null,
      // biome-ignore lint/suspicious/noExplicitAny: each assertion states the shape it expects
      json: (type.includes('json') ? await response.json() : null) as any,
    };
  };
  const status = async (id: string, user = 'ermelo.inkoper') =>
    api.query('signing.status', { agreementId: id }, await api.token(user));
  const sign = async (user: string, agreementId: string, documentHash: string) =>
    api.mutate('signing.sign', { agreementId, documentHash, consent: true }, await api.token(user));

  /** A contract with the given providers, taken through approval to out_for_signature. */
  async function outForSignature(
    parties: string[] = ['org-kompas'],
    stop: 'approved' | 'out_for_signature' = 'out_for_signature',
  ) {
    const inkoper = await api.token('ermelo.inkoper');
    const approver = await api.token('ermelo.approver');
    n += 1;
    let a = (
      await api.mutate(
        'agreement.create',
        {
          kind: 'contract',
          reference: `SIGN-${n}`,
          title: 'Ambulante jeugdhulp',
          domain: 'youth',
          startDate: '2027-01-01',
          endDate: '2028-12-31',
          noticePeriodMonths: 3,
          valueCeilingCents: 250_000_000,
          parties: parties.map((organisationId) => ({ organisationId, role: 'contractor' })),
        },
        inkoper,
      )
    ).body.result.data;
    for (const [to, token] of [
      ['in_approval', inkoper],
      ['approved', approver],
      ['out_for_signature', inkoper],
    ] as const) {
      const moved = await api.mutate(
        'agreement.transition',
        { id: a.id, expectedVersion: a.version, to },
        token,
      );
      expect(moved.status, `${to}: ${JSON.stringify(moved.body)}`).toBe(200);
      a = moved.body.result.data;
      if (to === stop) break;
    }
    return a as { id: string; version: number; space: string };
  }

  it("generates the document from the agreement, stored in S3 under the owner's prefix with its SHA-256", async () => {
    const a = await outForSignature();
    const generated = await files(`agreements/${a.id}/document/generate`, 'ermelo.inkoper', {
      method: 'POST',
    });
    expect(generated.status).toBe(201);
    const document = generated.json.document;
    expect(document).toMatchObject({
      agreementId: a.id,
      source: 'generated',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const download = await files(`agreements/${a.id}/document.pdf`, 'ermelo.inkoper');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(sha256(download.bytes!)).toBe(document.sha256);
    expect(download.bytes!.length).toBe(document.size);
    const parsed = await PDFDocument.load(download.bytes!);
    expect(parsed.getTitle()).toBe('SIGN-1 Ambulante jeugdhulp');
    // The object key starts with the owning space, like every table key.
    const stored = await api.documents.get(documentObjectKey('GM0233', a.id, document.sha256));
    expect(stored && sha256(stored)).toBe(document.sha256);

    // The provider reads the same document through its party view.
    const asProvider = await files(`agreements/${a.id}/document.pdf`, 'kompas.signer');
    expect(asProvider.status).toBe(200);
    expect(sha256(asProvider.bytes!)).toBe(document.sha256);

    // Generated again from the same version: the same bytes, so the same document.
    const again = await files(`agreements/${a.id}/document/generate`, 'ermelo.inkoper', { method: 'POST' });
    expect(again.json.document.id).toBe(document.id);

    const s = (await status(a.id)).body.result.data;
    expect(s.document.sha256).toBe(document.sha256);
    expect(s.signers.map((x: { side: string; state: string }) => [x.side, x.state])).toEqual([
      ['provider', 'next'],
      ['municipality', 'waiting'],
    ]);
    expect(s.level).toBe('simple');
    const audit = await api.query('agreement.verifyAudit', { id: a.id }, await api.token('ermelo.inkoper'));
    expect(audit.body.result.data.valid).toBe(true);

    // The export is the same generator, for municipal users only.
    const exported = await files(`agreements/${a.id}/export.pdf`, 'ermelo.viewer');
    expect(exported.status).toBe(200);
    expect(sha256(exported.bytes!)).toBe(document.sha256);
    expect((await files(`agreements/${a.id}/export.pdf`, 'kompas.signer')).status).toBe(403);
  });

  it('bounds uploads by size and type, and lets only purchasers place documents', async () => {
    const a = await outForSignature();
    const path = `agreements/${a.id}/document`;
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    const tooLarge = await files(path, 'ermelo.inkoper', {
      method: 'POST',
      body: big,
      type: 'application/pdf',
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const wrongType = await files(path, 'ermelo.inkoper', {
      method: 'POST',
      body: 'hallo',
      type: 'text/plain',
    });
    expect(wrongType.status).toBe(415);
    const notPdf = await files(path, 'ermelo.inkoper', {
      method: 'POST',
      body: '<html>geen pdf</html>',
      type: 'application/pdf',
    });
    expect(notPdf.status).toBe(415);
    expect(notPdf.json.error.message).toContain('%PDF-');
    const empty = await files(path, 'ermelo.inkoper', {
      method: 'POST',
      body: new Uint8Array(0),
      type: 'application/pdf',
    });
    expect(empty.status).toBe(400);
    expect((await status(a.id)).body.result.data.document).toBeNull();

    const upload = await pdfBytes();
    const asProvider = await files(path, 'kompas.signer', {
      method: 'POST',
      body: upload,
      type: 'application/pdf',
    });
    expect(asProvider.status).toBe(403);
    const anonymous = await files(path, null, { method: 'POST', body: upload, type: 'application/pdf' });
    expect(anonymous.status).toBe(401);
    const ok = await files(
      `${path}?fileName=${encodeURIComponent('Overeenkomst (getekend).pdf')}`,
      'ermelo.contractmanager',
      {
        method: 'POST',
        body: upload,
        type: 'application/pdf',
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.json.document).toMatchObject({
      source: 'uploaded',
      sha256: sha256(upload),
      fileName: 'Overeenkomst_getekend_.pdf',
      // Read once at upload; the facts are kept with the record.
      pages: 1,
      pdfVersion: '1.7',
    });
    expect((await status(a.id)).body.result.data.document).toMatchObject({
      pages: 1,
      sha256: sha256(upload),
    });

    // Read at upload and refused with a clear 4xx and a reason: a file that only looks like a PDF, an encrypted
    // PDF, one with JavaScript and one with an embedded file. None of them replaces the document.
    const encrypted = await PDFDocument.load(upload);
    encrypted.context.trailerInfo.Encrypt = encrypted.context.register(
      encrypted.context.obj({ Filter: 'Standard', V: 2, R: 3 }),
    );
    const scripted = await PDFDocument.load(upload);
    scripted.catalog.set(
      PDFName.of('OpenAction'),
      scripted.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
    );
    const attached = await PDFDocument.load(upload);
    await attached.attach(new TextEncoder().encode('MZ'), 'tool.exe', {
      mimeType: 'application/octet-stream',
    });
    for (const [body, expected] of [
      ['%PDF-1.7 maar verder geen pdf', [415, 'document.invalidPdf']],
      [await encrypted.save({ useObjectStreams: false }), [422, 'document.encrypted']],
      [await scripted.save(), [422, 'document.activeContent']],
      [await attached.save(), [422, 'document.embeddedFiles']],
    ] as const) {
      const refused = await files(path, 'ermelo.inkoper', { method: 'POST', body, type: 'application/pdf' });
      expect([refused.status, refused.json.error.reason]).toEqual(expected);
    }
    expect((await status(a.id)).body.result.data.document.sha256).toBe(sha256(upload));
    expect((await files(`agreements/${a.id}/certificate.pdf`, 'ermelo.inkoper')).status).toBe(200);

    // Not while the agreement is still a draft or in approval, nor once it is active.
    const early = await outForSignature(['org-kompas'], 'approved');
    expect(
      (await files(`agreements/${early.id}/document/generate`, 'ermelo.inkoper', { method: 'POST' })).status,
    ).toBe(201);
    const draft = (
      await api.mutate(
        'agreement.create',
        {
          kind: 'contract',
          reference: 'SIGN-DRAFT',
          title: 'Concept',
          domain: 'wmo',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
        },
        await api.token('ermelo.inkoper'),
      )
    ).body.result.data;
    const refused = await files(`agreements/${draft.id}/document/generate`, 'ermelo.inkoper', {
      method: 'POST',
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('approved or out for signature');
  });

  it('lets signers sign only in order, with consent, on the current hash, and activates on the last signature', async () => {
    const a = await outForSignature(['org-kompas', 'org-wijkracht']);
    const first = (await files(`agreements/${a.id}/document/generate`, 'ermelo.inkoper', { method: 'POST' }))
      .json.document;

    // Out of order: the municipality and the second provider wait for Kompas.
    const early = await sign('ermelo.approver', a.id, first.sha256);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('Jeugdhulp Kompas');
    expect((await sign('wijkracht.signer', a.id, first.sha256)).status).toBe(409);
    // Consent must be explicit; a role that does not sign is refused.
    // Consent refused: the schema accepts only `true`, so this goes raw on purpose.
    const refused = { agreementId: a.id, documentHash: first.sha256, consent: false };
    expect((await api.raw.mutate('signing.sign', refused, await api.token('kompas.signer'))).status).toBe(
      400,
    );
    expect((await sign('kompas.reporter', a.id, first.sha256)).status).toBe(403);
    expect((await sign('ermelo.inkoper', a.id, first.sha256)).status).toBe(403);

    const signed = await sign('kompas.signer', a.id, first.sha256);
    expect(signed.status).toBe(200);
    expect(signed.body.result.data.signers[0]).toMatchObject({
      state: 'signed',
      signature: {
        signer: 'kompas.signer',
        organisation: 'PV81234567',
        documentHash: first.sha256,
        level: 'simple',
      },
    });
    expect(signed.body.result.data.signers[0].signature.consentText).toContain(
      'eenvoudige elektronische handtekening',
    );

    // A new document invalidates the signature on the old one; the old hash is refused from now on.
    const upload = await pdfBytes(2);
    const second = (
      await files(`agreements/${a.id}/document`, 'ermelo.inkoper', {
        method: 'POST',
        body: upload,
        type: 'application/pdf',
      })
    ).json.document;
    const stale = await sign('wijkracht.signer', a.id, first.sha256);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('not that of the current document');
    const afterReplace = (await status(a.id)).body.result.data;
    expect(afterReplace.signers.map((s: { state: string }) => s.state)).toEqual([
      'next',
      'waiting',
      'waiting',
    ]);
    const history = (await api.query('agreement.history', { id: a.id }, await api.token('ermelo.inkoper')))
      .body.result.data;
    expect(history.at(-1)).toMatchObject({
      action: 'document',
      changes: { invalidatedSignatures: { before: 1, after: 0 } },
    });

    expect((await sign('kompas.signer', a.id, second.sha256)).status).toBe(200);
    expect((await status(a.id, 'wijkracht.signer')).body.result.data.myTurn).toBe(true);
    expect((await sign('wijkracht.signer', a.id, second.sha256)).status).toBe(200);
    const before = (await api.query('agreement.get', { id: a.id }, await api.token('ermelo.approver'))).body
      .result.data;
    expect(before.status).toBe('out_for_signature');
    expect((await status(a.id, 'ermelo.approver')).body.result.data.myTurn).toBe(true);

    const last = await sign('ermelo.approver', a.id, second.sha256);
    expect(last.status).toBe(200);
    expect(last.body.result.data).toMatchObject({ status: 'active', complete: true, myTurn: false });

    // The same transaction moved the agreement, its version, its register index and the party views.
    const after = (await api.query('agreement.get', { id: a.id }, await api.token('ermelo.inkoper'))).body
      .result.data;
    expect(after).toMatchObject({ status: 'active', version: before.version + 1 });
    const activeRegister = await api.query(
      'agreement.find',
      { status: 'active', limit: 100 },
      await api.token('ermelo.inkoper'),
    );
    expect(activeRegister.body.result.data.items.map((x: { id: string }) => x.id)).toContain(a.id);
    const view = (await api.query('agreement.get', { id: a.id }, await api.token('kompas.signer'))).body
      .result.data;
    expect(view).toMatchObject({ view: 'party', status: 'active' });
    const wijkrachtView = await api.db.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.partyView('PV40123456', a.id) }),
    );
    expect(wijkrachtView.Item?.status).toBe('active');

    const events = (await api.query('agreement.history', { id: a.id }, await api.token('ermelo.inkoper')))
      .body.result.data as { seq: number; action: string; changes: Record<string, { after: unknown }> }[];
    const [signEvent, transition] = events.slice(-2);
    expect(signEvent).toMatchObject({ action: 'sign' });
    expect(transition).toMatchObject({ action: 'transition', changes: { status: { after: 'active' } } });
    expect(transition!.seq).toBe(signEvent!.seq + 1);
    expect(
      (await api.query('agreement.verifyAudit', { id: a.id }, await api.token('ermelo.viewer'))).body.result
        .data.valid,
    ).toBe(true);

    // Nothing more to sign, and the document is frozen.
    expect((await sign('ermelo.approver', a.id, second.sha256)).status).toBe(400);
    expect(
      (await files(`agreements/${a.id}/document/generate`, 'ermelo.inkoper', { method: 'POST' })).status,
    ).toBe(400);

    // The certificate (who, when, hash) on its own, and appended to the signed copy, for both sides.
    const certificate = await files(`agreements/${a.id}/certificate.pdf`, 'kompas.signer');
    expect(certificate.status).toBe(200);
    expect((await PDFDocument.load(certificate.bytes!)).getTitle()).toContain('Ondertekeningscertificaat');
    const copy = await files(`agreements/${a.id}/signed.pdf`, 'ermelo.inkoper');
    expect(copy.status).toBe(200);
    expect((await PDFDocument.load(copy.bytes!)).getPageCount()).toBeGreaterThan(2);
    // Made once and kept next to the document: later downloads, from either side, serve the kept copy without
    // reading the document again (here the document's object is replaced by garbage, and nothing notices).
    await api.documents.put(
      documentObjectKey('GM0233', a.id, second.sha256),
      new TextEncoder().encode('niet meer te lezen'),
      'application/pdf',
    );
    const again = await files(`agreements/${a.id}/signed.pdf`, 'kompas.signer');
    expect(again.status).toBe(200);
    expect(sha256(again.bytes!)).toBe(sha256(copy.bytes!));
  });

  it('lets exactly one of two concurrent signatures win', async () => {
    const a = await outForSignature();
    const doc = (await files(`agreements/${a.id}/document/generate`, 'ermelo.inkoper', { method: 'POST' }))
      .json.document;
    const results = await Promise.all([1, 2, 3].map(() => sign('kompas.signer', a.id, doc.sha256)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    await sign('ermelo.approver', a.id, doc.sha256);
    const twice = await Promise.all([1, 2].map(() => sign('ermelo.approver', a.id, doc.sha256)));
    expect(twice.every((r) => r.status !== 200)).toBe(true);
    const s = (await status(a.id)).body.result.data;
    expect(s.status).toBe('active');
    const events = (await api.query('agreement.history', { id: a.id }, await api.token('ermelo.inkoper')))
      .body.result.data;
    expect(events.filter((e: { action: string }) => e.action === 'sign')).toHaveLength(2);
    expect(
      (await api.query('agreement.verifyAudit', { id: a.id }, await api.token('ermelo.inkoper'))).body.result
        .data.valid,
    ).toBe(true);
  });

  it('answers NOT_FOUND to a provider that is not a party and to another space, like a missing id', async () => {
    const a = await outForSignature(['org-kompas']);
    const doc = (await files(`agreements/${a.id}/document/generate`, 'ermelo.inkoper', { method: 'POST' }))
      .json.document;
    const missing = 'nonexistent0000000000';
    for (const user of ['wijkracht.signer', 'utrecht.inkoper']) {
      const foreign = await status(a.id, user);
      expect(foreign.status, user).toBe(404);
      expect(foreign.body.error.message).toBe((await status(missing, user)).body.error.message);
      const foreignSign = await sign(
        user === 'utrecht.inkoper' ? 'wijkracht.signer' : user,
        a.id,
        doc.sha256,
      );
      expect(foreignSign.status).toBe(404);
      // Files routes: another space's document answers exactly like a missing one.
      for (const route of ['document.pdf', 'certificate.pdf', 'signed.pdf']) {
        const foreignFile = await files(`agreements/${a.id}/${route}`, user);
        const missingFile = await files(`agreements/${missing}/${route}`, user);
        expect(foreignFile.status, `${user} ${route}`).toBe(404);
        expect(foreignFile.json).toEqual(missingFile.json);
      }
    }
    const foreignExport = await files(`agreements/${a.id}/export.pdf`, 'utrecht.inkoper');
    expect(foreignExport.status).toBe(404);
    expect(foreignExport.json).toEqual(
      (await files(`agreements/${missing}/export.pdf`, 'utrecht.inkoper')).json,
    );
    const foreignGenerate = await files(`agreements/${a.id}/document/generate`, 'utrecht.inkoper', {
      method: 'POST',
    });
    expect(foreignGenerate.status).toBe(404);
    const unchanged = (await status(a.id)).body.result.data;
    expect(unchanged.document.id).toBe(doc.id);
    expect((await files('agreements/NOT%20AN%20ID/document.pdf', 'ermelo.inkoper')).status).toBe(404);
    expect((await files(`agreements/${a.id}/document.pdf`, null)).status).toBe(401);
  });
});
