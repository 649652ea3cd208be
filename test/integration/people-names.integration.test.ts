import { createRepositories, type Scope } from '@regie/db';
import { SEED_USERS } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

const contract = (reference: string): ProcedureInput<'agreement.create'> => ({
  kind: 'contract',
  reference,
  title: 'Jeugdhulp ambulant',
  domain: 'youth',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
});
const nameOf = (key: string) => SEED_USERS.find((u) => u.key === key)!.name;

/**
 * Wherever the app shows who did something it shows the person's name (issue 12 point 6): the API stores the
 * token's name claim next to the user key when it records the act, so a read needs no lookup; an item recorded
 * before names were kept has only the key, which readers show instead.
 */
describe("people's names next to their keys", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it("records a seed user's change under that user's name in the history", async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const created = await api.mutate('agreement.create', contract('NAMES-1'), inkoper);
    expect(created.status).toBe(200);
    const agreement = created.body.result.data;
    expect(agreement).toMatchObject({
      createdBy: 'ermelo.inkoper',
      createdByName: nameOf('ermelo.inkoper'),
      updatedByName: nameOf('ermelo.inkoper'),
    });
    // Someone else changes it: the history names each person, the terms name the last one.
    const manager = await api.token('ermelo.contractmanager');
    const updated = await api.mutate(
      'agreement.update',
      { id: agreement.id, expectedVersion: agreement.version, data: { title: 'Jeugdhulp ambulant 2026' } },
      manager,
    );
    expect(updated.status).toBe(200);
    expect(updated.body.result.data).toMatchObject({
      createdByName: 'Inge Inkoper',
      updatedBy: 'ermelo.contractmanager',
      updatedByName: 'Karim Contractmanager',
    });
    const history = await api.query('agreement.history', { id: agreement.id }, inkoper);
    expect(history.status).toBe(200);
    expect(
      history.body.result.data.map((e: { actor: string; actorName?: string }) => [e.actor, e.actorName]),
    ).toEqual([
      ['ermelo.inkoper', 'Inge Inkoper'],
      ['ermelo.contractmanager', 'Karim Contractmanager'],
    ]);
    const versions = await api.query('agreement.versions', { id: agreement.id }, inkoper);
    expect(versions.body.result.data.map((v: { byName?: string }) => v.byName)).toEqual([
      'Inge Inkoper',
      'Karim Contractmanager',
    ]);
  });

  it('keeps only the key for an act recorded without a name, and the chain still verifies', async () => {
    // As an item written before names were kept: a scope that carries no name.
    const nameless: Scope = {
      space: 'GM0233',
      reach: ['GM0233', 'RGNOORDVELUWE'],
      actor: 'ermelo.inkoper',
      organisation: 'GM0233',
      roles: ['inkoper'],
    };
    const created = await createRepositories(api.db, nameless).agreements.create(contract('NAMES-OLD'));
    const inkoper = await api.token('ermelo.inkoper');
    const read = await api.query('agreement.get', { id: created.id }, inkoper);
    expect(read.body.result.data.createdBy).toBe('ermelo.inkoper');
    expect(read.body.result.data).not.toHaveProperty('createdByName');
    // A named change after it: both kinds of event sit in one chain.
    const updated = await api.mutate(
      'agreement.update',
      { id: created.id, expectedVersion: created.version, data: { title: 'Later' } },
      inkoper,
    );
    expect(updated.status).toBe(200);
    const history = await api.query('agreement.history', { id: created.id }, inkoper);
    const [first, second] = history.body.result.data;
    expect(first.actor).toBe('ermelo.inkoper');
    expect(first).not.toHaveProperty('actorName');
    expect(second.actorName).toBe('Inge Inkoper');
    const verified = await api.query('agreement.verifyAudit', { id: created.id }, inkoper);
    expect(verified.body.result.data).toMatchObject({ valid: true, events: 2 });
  });
});
