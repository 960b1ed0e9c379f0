import type { FetchLike } from '../../main/core/sync/server-api';

/**
 * A scripted stand-in for the central server in unit tests of the desk's sync client: it answers
 * each request with what the test says and records what was asked. The real server has its own
 * tests, and the integration test and simulation run the desk against it.
 */
export function scriptedServer(answer: (request: { method: string; path: string; body: unknown; token: string | undefined }) => Response | Promise<Response>) {
  const requests: string[] = [];
  /** The address list and knowledge base pulled after each sync: answered "nothing new" here (their own tests use a real server). */
  const referenceRequests: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    const { pathname: path, searchParams } = new URL(url);
    if (REFERENCE_PATHS.has(path)) {
      referenceRequests.push(`${init.method} ${path}`);
      return jsonResponse(200, { rows: [], cursor: Number(searchParams.get('cursor') ?? 0), hasMore: false });
    }
    requests.push(`${init.method} ${path}`);
    const token = init.headers.Authorization?.replace('Bearer ', '');
    return answer({ method: init.method, path, body: init.body ? (JSON.parse(init.body) as unknown) : undefined, token });
  };
  return { fetch, requests, referenceRequests };
}

const REFERENCE_PATHS = new Set(['/kb/pull', '/addresses/changes']);

export const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const errorResponse = (status: number, code: string, message: string): Response => jsonResponse(status, { error: { code, message } });

/** What a dead server looks like to fetch. */
export const connectionRefused = (): never => {
  throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8080') });
};
