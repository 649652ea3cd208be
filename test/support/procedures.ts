import type { AppRouter } from '@regie/api';
import type { AnyProcedure, inferRouterInputs, TRPCRouterRecord } from '@trpc/server';

/**
 * The router's procedures as types, for every test that calls the API by path: the test API helper (`api.ts`),
 * the load tooling, the Lambda tests and the e2e set-up. Types only (and two URL builders), so a browser test
 * imports it without starting anything.
 */

/** Every procedure of a router record as `{ path: 'agreement.get', type: 'query' }`. */
type Procedures<R extends TRPCRouterRecord, Prefix extends string = ''> = {
  [K in keyof R & string]: R[K] extends AnyProcedure
    ? { path: `${Prefix}${K}`; type: R[K]['_def']['type'] }
    : R[K] extends TRPCRouterRecord
      ? Procedures<R[K], `${Prefix}${K}.`>
      : never;
}[keyof R & string];

type AppProcedures = Procedures<AppRouter['_def']['record']>;
/** Every procedure path of the router, e.g. `'agreement.get'`. */
export type ProcedurePath = AppProcedures['path'];
/** The paths of the router's queries (sent with GET). */
export type QueryPath = Extract<AppProcedures, { type: 'query' }>['path'];
/** The paths of the router's mutations (sent with POST). */
export type MutationPath = Extract<AppProcedures, { type: 'mutation' }>['path'];

/** The value at a dotted path of a nested record: `At<{ a: { b: 1 } }, 'a.b'>` is `1`. */
type At<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : never;

/** The input a procedure's schema accepts (before defaults apply), e.g. `ProcedureInput<'agreement.get'>`. */
export type ProcedureInput<P extends ProcedurePath> = At<inferRouterInputs<AppRouter>, P>;

/** The URL path of a query with its input, as the web app sends it (GET, input in the query string). */
export const queryUrl = <P extends QueryPath>(path: P, input: ProcedureInput<P>) => rawQueryUrl(path, input);

/** The URL path of a mutation (POST, input as the JSON body). */
export const mutationUrl = (path: MutationPath) => `/trpc/${path}`;

/** `queryUrl` without the types: for tables that walk procedures by name and for bad inputs sent on purpose. */
export const rawQueryUrl = (path: string, input: unknown) =>
  `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
