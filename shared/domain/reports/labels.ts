import type { Catalog } from '../catalog';
import { FIRST_CONTACT_DISPOSITIONS, type CaseKind, type Channel } from '../enums';
import { DAY_MS } from './calendar';

export const CHANNEL_LABELS = { phone: 'Phone', walk_in: 'Walk-in', chat: 'Chat' } as const satisfies Record<Channel, string>;
export const KIND_LABELS = {
  information: 'Information',
  service_request: 'Service request',
  feedback: 'Feedback',
  transfer: 'Transfer',
} as const satisfies Record<CaseKind, string>;

/** Names for the codes a report shows, and the SLA of each service type. */
export interface ReportLabels {
  department(code: string): string;
  service(code: string): string;
  agent(id: string): string;
  /** How long a service request of this type may stay unresolved, in ms; null for a type the catalog does not know. */
  slaMs(serviceCode: string): number | null;
}

/** Labels from a catalog and the names of agents; an unknown code or id is shown as itself. */
export function reportLabels(catalog: Catalog, agentNames: ReadonlyMap<string, string> = new Map()): ReportLabels {
  const departments = new Map(catalog.departments.map((d) => [d.code, d.name]));
  const services = new Map(catalog.serviceTypes.map((t) => [t.code, t]));
  return {
    department: (code) => departments.get(code) ?? code,
    service: (code) => services.get(code)?.name ?? code,
    agent: (id) => agentNames.get(id) ?? id,
    slaMs: (code) => {
      const type = services.get(code);
      return type ? type.slaDays * DAY_MS : null;
    },
  };
}

/** The SLA of every service type, for SQL that checks breaches row by row (JSON: code → ms). */
export function slaTable(catalog: Catalog): Record<string, number> {
  return Object.fromEntries(catalog.serviceTypes.map((t) => [t.code, t.slaDays * DAY_MS]));
}

const firstContact = new Set<string>(FIRST_CONTACT_DISPOSITIONS);
export const isFirstContact = (disposition: string | null): boolean => disposition !== null && firstContact.has(disposition);

/**
 * A service request breaches its SLA when it is resolved or closed later than slaDays after it
 * was created, or is still open past that moment. Cancelled requests never breach.
 */
export function breachesSla(createdAt: number, settledAt: number, slaMs: number | null): boolean {
  return slaMs !== null && settledAt > createdAt + slaMs;
}
