import type { Caller, Case } from './case';
import type { Catalog, Department, ServiceType } from './catalog';
import { STATUS_RANK, type CaseKind, type Disposition } from './enums';
import { shown, type ImportedRow, type RowProblem } from './import-row';
import type { Location } from './location';

/**
 * From a valid import row to a case: which service type it is (adding one, flagged for review,
 * when the catalog does not know it) and how the old system's fields map onto the case model.
 * Shared by the desk and the server import so both read a file the same way (docs/import.md).
 */

/** A service type an import added under an existing department; a lead reviews it. */
export interface CatalogAddition {
  code: string;
  name: string;
  departmentCode: string;
}

/** Until a lead reviews an added type it has no questions, no required location and this SLA. */
export const IMPORTED_TYPE_SLA_DAYS = 5;

export function serviceTypeOfAddition(addition: CatalogAddition): ServiceType {
  return {
    code: addition.code,
    name: addition.name,
    departmentCode: addition.departmentCode,
    description: 'Added by a historic import for a service the catalog did not have; flagged for review.',
    keywords: [addition.name.toLowerCase()],
    slaDays: IMPORTED_TYPE_SLA_DAYS,
    locationRequired: false,
    defaultPriority: 'normal',
    questions: [],
  };
}

/** The catalog with stored additions appended (those whose department it has and whose code it lacks). */
export function withCatalogAdditions(catalog: Catalog, additions: readonly CatalogAddition[]): Catalog {
  const known = new Set(catalog.serviceTypes.map((t) => t.code));
  const departments = new Set(catalog.departments.map((d) => d.code));
  const added = additions.filter((a) => !known.has(a.code) && departments.has(a.departmentCode)).map(serviceTypeOfAddition);
  if (added.length === 0) return catalog;
  return { ...catalog, version: `${catalog.version}+imported.${added.length}`, serviceTypes: [...catalog.serviceTypes, ...added] };
}

export type ServiceResolution = { ok: true; type: ServiceType } | { ok: false; problem: RowProblem };

const key = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unnamed';

/**
 * The documented rule: service_code names a catalog type (any case); else service_name does (in
 * the row's department when one is given); else the row adds a new type `import-…` under its
 * department, which must be in the catalog by code or name. `added` lists this run's additions.
 */
export class ServiceResolver {
  private readonly byCode = new Map<string, ServiceType>();
  private readonly byName = new Map<string, ServiceType[]>();
  private readonly departments = new Map<string, Department>();
  private readonly departmentCodes: string;
  readonly added: CatalogAddition[] = [];

  constructor(catalog: Catalog) {
    for (const type of catalog.serviceTypes) this.remember(type);
    for (const department of catalog.departments) {
      this.departments.set(key(department.code), department);
      this.departments.set(key(department.name), department);
    }
    this.departmentCodes = catalog.departments.map((d) => d.code).join(', ');
  }

  private remember(type: ServiceType): void {
    this.byCode.set(type.code, type);
    this.byName.set(key(type.name), [...(this.byName.get(key(type.name)) ?? []), type]);
  }

  resolve(row: ImportedRow): ServiceResolution {
    const department = row.department === null ? null : (this.departments.get(key(row.department)) ?? 'unknown');
    const byCode = row.serviceCode === null ? undefined : this.byCode.get(row.serviceCode.toLowerCase());
    if (byCode) return { ok: true, type: byCode };
    if (row.serviceName !== null) {
      const named = this.byName.get(key(row.serviceName)) ?? [];
      const candidates = department === null || department === 'unknown' ? named : named.filter((t) => t.departmentCode === department.code);
      if (candidates.length === 1) return { ok: true, type: candidates[0]! };
      if (candidates.length > 1) {
        const where = candidates.map((t) => t.departmentCode).join(', ');
        return { ok: false, problem: { column: 'department', message: `is needed: the service ${shown(row.serviceName)} is in several departments (${where})` } };
      }
    }
    const what = shown(row.serviceName ?? row.serviceCode ?? '');
    if (department === null) return { ok: false, problem: { column: 'department', message: `is required for a service type the catalog does not know (${what})` } };
    if (department === 'unknown') {
      return { ok: false, problem: { column: 'department', message: `is not a department in the catalog (got ${shown(row.department ?? '')}); use one of ${this.departmentCodes}, or its name` } };
    }
    return { ok: true, type: this.add(row.serviceName ?? row.serviceCode ?? '', row.serviceCode ?? row.serviceName ?? '', department.code) };
  }

  private add(name: string, codeSource: string, departmentCode: string): ServiceType {
    const plain = `import-${slug(codeSource)}`.slice(0, 64);
    const taken = this.byCode.get(plain);
    if (taken && taken.departmentCode === departmentCode) return taken;
    const code = taken ? `${plain.slice(0, 63 - departmentCode.length)}-${departmentCode}` : plain;
    const existing = this.byCode.get(code);
    if (existing) return existing;
    const addition = { code, name, departmentCode } satisfies CatalogAddition;
    const type = serviceTypeOfAddition(addition);
    this.added.push(addition);
    this.remember(type);
    return type;
  }
}

/** First-contact resolution becomes the disposition reports count it from (FIRST_CONTACT_DISPOSITIONS). */
export function dispositionOf(kind: CaseKind, firstContactResolution: boolean | null): Disposition | null {
  if (firstContactResolution === null) return null;
  if (!firstContactResolution) return 'callback_needed';
  if (kind === 'service_request') return 'service_request_logged';
  if (kind === 'transfer') return 'transferred';
  return 'answered';
}

/** The old system's agent, kept as given behind a prefix that can never be a CivicDesk account id. */
export const importedAgentId = (agent: string | null): string => `import:${agent ?? 'unknown'}`;

export const IMPORTED_RESOLUTION_NOTE = 'Resolved in the previous system (historic import)';

function callerOf(row: ImportedRow): Caller {
  if (row.callerName === null && row.callerPhone === null) return { anonymous: true };
  return { anonymous: false, name: row.callerName ?? 'Unnamed caller', ...(row.callerPhone === null ? {} : { phone: row.callerPhone }) };
}

function locationOf(row: ImportedRow): Location | null {
  const location: Location = {
    ...(row.address === null ? {} : { addressText: row.address }),
    ...(row.lat === null || row.lng === null ? {} : { lat: row.lat, lng: row.lng }),
  };
  return Object.keys(location).length > 0 ? location : null;
}

export interface ImportedCaseIdentity {
  id: string;
  reference: string;
  deskCode: string;
  type: ServiceType;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The case an import row becomes. A settled case without closed_at was settled at the end of its
 * call (requested_at plus handle time): that is when most information requests are resolved.
 */
export function importedCase(row: ImportedRow, identity: ImportedCaseIdentity): Case {
  const talkMs = Math.round(row.handleSeconds * 1000);
  const settled = row.status === 'resolved' || row.status === 'closed' || row.status === 'cancelled' ? (row.closedAt ?? row.requestedAt + talkMs) : null;
  const resolved = row.status === 'resolved' || row.status === 'closed';
  return {
    id: identity.id,
    reference: identity.reference,
    deskCode: identity.deskCode,
    agentId: importedAgentId(row.agent),
    channel: row.channel,
    kind: row.kind,
    serviceCode: identity.type.code,
    departmentCode: identity.type.departmentCode,
    priority: identity.type.defaultPriority,
    status: row.status,
    statusEpoch: 0,
    statusRank: STATUS_RANK[row.status],
    caller: callerOf(row),
    location: locationOf(row),
    answers: {},
    description: row.description,
    disposition: dispositionOf(row.kind, row.firstContactResolution),
    wrapUpNote: null,
    resolutionNote: resolved ? IMPORTED_RESOLUTION_NOTE : null,
    handleTime: { talkMs, holdMs: 0, wrapUpMs: 0 },
    createdAt: iso(row.requestedAt),
    updatedAt: iso(settled ?? row.requestedAt),
    resolvedAt: resolved && settled !== null ? iso(settled) : null,
    closedAt: (row.status === 'closed' || row.status === 'cancelled') && settled !== null ? iso(settled) : null,
    version: 1,
  };
}

/** What the `created` event of an imported case records besides its reference: where it came from. */
export const importedEventAfter = (reference: string, row: ImportedRow): Record<string, unknown> => ({ reference, externalId: row.externalId, imported: true });
