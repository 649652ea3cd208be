import { describe, expect, it } from 'vitest';
import { assumeRoleBody, createAssumeRole, parseAssumeRoleResponse } from './sts.ts';

const input = {
  RoleArn: 'arn:aws:iam::123456789012:role/tenant',
  RoleSessionName: 'regie-GM0233',
  DurationSeconds: 3600,
  Tags: [{ Key: 'space', Value: 'GM0233' }],
  Policy: '{"Version":"2012-10-17","Statement":[]}',
};

const OK = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/tenant/regie-GM0233</Arn></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalr/K7MDENG&amp;bPxRfiCY</SecretAccessKey>
      <SessionToken>FwoGZXIvYXdzE+token==</SessionToken>
      <Expiration>2026-11-23T16:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
</AssumeRoleResponse>`;

const credentials = async () => ({
  accessKeyId: 'AKIDCALLER',
  secretAccessKey: 'callersecret',
  sessionToken: 'callertoken',
});

describe('STS AssumeRole without the SDK client', () => {
  it('encodes the documented Query API request, tags as a member list', () => {
    const body = new URLSearchParams(assumeRoleBody(input));
    expect(Object.fromEntries(body)).toEqual({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: input.RoleArn,
      RoleSessionName: 'regie-GM0233',
      DurationSeconds: '3600',
      Policy: input.Policy,
      'Tags.member.1.Key': 'space',
      'Tags.member.1.Value': 'GM0233',
    });
  });

  it('reads the four credential fields, unescaping XML', () => {
    expect(parseAssumeRoleResponse(OK)).toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'wJalr/K7MDENG&bPxRfiCY',
      sessionToken: 'FwoGZXIvYXdzE+token==',
      expiration: new Date('2026-11-23T16:00:00Z'),
    });
    expect(parseAssumeRoleResponse('<AssumeRoleResponse/>')).toBeNull();
  });

  it('signs with Signature V4 for sts in the region, with the caller’s session token, to the regional endpoint', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const assumeRole = createAssumeRole({
      region: 'eu-central-1',
      credentials,
      fetch: (async (url: string, init: RequestInit) => {
        sent.push({ url, init });
        return new Response(OK, { status: 200 });
      }) as unknown as typeof fetch,
    });
    const result = await assumeRole(input);
    expect(result.accessKeyId).toBe('ASIAEXAMPLE');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://sts.eu-central-1.amazonaws.com/');
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDCALLER\/\d{8}\/eu-central-1\/sts\/aws4_request, SignedHeaders=[a-z0-9;-]*content-type;host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-security-token']).toBe('callertoken');
    expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(sent[0]!.init.body).toBe(assumeRoleBody(input));
  });

  it('retries throttling, then fails naming only the error code', async () => {
    let calls = 0;
    const throttled = `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded for AKIDCALLER</Message></Error></ErrorResponse>`;
    const assumeRole = createAssumeRole({
      credentials,
      maxAttempts: 2,
      fetch: (async () => {
        calls++;
        return new Response(throttled, { status: 400 });
      }) as unknown as typeof fetch,
    });
    const error = await assumeRole(input).catch((e: Error) => e);
    expect(calls).toBe(2);
    expect((error as Error).message).toBe('STS AssumeRole failed: Throttling');
    expect((error as Error).message).not.toContain('AKIDCALLER');
  });

  it('does not retry an access denial', async () => {
    let calls = 0;
    const assumeRole = createAssumeRole({
      credentials,
      fetch: (async () => {
        calls++;
        return new Response('<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>', {
          status: 403,
        });
      }) as unknown as typeof fetch,
    });
    await expect(assumeRole(input)).rejects.toThrow('STS AssumeRole failed: AccessDenied');
    expect(calls).toBe(1);
  });
});
