import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DomainError, issueReason, notFound, REASON_KEYS, REASONS } from './errors.ts';

describe('reason keys', () => {
  it('are dot-named by area, with unique parameter names', () => {
    for (const key of REASON_KEYS) {
      expect(key).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z_]*$/);
      const params = REASONS[key] as readonly string[];
      expect(new Set(params).size).toBe(params.length);
    }
  });

  it('travel with a DomainError, with params, field and the English message for logs', () => {
    const error = new DomainError('BAD_REQUEST', 'mandate.approvalRequired', {
      params: { to: 'active', thresholdCents: 5_000_000 },
      field: 'to',
      message: 'Above the mandate threshold',
    });
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'mandate.approvalRequired',
      params: { to: 'active', thresholdCents: 5_000_000 },
      field: 'to',
      message: 'Above the mandate threshold',
    });
    expect(new DomainError('CONFLICT', 'agreement.changedMeanwhile').message).toBe(
      'agreement.changedMeanwhile {}',
    );
    expect(notFound('Agreement')).toMatchObject({ code: 'NOT_FOUND', reason: 'agreement.notFound' });
    expect(notFound()).toMatchObject({ reason: 'object.notFound', message: 'Object not found' });
  });
});

describe('issueReason', () => {
  const issuesOf = (schema: z.ZodMiniType, value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) throw new Error('expected a failure');
    return result.error.issues.map((issue) => issueReason(issue as never));
  };

  it('keys a zod issue by its code, with only the parameters the key names', () => {
    expect(issuesOf(z.string().check(z.maxLength(3)), 'abcd')).toEqual([
      { reason: 'validation.too_big', params: { maximum: 3, origin: 'string' } },
    ]);
    expect(issuesOf(z.int().check(z.gte(1)), 0)).toEqual([
      { reason: 'validation.too_small', params: { minimum: 1, origin: 'number' } },
    ]);
    expect(issuesOf(z.strictObject({}), { extra: 1 })).toEqual([
      { reason: 'validation.unrecognized_keys', params: { keys: 'extra' } },
    ]);
    expect(issuesOf(z.enum(['a', 'b']), 'c')).toEqual([
      { reason: 'validation.invalid_value', params: { values: 'a, b' } },
    ]);
  });

  it('takes the key a custom rule carries, and falls back to validation.custom', () => {
    const keyed = z.string().check(z.refine(() => false, { params: { reason: 'agreement.yearsUnique' } }));
    expect(issuesOf(keyed, 'x')).toEqual([{ reason: 'agreement.yearsUnique', params: {} }]);
    const plain = z.string().check(z.refine(() => false, 'Nope'));
    expect(issuesOf(plain, 'x')).toEqual([{ reason: 'validation.custom', params: {} }]);
  });
});
