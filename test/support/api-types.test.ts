import { describe, expectTypeOf, it } from 'vitest';
import type { MutationPath, ProcedureInput, ProcedurePath, QueryPath, TestApi } from './api.ts';

/**
 * The typing of the API test helper, checked by tsc (`npm run typecheck` in the test workspace): each
 * `@ts-expect-error` below fails the type check as soon as the helper stops rejecting that call. The calls are
 * never made; vitest runs this file (unit project) only so it shows up as a test.
 */
function typedCalls(api: TestApi, token: string) {
  // The right path with the right input is accepted.
  void api.query('agreement.get', { id: 'erm-jh-2025' }, token);
  void api.mutate('agreement.update', { id: 'x', expectedVersion: 1, data: { title: 'Nieuw' } }, token);
  void api.query('me.get', undefined, token);

  // @ts-expect-error a misspelled procedure path
  void api.query('agreement.gett', { id: 'erm-jh-2025' }, token);
  // @ts-expect-error a procedure that does not exist in that router
  void api.mutate('agreement.delete', { id: 'erm-jh-2025' }, token);
  // @ts-expect-error a mutation called as a query
  void api.query('agreement.update', { id: 'x', expectedVersion: 1, data: {} }, token);
  // @ts-expect-error a query called as a mutation
  void api.mutate('agreement.get', { id: 'erm-jh-2025' }, token);
  // @ts-expect-error a misspelled input field
  void api.query('agreement.get', { idd: 'erm-jh-2025' }, token);
  // @ts-expect-error an input field of the wrong type
  void api.query('agreement.get', { id: 42 }, token);
  // @ts-expect-error a required input field missing (expectedVersion)
  void api.mutate('agreement.update', { id: 'x', data: { title: 'Nieuw' } }, token);
  // @ts-expect-error a value outside an enum
  void api.mutate('agreement.transition', { id: 'x', expectedVersion: 1, to: 'gone' }, token);

  // The escape hatch takes anything, on purpose.
  void api.raw.query('agreement.gett', { idd: 42 }, token);
  void api.raw.mutate('agreement.update', 'not an object', token);
}

describe('the typed API test helper', () => {
  it('derives paths and inputs from AppRouter', () => {
    expectTypeOf(typedCalls).toBeFunction();
    expectTypeOf<'agreement.get'>().toExtend<QueryPath>();
    expectTypeOf<'agreement.create'>().toExtend<MutationPath>();
    expectTypeOf<ProcedureInput<'agreement.get'>>().toEqualTypeOf<{ id: string }>();
    // Every procedure is a query or a mutation, never both, and none takes `any`.
    expectTypeOf<Exclude<ProcedurePath, QueryPath | MutationPath>>().toBeNever();
    expectTypeOf<QueryPath & MutationPath>().toBeNever();
    type AnyInput = { [P in ProcedurePath]: 0 extends 1 & ProcedureInput<P> ? P : never }[ProcedurePath];
    expectTypeOf<AnyInput>().toBeNever();
  });
});
