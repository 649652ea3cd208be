import { DomainError } from '@regie/core';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { issuesOf, reasonOf, toHttpError } from './errors.ts';

const refusal = () =>
  new DomainError('CONFLICT', 'agreement.referenceInUse', {
    params: { reference: 'ERM-1' },
    field: 'reference',
    message: 'Reference ERM-1 is already in use',
  });

describe('the API’s error answers', () => {
  it('carry the reason key and params on the HTTP routes', () => {
    expect(toHttpError(refusal())).toEqual({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message: 'Reference ERM-1 is already in use',
          field: 'reference',
          reason: 'agreement.referenceInUse',
          params: { reference: 'ERM-1' },
        },
      },
      unexpected: false,
    });
  });

  it('say nothing more on a public route: no reason, params or field', () => {
    const generic = toHttpError(new DomainError('UNAVAILABLE', 'database.unavailable'), { generic: true });
    expect(generic.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Try again shortly' } });
    expect(toHttpError(refusal(), { generic: true }).body.error).not.toHaveProperty('reason');
    expect(toHttpError(new Error('secret detail')).body).toEqual({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' },
    });
  });

  it('give tRPC errors the refusal’s key, or one per code', () => {
    expect(reasonOf(new TRPCError({ code: 'CONFLICT', cause: refusal() }))).toEqual({
      reason: 'agreement.referenceInUse',
      params: { reference: 'ERM-1' },
    });
    expect(reasonOf(new TRPCError({ code: 'UNAUTHORIZED' }))).toEqual({
      reason: 'request.unauthorized',
      params: {},
    });
    expect(reasonOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }))).toEqual({
      reason: 'server.internal',
      params: {},
    });
    expect(issuesOf(new TRPCError({ code: 'CONFLICT', cause: refusal() }))).toEqual([
      {
        path: 'reference',
        message: 'Reference ERM-1 is already in use',
        reason: 'agreement.referenceInUse',
        params: { reference: 'ERM-1' },
      },
    ]);
  });
});
