import { MUTATION_SCHEMA_VERSION, PUSH_BATCH_MAX, type PushResponse, type PushedMutation } from '../../../shared/sync';
import type { WritableDb } from '../db/connection';
import { acknowledgeMutations, caseIdOf, pendingMutations } from '../outbox';
import { applyPulledPage, settleUnconfirmed, unconfirmedWatermark } from './apply-pull';
import { rebaseCase } from './rebase';
import { ServerError, type ServerApi } from './server-api';
import { addConflicts, readSyncProgress, recordRejection, type SyncSettings } from './sync-store';

/** The desk closed while a request was in flight: drop the answer, touch nothing. */
export class SyncStopped extends Error {
  override name = 'SyncStopped';
}

/** What one sync run needs. Database work happens in short transactions between network awaits. */
export interface SyncSession {
  db: WritableDb;
  api: ServerApi;
  settings: SyncSettings;
  deskCode: string;
  now(): number;
  /** The desk token, kept between runs; cleared when the server refuses it. */
  token: { value: string | null };
  isStopped(): boolean;
}

const checkStopped = (session: SyncSession): void => {
  if (session.isStopped()) throw new SyncStopped('the desk closed during sync');
};

/** Runs a request with the desk token, signing the desk in first or again (once) when the server refuses the token. */
async function withDeskToken<T>(session: SyncSession, request: (token: string) => Promise<T>): Promise<T> {
  const signIn = async () => {
    const { token } = await session.api.deskSignIn({ tenant: session.settings.tenant, deskCode: session.deskCode, deskSecret: session.settings.deskSecret });
    session.token.value = token;
    return token;
  };
  const token = session.token.value ?? (await signIn());
  try {
    return await request(token);
  } catch (error) {
    if (!(error instanceof ServerError) || error.status !== 401) throw error;
    session.token.value = null;
    return request(await signIn());
  }
}

function recordPushResponse(session: SyncSession, batch: PushedMutation[], response: PushResponse): void {
  const { db } = session;
  db.transaction(() => {
    const byId = new Map(batch.map((m) => [m.mutationId, m]));
    const rejectedCases = new Set<string>();
    let conflicts = 0;
    for (const result of response.results) {
      const sent = byId.get(result.mutationId);
      if (result.outcome === 'applied') conflicts += result.conflicts;
      if (result.outcome !== 'rejected' || !sent) continue;
      const caseId = caseIdOf(sent.mutation);
      rejectedCases.add(caseId);
      recordRejection(db, {
        mutationId: result.mutationId,
        caseId,
        name: sent.mutation.name,
        reason: result.reason ?? 'rejected by the server',
        at: session.now(),
        eventId: sent.event?.id ?? null,
        noteId: sent.mutation.name === 'addNote' ? sent.mutation.args.note.id : null,
      });
    }
    addConflicts(db, conflicts);
    const heard = new Set(response.results.filter((r) => r.outcome !== 'duplicate').map((r) => r.mutationId));
    acknowledgeMutations(db, response.lastMutationId, heard);
    // A rejected change must not linger on this desk: back to the server's base plus what is still pending.
    for (const caseId of rejectedCases) rebaseCase(db, caseId, session.now());
  })();
}

/** Pushes the outbox in batches, oldest first, until it is empty. Returns how many mutations were acknowledged. */
export async function pushOutbox(session: SyncSession): Promise<number> {
  let acknowledged = 0;
  for (;;) {
    checkStopped(session);
    const batch = pendingMutations(session.db, PUSH_BATCH_MAX);
    if (batch.length === 0) return acknowledged;
    const response = await withDeskToken(session, (token) =>
      session.api.push(token, { deskCode: session.deskCode, schemaVersion: MUTATION_SCHEMA_VERSION, mutations: batch }),
    );
    checkStopped(session);
    recordPushResponse(session, batch, response);
    const first = batch[0]!.mutationId;
    if (response.lastMutationId < first) {
      throw new Error(
        `sync: the server has applied this desk's mutations only up to ${response.lastMutationId} and stopped at ${response.gapAt ?? first}, but the outbox starts at ${first}; the server is missing changes this desk no longer holds`,
      );
    }
    acknowledged += batch.filter((m) => m.mutationId <= response.lastMutationId).length;
  }
}

/** Pulls pages from the desk's cursor until the server has nothing more. Returns how many rows arrived. */
export async function pullChanges(session: SyncSession, pageLimit?: number): Promise<number> {
  let rows = 0;
  // Outcomes unheard before this pull began are settled by it: their events, if applied, are in it.
  const unsettled = unconfirmedWatermark(session.db);
  for (;;) {
    checkStopped(session);
    const cursor = readSyncProgress(session.db).pullCursor;
    const page = await withDeskToken(session, (token) => session.api.pull(token, cursor, pageLimit));
    checkStopped(session);
    if (page.cursor < cursor) throw new Error(`sync: the server answered cursor ${cursor} with cursor ${page.cursor}; a cursor never moves back`);
    applyPulledPage(session.db, page, session.now());
    rows += page.rows.length;
    if (!page.hasMore) {
      settleUnconfirmed(session.db, unsettled, session.now());
      return rows;
    }
  }
}

/** One full exchange: everything local goes up, everything new comes down. */
export async function syncOnce(session: SyncSession, pageLimit?: number): Promise<{ pushed: number; pulled: number }> {
  const pushed = await pushOutbox(session);
  const pulled = await pullChanges(session, pageLimit);
  return { pushed, pulled };
}
