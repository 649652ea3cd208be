import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Context } from './context.ts';
import { createCallerFactory, mutationProcedure, router } from './trpc.ts';

/** Issue 17 point 5: a completion that fails after the change was committed never answers an error. */
describe('mutations with an Idempotency-Key', () => {
  afterEach(() => vi.restoreAllMocks());

  const setup = (complete: () => Promise<unknown>) => {
    let runs = 0;
    const test = router({
      create: mutationProcedure.meta({ roles: ['inkoper'] }).mutation(() => {
        runs += 1;
        return { id: `agreement-${runs}` };
      }),
      feed: mutationProcedure
        .meta({ roles: ['inkoper'], secretResult: true })
        .mutation(() => ({ path: '/ical/s' })),
    });
    const idempotency = {
      claim: vi.fn(async () => ({ state: 'new' as const })),
      complete: vi.fn(complete),
      release: vi.fn(async () => undefined),
    };
    const ctx = {
      identity: {
        user: 'ermelo.inkoper',
        name: 'Inge',
        space: 'GM0233',
        roles: ['inkoper'],
        reach: ['GM0233'],
      },
      repos: { idempotency },
      scope: {},
      idempotencyKey: 'retry-key-0001',
      requestId: 'req-1',
    } as unknown as Context;
    return { caller: createCallerFactory(test)(ctx), idempotency, runs: () => runs };
  };

  it('answers the committed result when storing it for replay fails', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { caller, idempotency, runs } = setup(async () => {
      throw new Error('ValidationException: Item size has exceeded the maximum allowed size');
    });
    await expect(caller.create()).resolves.toEqual({ id: 'agreement-1' });
    expect(runs()).toBe(1);
    expect(idempotency.release).not.toHaveBeenCalled();
    expect(logged.mock.calls[0]?.[0]).toContain('idempotency completion failed');
  });

  it('asks the store never to keep a secret result', async () => {
    const { caller, idempotency } = setup(async () => 'secret');
    await caller.feed();
    expect(idempotency.complete).toHaveBeenCalledWith(
      'retry-key-0001',
      { path: '/ical/s' },
      { secret: true },
    );
    await caller.create();
    expect(idempotency.complete).toHaveBeenLastCalledWith(
      'retry-key-0001',
      { id: 'agreement-1' },
      {
        secret: undefined,
      },
    );
  });
});
