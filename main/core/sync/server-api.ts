import type { z } from 'zod';
import {
  MUTATION_SCHEMA_VERSION,
  ConflictListSchema,
  DeskSignInResponseSchema,
  DigestResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  SignInResponseSchema,
  SyncErrorSchema,
  type Conflict,
  type DeskSignInRequest,
  type DeskSignInResponse,
  type DigestResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SignInRequest,
  type SignInResponse,
} from '../../../shared/sync';

/** The part of `fetch` sync uses; tests inject a network that drops, delays, duplicates and reorders. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

/** The server answered with an error (`{error: {code, message}}`), e.g. 401, 426 update_required. */
export class ServerError extends Error {
  override name = 'ServerError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached, or its answer was lost or unreadable: try again later. */
export class ServerUnreachable extends Error {
  override name = 'ServerUnreachable';
}

const describeError = (error: unknown): string => (error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error));

/** Typed calls to the central server; every answer is parsed with the protocol's schemas. */
export class ServerApi {
  constructor(
    readonly baseUrl: string,
    private readonly fetch: FetchLike,
  ) {}

  private async request<S extends z.ZodType>(method: string, path: string, schema: S | null, options: { token?: string; body?: unknown } = {}): Promise<z.output<S>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const url = new URL(path, this.baseUrl).toString();
    let response: Response;
    let text: string;
    const send = async () => {
      const answer = await this.fetch(url, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
      return { answer, body: await answer.text() };
    };
    try {
      ({ answer: response, body: text } = await sendAgainOnStaleConnection(send));
    } catch (error) {
      throw new ServerUnreachable(`${method} ${path}: the server at ${this.baseUrl} did not answer (${describeError(error)})`);
    }
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = SyncErrorSchema.safeParse(json);
      if (parsed.success) throw new ServerError(response.status, parsed.data.error.code, `${method} ${path}: ${parsed.data.error.message}`);
      if (response.status >= 500 || response.status === 429) throw new ServerUnreachable(`${method} ${path}: the server answered ${response.status}`);
      throw new ServerError(response.status, 'unknown', `${method} ${path}: the server answered ${response.status} ${text.slice(0, 200)}`);
    }
    if (!schema) return undefined as z.output<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ServerUnreachable(`${method} ${path}: the server's answer is not what this desk expects (${issue?.path.join('.') ?? ''} ${issue?.message ?? ''})`);
    }
    return parsed.data;
  }

  async health(): Promise<void> {
    await this.request('GET', '/health', null);
  }
  signIn(body: SignInRequest): Promise<SignInResponse> {
    return this.request('POST', '/auth/sign-in', SignInResponseSchema, { body });
  }
  deskSignIn(body: DeskSignInRequest): Promise<DeskSignInResponse> {
    return this.request('POST', '/auth/desk', DeskSignInResponseSchema, { body });
  }
  push(token: string, body: PushRequest): Promise<PushResponse> {
    return this.request('POST', '/sync/push', PushResponseSchema, { token, body });
  }
  pull(token: string, cursor: number, limit?: number): Promise<PullResponse> {
    return this.request('GET', `/sync/pull?cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}&schema=${MUTATION_SCHEMA_VERSION}`, PullResponseSchema, { token });
  }
  /** Reference data a desk keeps a copy of (address list, knowledge base): GET `path` with the desk token. */
  getReference<S extends z.ZodType>(token: string, path: string, schema: S): Promise<z.output<S>> {
    return this.request('GET', path, schema, { token });
  }
  digest(token: string): Promise<DigestResponse> {
    return this.request('GET', '/sync/digest', DigestResponseSchema, { token });
  }
  async conflicts(userToken: string): Promise<Conflict[]> {
    return (await this.request('GET', '/sync/conflicts', ConflictListSchema, { token: userToken })).conflicts;
  }
}

/**
 * A kept-alive connection the server closed while this desk was busy fails at once. Every request
 * here is safe to repeat (a push is deduplicated by mutation id), so it is sent again; the pool may
 * hold more than one such connection (two pushes are in flight at a time), hence a few tries.
 */
async function sendAgainOnStaleConnection<T>(send: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= tries || !isStaleConnection(error)) throw error;
    }
  }
}

/** The socket was reset or closed under a request sent on a reused keep-alive connection. */
export function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
