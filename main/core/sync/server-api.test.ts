import { describe, expect, it } from 'vitest';
import { ServerApi, ServerUnreachable, type FetchLike } from './server-api';

const failure = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

/** A transport that fails with the given errors first, then answers /health. */
function transport(errors: Error[]): { fetch: FetchLike; calls: () => number } {
  let calls = 0;
  return {
    fetch: async () => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
    calls: () => calls,
  };
}

describe('ServerApi on a stale keep-alive connection', () => {
  it('sends again when the reused socket was reset or closed, on as many stale sockets as two pushes in flight leave', async () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET']) {
      const net = transport([failure(code)]);
      await new ServerApi('http://127.0.0.1:9', net.fetch).health();
      expect(net.calls()).toBe(2);
    }
    const both = transport([failure('UND_ERR_SOCKET'), failure('ECONNRESET')]);
    await new ServerApi('http://127.0.0.1:9', both.fetch).health();
    expect(both.calls()).toBe(3);
  });

  it('does not repeat a request the server never took (refused), and gives up after three tries', async () => {
    const refused = transport([failure('ECONNREFUSED')]);
    await expect(new ServerApi('http://127.0.0.1:9', refused.fetch).health()).rejects.toThrow(ServerUnreachable);
    expect(refused.calls()).toBe(1);
    const thrice = transport([failure('ECONNRESET'), failure('ECONNRESET'), failure('ECONNRESET')]);
    await expect(new ServerApi('http://127.0.0.1:9', thrice.fetch).health()).rejects.toThrow(/did not answer/);
    expect(thrice.calls()).toBe(3);
  });
});
