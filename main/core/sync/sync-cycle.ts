import { MUTATION_SCHEMA_VERSION, PUSH_BATCH_MAX, type PushResponse, type PushedMutation } from '../../../shared/sync';
import type { WritableDb } from '../db/connection';
import { acknowledgeMutations, caseIdOf, pendingMutations, restoredOutboxFloor } from '../outbox';
import { beginBulkPull, bulkPullUnderway, finishBulkPull } from './bulk-pull';
import { applyPulledPage, settleUnconfirmed, unconfirmedWatermark } from './apply-pull';
import { rebaseCase } from './rebase';
import { pullReferenceData } from './reference-data';
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
  /** Where a failure that does not fail the sync is told (the knowledge base or address list not updated). */
  log?: (message: string) => void;
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

interface BatchInFlight {
  batch: PushedMutation[];
  /** Sent while no other batch was in flight: a short answer to it means the server lacks what came before. */
  alone: boolean;
  response: Promise<PushResponse>;
}

function sendBatch(session: SyncSession, after: number, alone: boolean): BatchInFlight | null {
  const batch = pendingMutations(session.db, PUSH_BATCH_MAX, after);
  if (batch.length === 0) return null;
  const response = withDeskToken(session, (token) => session.api.push(token, { deskCode: session.deskCode, schemaVersion: MUTATION_SCHEMA_VERSION, mutations: batch }));
  response.catch(() => {}); // awaited in order by pushOutbox; a later batch's failure must not be unhandled meanwhile
  return { batch, alone, response };
}

const lastIdOf = (batch: PushedMutation[]): number => batch[batch.length - 1]!.mutationId;

/** Records a batch's answer; returns how many of its mutations the server now holds. */
function settleBatch(session: SyncSession, sent: BatchInFlight, response: PushResponse): number {
  checkStopped(session);
  recordPushResponse(session, sent.batch, response);
  const first = sent.batch[0]!.mutationId;
  if (sent.alone && response.lastMutationId < first) {
    throw new Error(
      `sync: the server has applied this desk's mutations only up to ${response.lastMutationId} and stopped at ${response.gapAt ?? first}, but the outbox starts at ${first}; the server is missing changes this desk no longer holds`,
    );
  }
  return sent.batch.filter((m) => m.mutationId <= response.lastMutationId).length;
}

/**
 * Pushes the outbox in batches, oldest first, until it is empty. Returns how many mutations were
 * acknowledged. Two batches are in flight at once: while the server applies one, the desk sends
 * the next and records the answer to the previous. The server applies a desk's mutations in id
 * order and stops at a gap, so a batch that overtakes its predecessor is applied in part or not at
 * all; the desk then lets the other land and starts again from its oldest unacknowledged mutation.
 */
export async function pushOutbox(session: SyncSession): Promise<number> {
  // Restored from a backup, or a new database: learn the server's last applied id before pushing
  // anything, so no mutation goes up under an id the server already used (outbox.ts). An empty page
  // carries it: the rows come with the pull after the push, as always (a first pull in bulk).
  if (restoredOutboxFloor(session.db) !== null) {
    const position = await withDeskToken(session, (token) => session.api.pull(token, readSyncProgress(session.db).pullCursor, 0));
    checkStopped(session);
    applyPulledPage(session.db, { ...position, rows: [] }, session.now());
  }
  let acknowledged = 0;
  let current = sendBatch(session, 0, true);
  while (current) {
    checkStopped(session);
    let next = sendBatch(session, lastIdOf(current.batch), false);
    let response: PushResponse;
    try {
      response = await current.response;
    } catch (error) {
      await next?.response.catch(() => {});
      throw error;
    }
    acknowledged += settleBatch(session, current, response);
    if (response.lastMutationId < lastIdOf(current.batch) && next) {
      const behind = await next.response.catch(() => null);
      if (behind) acknowledged += settleBatch(session, next, behind);
      next = null;
    }
    current = next ?? sendBatch(session, 0, true);
  }
  return acknowledged;
}

/**
 * Pulls pages from the desk's cursor until the server has nothing more. Returns how many rows
 * arrived. The next page is requested as soon as a page arrives, so the server reads it while the
 * desk applies this one; pages are still applied strictly in order.
 */
export async function pullChanges(session: SyncSession, pageLimit?: number): Promise<number> {
  let rows = 0;
  // Outcomes unheard before this pull began are settled by it: their events, if applied, are in it.
  const unsettled = unconfirmedWatermark(session.db);
  const fetchPage = (cursor: number) => {
    const page = withDeskToken(session, (token) => session.api.pull(token, cursor, pageLimit));
    page.catch(() => {}); // awaited below, in order
    return page;
  };
  let cursor = readSyncProgress(session.db).pullCursor;
  let pending = fetchPage(cursor);
  for (;;) {
    checkStopped(session);
    const page = await pending;
    checkStopped(session);
    if (page.cursor < cursor) throw new Error(`sync: the server answered cursor ${cursor} with cursor ${page.cursor}; a cursor never moves back`);
    if (page.hasMore) pending = fetchPage(page.cursor);
    // A first pull with more than a page to come fills the desk rows first (bulk-pull.ts).
    if (cursor === 0 && page.hasMore) beginBulkPull(session.db);
    applyPulledPage(session.db, page, session.now());
    rows += page.rows.length;
    cursor = page.cursor;
    if (!page.hasMore) {
      settleUnconfirmed(session.db, unsettled, session.now());
      if (bulkPullUnderway(session.db)) await finishBulkPull(session.db);
      return rows;
    }
  }
}

/** One full exchange: everything local goes up, everything new comes down, then the reference data. */
export async function syncOnce(session: SyncSession, pageLimit?: number): Promise<{ pushed: number; pulled: number }> {
  const pushed = await pushOutbox(session);
  const pulled = await pullChanges(session, pageLimit);
  const reference = await pullReferenceData({
    db: session.db,
    get: (path, schema) => withDeskToken(session, (token) => session.api.getReference(token, path, schema)),
    isStopped: session.isStopped,
  });
  checkStopped(session);
  for (const failure of reference.failures) session.log?.(`sync: ${failure} was not brought up to date; the next sync tries again`);
  return { pushed, pulled };
}
