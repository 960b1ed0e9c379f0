import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './default-catalog';
import { FIRST_CONTACT_DISPOSITIONS } from './enums';
import { dispositionOf, importedCase, ServiceResolver, withCatalogAdditions } from './import-case';
import type { ImportedRow } from './import-row';

const ROW: ImportedRow = {
  externalId: 'X-1',
  requestedAt: Date.parse('2022-06-14T15:30:00Z'),
  channel: 'phone',
  kind: 'service_request',
  serviceCode: null,
  serviceName: null,
  department: null,
  status: 'open',
  closedAt: null,
  description: 'Couch in the lane',
  address: null,
  lat: null,
  lng: null,
  callerName: null,
  callerPhone: null,
  agent: 'jsmith',
  handleSeconds: 125,
  firstContactResolution: null,
};
const row = (changes: Partial<ImportedRow>): ImportedRow => ({ ...ROW, ...changes });

describe('the unknown-service rule', () => {
  it('finds a type by code in any case, or by name in any case and spacing', () => {
    const resolver = new ServiceResolver(defaultCatalog);
    expect(resolver.resolve(row({ serviceCode: 'LARGE-ITEM-COLLECTION' }))).toMatchObject({ ok: true, type: { code: 'large-item-collection' } });
    expect(resolver.resolve(row({ serviceName: '  large item   COLLECTION ' }))).toMatchObject({ ok: true, type: { code: 'large-item-collection' } });
    expect(resolver.added).toEqual([]);
  });

  it('adds a type it does not know under the department named by code or name, once', () => {
    const resolver = new ServiceResolver(defaultCatalog);
    const first = resolver.resolve(row({ serviceName: 'Sidewalk Snow Angel', department: 'Roads & Snow' }));
    const again = resolver.resolve(row({ serviceName: 'sidewalk snow angel', department: 'roads_snow' }));
    expect(first).toMatchObject({ ok: true, type: { code: 'import-sidewalk-snow-angel', name: 'Sidewalk Snow Angel', departmentCode: 'roads_snow', questions: [] } });
    expect(again).toMatchObject({ ok: true, type: { code: 'import-sidewalk-snow-angel' } });
    expect(resolver.added).toEqual([{ code: 'import-sidewalk-snow-angel', name: 'Sidewalk Snow Angel', departmentCode: 'roads_snow' }]);
  });

  it('keeps a same-named new type in another department apart', () => {
    const resolver = new ServiceResolver(defaultCatalog);
    resolver.resolve(row({ serviceName: 'Other', department: 'transit' }));
    expect(resolver.resolve(row({ serviceName: 'Other', department: 'parks_trees' }))).toMatchObject({ ok: true, type: { code: 'import-other-parks_trees' } });
    expect(resolver.resolve(row({ serviceName: 'Other' }))).toEqual({
      ok: false,
      problem: { column: 'department', message: "is needed: the service 'Other' is in several departments (transit, parks_trees)" },
    });
  });

  it('refuses a new type without a department, or under one the catalog lacks', () => {
    const resolver = new ServiceResolver(defaultCatalog);
    expect(resolver.resolve(row({ serviceName: 'Goose Nuisance' }))).toEqual({
      ok: false,
      problem: { column: 'department', message: "is required for a service type the catalog does not know ('Goose Nuisance')" },
    });
    const unknown = resolver.resolve(row({ serviceName: 'Goose Nuisance', department: 'Fleet' }));
    expect(unknown.ok === false && unknown.problem.message).toMatch(/^is not a department in the catalog \(got 'Fleet'\); use one of utility_billing, transit, /);
    expect(resolver.added).toEqual([]);
  });

  it('gives a catalog with the additions to the desk, without repeating a known code', () => {
    const catalog = withCatalogAdditions(defaultCatalog, [
      { code: 'import-goose', name: 'Goose Nuisance', departmentCode: 'parks_trees' },
      { code: 'pothole', name: 'Pothole again', departmentCode: 'roads_snow' },
    ]);
    expect(catalog.serviceTypes.length).toBe(defaultCatalog.serviceTypes.length + 1);
    expect(catalog.version).toBe(`${defaultCatalog.version}+imported.1`);
    expect(new ServiceResolver(catalog).resolve(row({ serviceName: 'goose nuisance' }))).toMatchObject({ ok: true, type: { code: 'import-goose' } });
  });
});

describe('the case an import row becomes', () => {
  const type = defaultCatalog.serviceTypes.find((t) => t.code === 'large-item-collection')!;
  const identity = { id: '01900000-0000-7000-8000-000000000000', reference: 'D07-220614-0001', deskCode: 'D07', type };

  it('counts first-contact resolution through the disposition reports read', () => {
    expect(dispositionOf('information', true)).toBe('answered');
    expect(dispositionOf('feedback', true)).toBe('answered');
    expect(dispositionOf('service_request', true)).toBe('service_request_logged');
    expect(dispositionOf('transfer', true)).toBe('transferred');
    for (const kind of ['information', 'service_request', 'feedback', 'transfer'] as const) {
      expect(FIRST_CONTACT_DISPOSITIONS).toContain(dispositionOf(kind, true));
      expect(FIRST_CONTACT_DISPOSITIONS).not.toContain(dispositionOf(kind, false));
      expect(dispositionOf(kind, null)).toBeNull();
    }
  });

  it('maps a closed service request: agent, handle time, times, caller and place', () => {
    const closedAt = Date.parse('2022-06-20T20:00:00Z');
    const c = importedCase(row({ status: 'closed', closedAt, callerPhone: '403-555-0102', address: '1204 3 Ave S', lat: 49.69, lng: -112.84, firstContactResolution: true }), identity);
    expect(c).toMatchObject({
      agentId: 'import:jsmith',
      serviceCode: 'large-item-collection',
      departmentCode: 'waste_recycling',
      priority: type.defaultPriority,
      status: 'closed',
      statusRank: 4,
      disposition: 'service_request_logged',
      caller: { anonymous: false, name: 'Unnamed caller', phone: '403-555-0102' },
      location: { addressText: '1204 3 Ave S', lat: 49.69, lng: -112.84 },
      handleTime: { talkMs: 125_000, holdMs: 0, wrapUpMs: 0 },
      createdAt: '2022-06-14T15:30:00.000Z',
      resolvedAt: '2022-06-20T20:00:00.000Z',
      closedAt: '2022-06-20T20:00:00.000Z',
      updatedAt: '2022-06-20T20:00:00.000Z',
      answers: {},
    });
  });

  it('settles a resolved case without closed_at at the end of its call, and leaves an open one unsettled', () => {
    expect(importedCase(row({ status: 'resolved', kind: 'information' }), identity)).toMatchObject({ resolvedAt: '2022-06-14T15:32:05.000Z', closedAt: null, caller: { anonymous: true } });
    expect(importedCase(row({ status: 'cancelled' }), identity)).toMatchObject({ resolvedAt: null, closedAt: '2022-06-14T15:32:05.000Z', resolutionNote: null });
    expect(importedCase(row({ agent: null }), identity)).toMatchObject({ resolvedAt: null, closedAt: null, updatedAt: '2022-06-14T15:30:00.000Z', agentId: 'import:unknown' });
  });
});
