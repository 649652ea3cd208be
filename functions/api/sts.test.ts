import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssumeRole } from './sts.ts';

const input = {
  RoleArn: 'arn:aws:iam::123456789012:role/tenant',
  RoleSessionName: 'regie-GM0233',
  DurationSeconds: 3600,
  Tags: [{ Key: 'space', Value: 'GM0233' }],
  Policy: '{"Version":"2012-10-17","Statement":[]}',
};

const OK = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/tenant/regie-GM0233</Arn><AssumedRoleId>AROA:regie-GM0233</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalr/K7MDENG&amp;bPxRfiCY</SecretAccessKey>
      <SessionToken>FwoGZXIvYXdzE+token==</SessionToken>
      <Expiration>2026-11-23T16:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
</AssumeRoleResponse>`;

const error = (code: string) =>
  `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>Rate exceeded for AKIDCALLER</Message></Error><RequestId>r</RequestId></ErrorResponse>`;

const credentials = async () => ({
  accessKeyId: 'AKIDCALLER',
  secretAccessKey: 'callersecret',
  sessionToken: 'callertoken',
});

/** A loopback STS: records each request and answers with the next scripted response. */
let answers: { status: number; body: string }[] = [];
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    const answer = answers.shift() ?? { status: 500, body: error('InternalFailure') };
    res.writeHead(answer.status, { 'content-type': 'text/xml' });
    res.end(answer.body);
  });
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('STS AssumeRole through @aws-sdk/client-sts', () => {
  it('sends the documented Query API request, signed for sts in the region with the caller’s session token', async () => {
    answers = [{ status: 200, body: OK }];
    received.length = 0;
    const assumeRole = createAssumeRole({ region: 'eu-central-1', credentials, endpoint });
    expect(await assumeRole(input)).toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'wJalr/K7MDENG&bPxRfiCY',
      sessionToken: 'FwoGZXIvYXdzE+token==',
      expiration: new Date('2026-11-23T16:00:00Z'),
    });
    expect(received).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(received[0]!.body))).toEqual({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: input.RoleArn,
      RoleSessionName: 'regie-GM0233',
      DurationSeconds: '3600',
      Policy: input.Policy,
      'Tags.member.1.Key': 'space',
      'Tags.member.1.Value': 'GM0233',
    });
    const headers = received[0]!.headers;
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDCALLER\/\d{8}\/eu-central-1\/sts\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-security-token']).toBe('callertoken');
  });

  it('retries throttling, then fails naming only the error code', async () => {
    answers = [
      { status: 400, body: error('Throttling') },
      { status: 400, body: error('Throttling') },
    ];
    received.length = 0;
    const assumeRole = createAssumeRole({ credentials, endpoint, maxAttempts: 2 });
    const failure = await assumeRole(input).catch((e: Error) => e);
    expect(received).toHaveLength(2);
    expect((failure as Error).message).toBe('STS AssumeRole failed: Throttling');
    expect((failure as Error).message).not.toContain('AKIDCALLER');
  });

  it('does not retry an access denial', async () => {
    answers = [{ status: 403, body: error('AccessDenied') }];
    received.length = 0;
    const assumeRole = createAssumeRole({ credentials, endpoint });
    await expect(assumeRole(input)).rejects.toThrow('STS AssumeRole failed: AccessDenied');
    expect(received).toHaveLength(1);
  });
});
