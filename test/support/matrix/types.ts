import type { ProcedurePath } from '../procedures.ts';

/** An agreement aimed at: its id, owning space, reference, kind and status. */
export interface Target {
  id: string;
  space: string;
  reference: string;
  kind: string;
  status: string;
}

export type Call = { type: 'query' | 'mutation'; input: unknown };

/**
 * One router's entries of the matrix: exactly its procedures, so a procedure added to the router, renamed or
 * removed fails tsc in that router's file.
 */
export type RouterCalls<R extends string> = {
  [P in Extract<ProcedurePath, `${R}.${string}`>]: (target: Target) => Call[];
};
