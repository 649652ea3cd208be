import { PUBLIC_FIELDS } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §5.4: the public Woo register per municipality, JSON and CSV, public fields only. */
describe('public Woo register', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('lists the published, decided agreements of Ermelo with only public fields', async () => {
    const response = await fetch(`${api.url}/public/GM0233/register.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      publisher: string;
      records: ({ reference: string } & Record<string, unknown>)[];
    };
    expect(body.publisher).toBe('Gemeente Ermelo');
    // ERM-2026-WMO02 is marked for publication but still a draft: not public yet.
    expect(body.records.map((r: { reference: string }) => r.reference)).toEqual([
      'ERM-2025-JH01',
      'ERM-DVO-2026-01',
      'ERM-SUB-2026-01',
    ]);
    for (const record of body.records) expect(Object.keys(record).sort()).toEqual([...PUBLIC_FIELDS].sort());
    const dvo = body.records.find((r: { reference: string }) => r.reference === 'ERM-DVO-2026-01');
    expect(dvo?.valueCeilingEuro).toBeNull(); // supplied in confidence
    const text = JSON.stringify(body);
    for (const internal of [
      'createdBy',
      'updatedBy',
      'allocationKey',
      'auditHash',
      'ermelo.',
      'PV81234567',
      'org-kompas',
      'description',
      'productLines',
      'duties',
      'kpis',
      'parties',
      'spentCents',
    ]) {
      expect(text, internal).not.toContain(internal);
    }
  });

  it('serves the same records as CSV', async () => {
    const response = await fetch(`${api.url}/public/GM0233/register.csv`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(PUBLIC_FIELDS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('ERM-2025-JH01');
  });

  it('answers 404 for an unknown or malformed code, and for a region', async () => {
    for (const code of ['GM9999', 'gm0233', 'RGNOORDVELUWE', 'PV81234567', '..%2F..']) {
      expect((await fetch(`${api.url}/public/${code}/register.json`)).status, code).toBe(404);
    }
  });

  it('drops an agreement from the register when it is no longer marked, in the same write', async () => {
    const token = await api.token('ermelo.contractmanager');
    const sub = (await api.query('agreement.get', { id: 'erm-sub-2026' }, token)).body.result.data;
    const update = await api.mutate(
      'agreement.update',
      { id: sub.id, expectedVersion: sub.version, data: { publication: { publish: false } } },
      token,
    );
    expect(update.status).toBe(200);
    const body = (await (await fetch(`${api.url}/public/GM0233/register.json`)).json()) as {
      records: { reference: string }[];
    };
    expect(body.records.map((r: { reference: string }) => r.reference)).not.toContain('ERM-SUB-2026-01');
  });
});
