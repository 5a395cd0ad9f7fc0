import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomRequest, sendRaw, statusOf } from '../support/raw-requests.ts';
import { startServeProcess, type ServeProcess } from '../support/serve-process.ts';

// Issue 18, item 1: one request target (`//[`) threw outside the request handler's try and
// ended the API process. Every request line, whatever its target, method or headers, must get an
// HTTP answer, and the real `plangraph serve` process must never exit.
describe('raw request lines against a served API', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServeProcess({ LOG_LEVEL: 'silent' });
  }, 60_000);
  afterAll(() => serve?.stop());

  test.each([
    ['GET //[ HTTP/1.1'],
    ['GET http://[ HTTP/1.1'],
    ['GET http://a:b:c/ HTTP/1.1'],
    ['GET /%ff HTTP/1.1'],
    ['GET //[/graphql?query={version} HTTP/1.1'],
  ])('%s gets 400 with a client code, and the process lives on', async (line) => {
    const answer = await sendRaw(serve.port, Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    expect(statusOf(answer), answer).toBe('400');
    expect(answer).toMatch(/"code":"BAD_REQUEST"/);
    expect(serve.child.exitCode).toBeNull();
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  });

  test('10,000 random request lines: every one gets an HTTP answer, none ends the process', async () => {
    const runs = Number(process.env.REQUEST_FUZZ_RUNS ?? 10_000);
    const statuses = new Map<string, number>();
    const unanswered: string[] = [];
    let next = 1;
    const worker = async () => {
      while (next <= runs && serve.child.exitCode === null) {
        const seed = next++;
        const request = randomRequest(seed);
        const status = statusOf(await sendRaw(serve.port, request));
        if (status === undefined)
          unanswered.push(`seed ${seed}: ${JSON.stringify(request.toString('latin1').slice(0, 200))}`);
        statuses.set(status ?? 'none', (statuses.get(status ?? 'none') ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    if (process.env.PLANGRAPH_REPORT)
      console.log(`request lines: ${runs}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(serve.child.exitCode, serve.stderr().slice(-2000)).toBeNull();
    expect(unanswered.slice(0, 10)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(runs);
    // No request target may reach an internal error either.
    expect(statuses.get('500') ?? 0).toBe(0);
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  }, 300_000);
});
