import { expect } from 'vitest';
import { type MutationPath, mutationUrl, type ProcedureInput } from './procedures.ts';

/**
 * Set-up through the e2e stack's API, for browser tests that make their own objects (what the forms do has browser
 * tests of its own): a seed user's dev token, and a typed mutation that must succeed.
 */
export async function devToken(apiUrl: string, user: string): Promise<string> {
  const response = await fetch(`${apiUrl}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) });
  expect(response.status, `dev token for ${user}`).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A mutation as `user`'s token sends it; fails the test on anything but 200, and answers the result's data. */
export async function mutateAs<T, P extends MutationPath = MutationPath>(
  apiUrl: string,
  token: string,
  path: P,
  input: ProcedureInput<P>,
): Promise<T> {
  const response = await fetch(`${apiUrl}${mutationUrl(path)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}
