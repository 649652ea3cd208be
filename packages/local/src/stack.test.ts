import { describe, expect, it } from 'vitest';
import { sayingSlowRequests } from './stack.ts';

const after = (ms: number, status = 200) =>
  new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(null, { status })), ms));

describe('sayingSlowRequests', () => {
  it('says a request that runs long while it runs and when it ends, without its query', async () => {
    const lines: string[] = [];
    const fetch = sayingSlowRequests(
      () => after(60, 201),
      (line) => lines.push(line),
      20,
    );
    const response = await fetch(new Request('http://x/trpc/agreement.get?input=secret'));
    expect(response.status).toBe(201);
    expect(lines[0]).toBe('[api] GET /trpc/agreement.get still unanswered after 20 ms');
    expect(lines[1]).toMatch(/^\[api\] GET \/trpc\/agreement\.get answered 201 after \d+ ms$/);
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('says nothing of a quick request, and passes what the server hands on', async () => {
    const lines: string[] = [];
    const seen: unknown[] = [];
    const fetch = sayingSlowRequests(
      (_request: Request, env: { incoming: string }) => {
        seen.push(env);
        return new Response('ok');
      },
      (line) => lines.push(line),
      1_000,
    );
    expect(await (await fetch(new Request('http://x/health'), { incoming: 'socket' })).text()).toBe('ok');
    expect(seen).toEqual([{ incoming: 'socket' }]);
    expect(lines).toEqual([]);
  });
});
