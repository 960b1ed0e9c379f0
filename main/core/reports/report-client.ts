import type { z } from 'zod';
import { SyncErrorSchema } from '../../../shared/sync';
import type { ReadableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import type { FetchLike } from '../sync/server-api';
import { readSyncSettings } from '../sync/sync-store';

/** A report the server is asked for must not hold the screen: after this the desk answers with its own figures. */
export const REPORT_TIMEOUT_MS = 10_000;

export type ServerAnswer<T> = { ok: true; value: T } | { ok: false; status: number | null; message: string };

/** GET `path` with a bearer token; every failure is a value with a sentence saying what happened. */
export async function getReportFromServer<S extends z.ZodType>(
  fetchLike: FetchLike,
  baseUrl: string,
  path: string,
  token: string,
  schema: S,
  timeoutMs = REPORT_TIMEOUT_MS,
): Promise<ServerAnswer<z.output<S>>> {
  const url = new URL(path, baseUrl).toString();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const request = fetchLike(url, { method: 'GET', headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } }).then(async (response) => ({
      response,
      text: await response.text(),
    }));
    const answer = await Promise.race([request, timeout]);
    if (answer === 'timeout') return { ok: false, status: null, message: `the sync server at ${baseUrl} did not answer within ${timeoutMs / 1000} s` };
    const json = parseJson(answer.text);
    if (!answer.response.ok) {
      const error = SyncErrorSchema.safeParse(json);
      const why = error.success ? error.data.error.message : `it answered ${answer.response.status}`;
      return { ok: false, status: answer.response.status, message: `the sync server refused: ${why}` };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, status: answer.response.status, message: `the sync server's report is not what this desk expects (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})` };
    }
    return { ok: true, value: parsed.data };
  } catch (error) {
    return { ok: false, status: null, message: `the sync server at ${baseUrl} cannot be reached (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/**
 * A team-wide report from the server for the lead signed in at this desk with a central account,
 * or why the desk must answer from its own cases instead.
 */
export async function teamReport<S extends z.ZodType>(db: ReadableDb, state: DeskState, path: string, schema: S): Promise<ServerAnswer<z.output<S>>> {
  const settings = readSyncSettings(db);
  if (!settings) return { ok: false, status: null, message: 'this desk has no sync server' };
  const agent = state.session.agent;
  const session = state.serverSession;
  if (!agent || !session || session.agentId !== agent.id) {
    return { ok: false, status: null, message: 'team figures need a sign-in with your city account while the sync server is reachable' };
  }
  if (Date.parse(session.expiresAt) <= state.now()) return { ok: false, status: 401, message: 'your sign-in with the sync server has expired: sign in again for team figures' };
  return getReportFromServer(state.fetch ?? fetch, settings.serverUrl, path, session.token, schema);
}
