import type { Agent, Catalog } from '../../shared/domain';
import type { DeskPolicy } from './policy/desk-policy';
import type { FetchLike } from './sync/server-api';
import type { SyncClientState } from './sync/sync-client';

/** Who is working at this desk, and where: every write is stamped from here, never from the renderer. */
export interface DeskSession {
  deskCode: string;
  agent: Agent;
  /** IANA zone of the centre, e.g. America/Edmonton: reference dates and shifts follow it. */
  timeZone: string;
}

export interface CoreDeps {
  session: DeskSession;
  catalog: Catalog;
  /** Wall clock in epoch milliseconds; tests pass a fixed one. */
  now: () => number;
}

/** The desk as the console API sees it: maybe nobody is signed in yet. */
export interface DeskState {
  session: Omit<DeskSession, 'agent'> & { agent: Agent | null };
  catalog: Catalog;
  now: () => number;
  /** The start-up quick_check, run in the background; absent where nobody runs one (tests). */
  integrity?: { state: 'checking' | 'ok' | 'damaged'; message: string | null };
  /** Background sync, when this desk runs it (the desk runtime does unless told not to). */
  sync?: DeskSync;
  /** How the desk reaches the sync server for sign-in and conflicts; `fetch` unless a test injects a network. */
  fetch?: FetchLike;
  /** The desktop app's update status (main/app/updater.ts); absent where nothing updates the app. */
  updateStatus?: () => { state: 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error'; message: string; version?: string };
  /** Locked after the idle time (agents/console-lock.ts): main answers only what the lock screen needs. */
  locked?: boolean;
  /** IT's machine policy as this desk applied it (policy/desk-policy.ts); absent in tests that have none. */
  policy?: DeskPolicy;
  /** The central sign-in of the agent at the desk, kept in memory only: it reads the server's conflicts. */
  serverSession?: { agentId: string; token: string; expiresAt: string } | null;
}

/** What the console asks of background sync. */
export interface DeskSync {
  state(): SyncClientState;
  syncNow(): Promise<SyncClientState>;
  localChange(): void;
  settingsChanged(): Promise<SyncClientState>;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** How far a zone's wall clock is ahead of UTC at an instant, in ms (Edmonton: −7 h or −6 h). */
export function zoneOffsetAt(at: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(at / 900_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  const offset = wall - (at - (at % 60_000));
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The instant a wall-clock time in a zone names (months zero-based, as Date.UTC takes them). */
export function zonedTimeToEpoch(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const wall = Date.UTC(year, month, day, hour, minute, second, ms);
  const first = wall - zoneOffsetAt(wall, timeZone);
  return wall - zoneOffsetAt(first, timeZone);
}
