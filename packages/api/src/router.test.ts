import { describe, expect, it } from 'vitest';
import { loadRouters } from './router.ts';

describe('router', () => {
  it('declares roles on every procedure (undeclared means denied)', async () => {
    const procedures = Object.entries((await loadRouters())._def.procedures) as unknown as [
      string,
      { _def: { meta?: { roles?: string[] } } },
    ][];
    expect(procedures.length).toBeGreaterThan(5);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.roles?.length).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('keeps the stable names of SPEC §7', async () => {
    const names = Object.keys((await loadRouters())._def.procedures);
    for (const name of [
      'me.get',
      'agreement.find',
      'agreement.get',
      'agreement.create',
      'agreement.update',
      'agreement.transition',
      'agreement.history',
      'agreement.verifyAudit',
      'organisation.create',
      'organisation.find',
    ]) {
      expect(names).toContain(name);
    }
  });
});
