import { describe, expect, it } from 'vitest';
import { createScopedDocumentsFor, documentsSessionPolicy } from './document-credentials.ts';

const identity = {
  user: 'kompas.signer',
  name: 'K',
  space: 'PV81234567',
  roles: ['provider_signer' as const],
  reach: ['PV81234567'],
};

describe('document credentials', () => {
  it('names exactly the agreement prefix, get and put only', () => {
    expect(documentsSessionPolicy('docs', ['GM0233/agreements/erm-1/'])).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AgreementDocuments',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: ['arn:aws:s3:::docs/GM0233/agreements/erm-1/*'],
        },
      ],
    });
  });

  it('refuses anything but an agreement prefix, before any STS call', () => {
    for (const bad of [
      '*',
      'GM0233/',
      'GM0233/agreements/*/',
      'GM0233/agreements/a/../b/',
      'XX/agreements/a/',
      'GM0233/agreements/a',
    ]) {
      expect(() => documentsSessionPolicy('docs', [bad]), bad).toThrow(/Invalid document prefix/);
    }
    expect(() => documentsSessionPolicy('docs', [])).toThrow();
  });

  it('assumes the documents role with the space tag and the prefix policy, one store per scope', async () => {
    const calls: Record<string, unknown>[] = [];
    const documentsFor = createScopedDocumentsFor({
      roleArn: 'arn:aws:iam::123456789012:role/docs',
      bucket: 'docs',
      assumeRole: async (input) => {
        calls.push(input as unknown as Record<string, unknown>);
        return {
          accessKeyId: 'a',
          secretAccessKey: 'b',
          sessionToken: 'c',
          expiration: new Date(Date.now() + 3_600_000),
        };
      },
    });
    const a = await documentsFor(identity, ['GM0233/agreements/erm-1/']);
    expect(await documentsFor(identity, ['GM0233/agreements/erm-1/'])).toBe(a);
    expect(await documentsFor(identity, ['GM0233/agreements/erm-2/'])).not.toBe(a);
    expect(documentsFor.size()).toBe(2);
    await expect(documentsFor(identity, ['GM0233/'])).rejects.toThrow(/Invalid document prefix/);
    // Credentials are fetched lazily, on the first S3 call: none yet.
    expect(calls).toEqual([]);
    const store = a as unknown as { client: { config: { credentials: () => Promise<unknown> } } };
    await store.client.config.credentials();
    expect(calls).toEqual([
      expect.objectContaining({
        RoleArn: 'arn:aws:iam::123456789012:role/docs',
        RoleSessionName: 'regie-docs-PV81234567',
        Tags: [{ Key: 'space', Value: 'PV81234567' }],
        Policy: JSON.stringify(documentsSessionPolicy('docs', ['GM0233/agreements/erm-1/'])),
      }),
    ]);
  });
});
