import type { Agent, Catalog } from '../../shared/domain';

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
