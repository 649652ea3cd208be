import type { DevAuth } from '@regie/api';

/**
 * The seed's pending signature (SPEC §8): the DVO out for signature gets its agreement document, generated through
 * the files app exactly as a purchaser would, so Wijkracht's signer finds it waiting under Ondertekening. Runs once,
 * right after the seed is loaded (the document then lives in the local store next to the table's data).
 */
export const SEED_DOCUMENTS = [{ agreementId: 'erm-dvo-2026', by: 'ermelo.inkoper' }] as const;

/** What is used of the files app (a Hono app): an in-process request. */
interface InProcess {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

export async function seedDocuments(files: InProcess, dev: DevAuth): Promise<void> {
  for (const { agreementId, by } of SEED_DOCUMENTS) {
    const token = await dev.issueToken(by);
    const response = await files.request(`/agreements/${agreementId}/document/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 201) {
      throw new Error(
        `Seeding the document of ${agreementId} failed: ${response.status} ${await response.text()}`,
      );
    }
  }
}
