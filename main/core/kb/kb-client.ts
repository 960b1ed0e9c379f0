import type { z } from 'zod';
import { SyncErrorSchema } from '../../../shared/sync';
import type { ReadableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DomainError, type Issue } from '../errors';
import { readSyncSettings } from '../sync/sync-store';

/** Saving an article waits on the server, but never longer than this. */
export const KB_SAVE_TIMEOUT_MS = 15_000;

const NEEDS_SERVER = 'editing articles needs the sync server';

/**
 * Sends a lead's change to the server with their city sign-in and parses the answer. Every
 * failure is a DomainError saying what happened: no server set, not signed in centrally, the
 * server unreachable, or its refusal (with the fields it named).
 */
export async function sendArticleChange<S extends z.ZodType>(db: ReadableDb, state: DeskState, path: string, body: unknown, schema: S): Promise<z.output<S>> {
  const settings = readSyncSettings(db);
  if (!settings) throw new DomainError('not_configured', `${capitalised(NEEDS_SERVER)}, and this desk has none set (Sync screen, Alt+Y)`);
  const agent = state.session.agent;
  const session = state.serverSession;
  if (!agent || !session || session.agentId !== agent.id) {
    throw new DomainError('unauthorized', `${capitalised(NEEDS_SERVER)}: sign in with your city account while it is reachable`);
  }
  if (Date.parse(session.expiresAt) <= state.now()) throw new DomainError('unauthorized', 'Your sign-in with the sync server has expired: sign in again with your city account to edit articles');

  const url = new URL(path, settings.serverUrl).toString();
  let response: Response;
  let text: string;
  try {
    const fetchLike = state.fetch ?? fetch;
    const signal = AbortSignal.timeout(KB_SAVE_TIMEOUT_MS);
    response = await Promise.race([
      fetchLike(url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` }, body: JSON.stringify(body) }),
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error(`no answer within ${KB_SAVE_TIMEOUT_MS / 1000} s`)))),
    ]);
    text = await response.text();
  } catch (error) {
    throw new DomainError('offline', `${capitalised(NEEDS_SERVER)}, which cannot be reached at ${settings.serverUrl} (${error instanceof Error ? error.message : String(error)}); nothing was changed`);
  }
  const json = parseJson(text);
  if (!response.ok) throw refusal(response.status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('offline', `The sync server's answer is not what this desk expects (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}); check whether the change was saved before trying again`);
  }
  return parsed.data;
}

function refusal(status: number, json: unknown): DomainError {
  const error = SyncErrorSchema.safeParse(json);
  const message = error.success ? error.data.error.message : `it answered ${status}`;
  // The server names fields as article.title or title; the editor knows them as title.
  const issues: Issue[] = error.success ? (error.data.error.issues ?? []).map((i) => ({ field: i.path.replace(/^article\./, ''), message: i.message })) : [];
  const said = `The sync server refused: ${message}`;
  if (status === 400) return new DomainError('invalid_input', said, issues);
  if (status === 401) return new DomainError('unauthorized', `${said}. Sign in again with your city account`);
  if (status === 403) return new DomainError('forbidden', said);
  if (status === 404) return new DomainError('not_found', said);
  if (status === 409) return new DomainError('conflict', said);
  if (status === 426) return new DomainError('update_required', said);
  return new DomainError('offline', `${said} (${status}); nothing was changed`);
}

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}
