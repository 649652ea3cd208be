import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** Ermelo's mandate threshold in the seed: € 100.000. */
const THRESHOLD = 10_000_000;

/**
 * Issue 11 points 4 and 5 (SPEC §3, §5.1, §5.2): terms are frozen once approval is asked, activation re-checks
 * the mandate against the current value and approval, a signed document never differs from the terms it makes
 * active, and a signature binds to its organisation and slot, never to a position.
 */
describe('approvals and signatures that cannot be bypassed', () => {
  let api: TestApi;
  let n = 0;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const as = (user: string) => api.token(user);
  const get = async (id: string, user = 'ermelo.inkoper') =>
    (await api.query('agreement.get', { id }, await as(user))).body.result.data;
  const move = async (
    id: string,
    to: ProcedureInput<'agreement.transition'>['to'],
    user = 'ermelo.inkoper',
  ) =>
    api.mutate('agreement.transition', { id, expectedVersion: (await get(id)).version, to }, await as(user));
  const update = async (
    id: string,
    data: ProcedureInput<'agreement.update'>['data'],
    user = 'ermelo.inkoper',
  ) => api.mutate('agreement.update', { id, expectedVersion: (await get(id)).version, data }, await as(user));
  const status = async (id: string, user = 'ermelo.inkoper') =>
    (await api.query('signing.status', { agreementId: id }, await as(user))).body.result.data;
  const sign = async (user: string, agreementId: string, documentHash: string) =>
    api.mutate('signing.sign', { agreementId, documentHash, consent: true }, await as(user));
  const generate = async (id: string) => {
    const response = await fetch(`${api.url}/files/agreements/${id}/document/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await as('ermelo.inkoper')}` },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { document: { id: string; sha256: string; termsVersion: number } })
      .document;
  };
  const history = async (id: string) =>
    (await api.query('agreement.history', { id }, await as('ermelo.viewer'))).body.result.data as {
      action: string;
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];
  const verified = async (id: string) =>
    (await api.query('agreement.verifyAudit', { id }, await as('ermelo.viewer'))).body.result.data.valid;
  const expectMoved = (response: { status: number; body: unknown }) =>
    expect(response.status, JSON.stringify(response.body)).toBe(200);

  async function draft(valueCeilingCents: number, parties: string[] = ['org-kompas']) {
    n += 1;
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: `INTEGRITY-${n}`,
        title: 'Ambulante jeugdhulp',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        valueCeilingCents,
        renewal: { options: 1, monthsEach: 12 },
        parties: parties.map((organisationId) => ({ organisationId, role: 'contractor' })),
      },
      await as('ermelo.inkoper'),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.result.data as { id: string; version: number };
  }

  /** The admin lowers or raises the threshold (written directly: this file tests agreements, not settings). */
  async function setThreshold(cents: number) {
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keys.space('GM0233'),
        UpdateExpression: 'SET mandateThresholdCents = :cents',
        ExpressionAttributeValues: { ':cents': cents },
      }),
    );
  }

  it('refuses the bypass: a value raised while out for signature returns the contract to draft and needs approval', async () => {
    const a = await draft(5_000_000);
    expectMoved(await move(a.id, 'out_for_signature'));
    const document = await generate(a.id);
    expect(document.termsVersion).toBe((await get(a.id)).termsVersion);

    const raised = await update(a.id, { valueCeilingCents: 90_000_000 });
    expectMoved(raised);
    expect(raised.body.result.data).toMatchObject({
      status: 'draft',
      approval: null,
      amendment: {
        returnedToDraft: true,
        from: 'out_for_signature',
        voidedDocument: { id: document.id, sha256: document.sha256 },
        voidedSignatures: 0,
      },
    });
    // Nothing on the way to active is left open to the purchaser alone.
    expect((await move(a.id, 'active')).status).toBe(400);
    const direct = await move(a.id, 'out_for_signature');
    expect(direct.status).toBe(400);
    expect(direct.body.error.message).toMatch(/mandate threshold/);
    expect((await get(a.id)).transitions).toEqual(['in_approval']);
    // The document of the old terms is void: not current, and back in draft the agreement is no longer offered to
    // the provider, so its signer cannot even find it (NOT_FOUND, like a missing agreement).
    expect((await status(a.id)).document).toBeNull();
    expect((await sign('kompas.signer', a.id, document.sha256)).status).toBe(404);
    const stored = await api.db.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.document('GM0233', a.id, document.id) }),
    );
    expect(stored.Item?.voided).toMatchObject({ by: 'ermelo.inkoper', reason: 'amendment' });
    expect(await verified(a.id)).toBe(true);

    // The approver approves the new value; then the course runs again, here activated by hand.
    expectMoved(await move(a.id, 'in_approval'));
    expectMoved(await move(a.id, 'approved', 'ermelo.approver'));
    const approved = await get(a.id);
    expect(approved.approval).toMatchObject({
      by: 'ermelo.approver',
      termsVersion: approved.termsVersion,
      valueCeilingCents: 90_000_000,
    });
    expectMoved(await move(a.id, 'out_for_signature'));
    expectMoved(await move(a.id, 'active'));
    // Renewal is no amendment: it keeps working on the approved, active agreement.
    expectMoved(
      await api.mutate(
        'agreement.renew',
        { id: a.id, expectedVersion: (await get(a.id)).version },
        await as('ermelo.inkoper'),
      ),
    );
    expect(await verified(a.id)).toBe(true);
  });

  it('drops the approval when the terms change after approval, in one audited event', async () => {
    const a = await draft(50_000_000);
    expectMoved(await move(a.id, 'in_approval'));
    expectMoved(await move(a.id, 'approved', 'ermelo.approver'));
    expect((await get(a.id)).approval).not.toBeNull();

    const edited = await update(a.id, { title: 'Ambulante jeugdhulp (herzien)' });
    expectMoved(edited);
    expect(edited.body.result.data).toMatchObject({
      status: 'draft',
      approval: null,
      amendment: { returnedToDraft: true, from: 'approved', approvalDropped: true, voidedDocument: null },
    });
    const last = (await history(a.id)).at(-1)!;
    expect(last.action).toBe('update');
    expect(last.changes).toMatchObject({
      title: { after: 'Ambulante jeugdhulp (herzien)' },
      status: { before: 'approved', after: 'draft' },
      approval: { after: null },
    });
    // The old approval does not carry over: the agreement must be approved again before signing.
    expect((await move(a.id, 'out_for_signature')).status).toBe(400);
    expect(await verified(a.id)).toBe(true);

    // In approval, too: an edit returns it to draft, so the approver never approves other terms than asked.
    expectMoved(await move(a.id, 'in_approval'));
    expectMoved(await update(a.id, { valueCeilingCents: 60_000_000 }));
    expect((await get(a.id)).status).toBe('draft');
    // Publishing in the Woo register is no change of terms: an approval stays.
    expectMoved(await move(a.id, 'in_approval'));
    expectMoved(await move(a.id, 'approved', 'ermelo.approver'));
    const published = await update(a.id, { publication: { publish: false } });
    expectMoved(published);
    expect(published.body.result.data).toMatchObject({
      status: 'approved',
      approval: { by: 'ermelo.approver' },
    });
    expect(published.body.result.data.amendment).toBeUndefined();
    expect(await verified(a.id)).toBe(true);
  });

  it('re-checks the mandate at activation, by hand and by the last signature, against the current value', async () => {
    const a = await draft(8_000_000);
    expectMoved(await move(a.id, 'out_for_signature'));
    const document = await generate(a.id);
    expectMoved(await sign('kompas.signer', a.id, document.sha256));
    try {
      // The threshold was lowered after the contract went out: € 80.000 is now above it, and nobody approved.
      await setThreshold(5_000_000);
      const before = await get(a.id);
      expect(before.transitions).toEqual([]);
      const byHand = await move(a.id, 'active');
      expect(byHand.status).toBe(400);
      expect(byHand.body.error.message).toMatch(/approver must approve the current terms/);
      const lastSignature = await sign('ermelo.approver', a.id, document.sha256);
      expect(lastSignature.status).toBe(400);
      expect(lastSignature.body.error.message).toMatch(/mandate threshold/);
      // Refused means nothing changed: no signature, no status, no audit event.
      const after = await get(a.id);
      expect(after).toMatchObject({ status: 'out_for_signature', version: before.version });
      expect((await status(a.id)).signers.map((s: { state: string }) => s.state)).toEqual(['signed', 'next']);
      expect((await history(a.id)).filter((e) => e.action === 'sign')).toHaveLength(1);
    } finally {
      await setThreshold(THRESHOLD);
    }
    expectMoved(await sign('ermelo.approver', a.id, document.sha256));
    expect((await get(a.id)).status).toBe('active');
    expect(await verified(a.id)).toBe(true);
  });

  it('refuses to raise a signed agreement above the mandate, and lets other amendments keep it active', async () => {
    const a = await draft(4_000_000);
    expectMoved(await move(a.id, 'out_for_signature'));
    expectMoved(await move(a.id, 'active'));
    expectMoved(await update(a.id, { valueCeilingCents: 9_000_000 }));
    const before = await get(a.id);
    expect(before.status).toBe('active');
    const refused = await update(a.id, { valueCeilingCents: 12_000_000 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/needs an approver/);
    expect(refused.body.error.data.issues).toEqual([
      {
        path: 'valueCeilingCents',
        message: expect.stringMatching(/mandate threshold/),
        reason: 'mandate.raiseNeedsApproval',
        params: { thresholdCents: expect.any(Number) },
      },
    ]);
    expect(refused.body.error.data).toMatchObject({
      reason: 'mandate.raiseNeedsApproval',
      params: { thresholdCents: expect.any(Number) },
    });
    expect(await get(a.id)).toMatchObject({ version: before.version, valueCeilingCents: 9_000_000 });
    // The seeded active contract above the mandate: a rename is fine, a raise is not.
    const seeded = await get('erm-jh-2025');
    expect((await update('erm-jh-2025', { valueCeilingCents: seeded.valueCeilingCents + 1 })).status).toBe(
      400,
    );
    expectMoved(await update('erm-jh-2025', { title: `${seeded.title} (herzien)` }));
    expect((await get('erm-jh-2025')).status).toBe('active');
    expect(await verified('erm-jh-2025')).toBe(true);
  });

  it('voids document and signatures when the parties are reordered while out for signature; a signature never fills another org’s slot', async () => {
    const a = await draft(9_000_000, ['org-kompas', 'org-wijkracht']);
    expectMoved(await move(a.id, 'out_for_signature'));
    const first = await generate(a.id);
    expectMoved(await sign('kompas.signer', a.id, first.sha256));

    const reordered = await update(a.id, {
      parties: [
        { organisationId: 'org-wijkracht', role: 'contractor' },
        { organisationId: 'org-kompas', role: 'contractor' },
      ],
    });
    expectMoved(reordered);
    expect(reordered.body.result.data.amendment).toMatchObject({
      returnedToDraft: true,
      voidedDocument: { id: first.id },
      voidedSignatures: 1,
    });
    const last = (await history(a.id)).at(-1)!;
    expect(last.changes).toMatchObject({
      parties: {},
      status: { before: 'out_for_signature', after: 'draft' },
      voidedDocument: { before: { id: first.id, sha256: first.sha256 }, after: null },
      voidedSignatures: { before: 1, after: 0 },
    });
    expect(await verified(a.id)).toBe(true);
    // Status and inbox show no voided document; the signature itself is kept, marked void.
    expect(await status(a.id)).toMatchObject({ status: 'draft', document: null });
    for (const user of ['ermelo.approver', 'wijkracht.signer']) {
      const inbox = (await api.query('signing.inbox', {}, await as(user))).body.result.data;
      expect(inbox.map((s: { agreementId: string }) => s.agreementId)).not.toContain(a.id);
    }
    const signatures = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sig)',
        ExpressionAttributeValues: { ':pk': keys.agreement('GM0233', a.id).pk, ':sig': `SIG#${first.id}#` },
      }),
    );
    expect(signatures.Items).toHaveLength(1);
    expect(signatures.Items![0]).toMatchObject({
      slotId: 'provider.PV81234567',
      organisation: 'PV81234567',
      party: 'PV81234567',
      partyRole: 'contractor',
      voided: { reason: 'amendment' },
    });

    // Out again, on a new document: Wijkracht is first now, and Kompas's old signature fills no slot.
    expectMoved(await move(a.id, 'out_for_signature'));
    const second = await generate(a.id);
    expect(second.sha256).not.toBe(first.sha256);
    const fresh = await status(a.id);
    expect(fresh.signers.map((s: { space: string; state: string }) => [s.space, s.state])).toEqual([
      ['PV40123456', 'next'],
      ['PV81234567', 'waiting'],
      ['GM0233', 'waiting'],
    ]);
    expect((await sign('wijkracht.signer', a.id, first.sha256)).status).toBe(409);
    // Kompas cannot take Wijkracht's turn, nor sign twice once it has signed.
    expect((await sign('kompas.signer', a.id, second.sha256)).status).toBe(409);
    expectMoved(await sign('wijkracht.signer', a.id, second.sha256));
    expect((await sign('wijkracht.signer', a.id, second.sha256)).status).toBe(409);
    expectMoved(await sign('kompas.signer', a.id, second.sha256));
    const again = await sign('kompas.signer', a.id, second.sha256);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('signed this document already');
    const done = await sign('ermelo.approver', a.id, second.sha256);
    expectMoved(done);
    expect(done.body.result.data.status).toBe('active');
    const bySlot = Object.fromEntries(
      done.body.result.data.signers.map(
        (s: { id: string; signature: { signer: string; organisation: string } }) => [
          s.id,
          [s.signature.signer, s.signature.organisation],
        ],
      ),
    );
    expect(bySlot).toEqual({
      'provider.PV40123456': ['wijkracht.signer', 'PV40123456'],
      'provider.PV81234567': ['kompas.signer', 'PV81234567'],
      'municipality.GM0233': ['ermelo.approver', 'GM0233'],
    });
    expect(await verified(a.id)).toBe(true);
  });

  it('voids on a replaced party too: the new party signs its own slot, the old one is out', async () => {
    const a = await draft(9_000_000, ['org-kompas']);
    expectMoved(await move(a.id, 'out_for_signature'));
    const first = await generate(a.id);
    expectMoved(await sign('kompas.signer', a.id, first.sha256));
    const replaced = await update(a.id, {
      parties: [{ organisationId: 'org-wijkracht', role: 'contractor' }],
    });
    expectMoved(replaced);
    expect(replaced.body.result.data.amendment).toMatchObject({ voidedSignatures: 1 });
    expectMoved(await move(a.id, 'out_for_signature'));
    const second = await generate(a.id);
    expect(
      (await status(a.id)).signers.map((s: { space: string; state: string }) => [s.space, s.state]),
    ).toEqual([
      ['PV40123456', 'next'],
      ['GM0233', 'waiting'],
    ]);
    // Kompas is no party any more: its signer cannot reach the agreement at all.
    expect((await sign('kompas.signer', a.id, second.sha256)).status).toBe(404);
    // The approver cannot sign before Wijkracht: Kompas's earlier signature counts for nobody.
    expect((await sign('ermelo.approver', a.id, second.sha256)).status).toBe(409);
    expectMoved(await sign('wijkracht.signer', a.id, second.sha256));
    expectMoved(await sign('ermelo.approver', a.id, second.sha256));
    expect((await get(a.id)).status).toBe('active');
    expect(await verified(a.id)).toBe(true);
  });
});
