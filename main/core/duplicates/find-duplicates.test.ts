import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuplicateCheck } from '../../../shared/contract';
import { defaultCatalog, findServiceType, newId, type Answers, type Case, type Location } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { findDuplicates, LOOKUP_SQL } from './find-duplicates';
import { distanceMetres } from './geo';

const DAY_MS = 86_400_000;
/** A corner of Lethbridge; 0.0001° of latitude is about 11 m. */
const HERE = { lat: 49.6935, lng: -112.8418 };
const north = (metres: number) => ({ lat: HERE.lat + metres / 111_195, lng: HERE.lng });
const east = (metres: number) => ({ lat: HERE.lat, lng: HERE.lng + metres / (111_195 * Math.cos((HERE.lat * Math.PI) / 180)) });

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

/** Answers that satisfy the type's required questions. */
function answersFor(serviceCode: string): Answers {
  const answers: Answers = {};
  for (const question of findServiceType(defaultCatalog, serviceCode)?.questions ?? []) {
    if (!question.required) continue;
    if (question.datatype === 'singlevaluelist') answers[question.code] = question.values![0]!.key;
    else if (question.datatype === 'multivaluelist') answers[question.code] = [question.values![0]!.key];
    else if (question.datatype === 'number') answers[question.code] = 1;
    else if (question.datatype === 'datetime') answers[question.code] = new Date(desk.clock.now).toISOString();
    else answers[question.code] = 'yes';
  }
  return answers;
}

/** Logs a service request `daysAgo` days before the desk's clock. */
function logCase(serviceCode: string, location: Location | null, options: { daysAgo?: number; description?: string } = {}): Case {
  const now = desk.clock.now;
  desk.clock.now = now - (options.daysAgo ?? 0) * DAY_MS;
  try {
    const result = desk.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'service_request',
      serviceCode,
      caller: { anonymous: true },
      location,
      answers: answersFor(serviceCode),
      description: options.description ?? `${serviceCode} reported`,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Case;
  } finally {
    desk.clock.now = now;
  }
}

const check = (serviceCode: string, location: Location, excludeCaseId?: string): DuplicateCheck =>
  findDuplicates(desk.db, { serviceCode, location, now: desk.clock.now, excludeCaseId });
const refs = (result: DuplicateCheck) => result.items.map((item) => item.reference);

describe('findDuplicates', () => {
  it('says how many residents reported each case: its caller and every one linked to it since', () => {
    const first = logCase('sidewalk-repair', north(10));
    const linked = desk.call('addContact', {
      id: newId(),
      caseId: first.id,
      channel: 'walk_in',
      caller: { anonymous: true },
      reason: 'duplicate_report',
      handleTime: { talkMs: 1_000, holdMs: 0, wrapUpMs: 0 },
    });
    expect(linked).toMatchObject({ ok: true, value: { callerCount: 2 } });
    expect(check('sidewalk-repair', HERE).items.map((item) => item.callerCount)).toEqual([2]);
  });

  it('finds open cases of the type within the default 100 m, nearest first, with their distance', () => {
    const at80 = logCase('sidewalk-repair', north(80));
    const at20 = logCase('sidewalk-repair', east(20));
    logCase('sidewalk-repair', north(130));
    const result = check('sidewalk-repair', HERE);
    expect(refs(result)).toEqual([at20.reference, at80.reference]);
    expect(result.items.map((item) => item.distanceMetres)).toEqual([20, 80]);
    expect(result.items[0]).toMatchObject({ id: at20.id, status: 'new', sameAddress: false, summary: 'sidewalk-repair reported', createdAt: at20.createdAt });
    expect(result.rule).toEqual({ radiusMetres: 100, windowDays: 30 });
  });

  it('uses the radius of the service type', () => {
    const pothole40 = logCase('pothole', north(40));
    logCase('pothole', north(60));
    const light25 = logCase('streetlight-out', east(25));
    logCase('streetlight-out', east(35));
    expect(refs(check('pothole', HERE))).toEqual([pothole40.reference]);
    expect(refs(check('streetlight-out', HERE))).toEqual([light25.reference]);
    expect(check('pothole', HERE).rule.radiusMetres).toBe(50);
  });

  it('leaves out other types, settled and deleted cases, and the case being edited', () => {
    const kept = logCase('sidewalk-repair', north(10));
    logCase('pothole', north(10));
    const resolved = logCase('sidewalk-repair', north(11));
    const deleted = logCase('sidewalk-repair', north(12));
    const edited = logCase('sidewalk-repair', north(13));
    desk.db.prepare("UPDATE cases SET status = 'resolved' WHERE id = ?").run(resolved.id);
    desk.db.prepare('UPDATE cases SET deleted_at = 1 WHERE id = ?').run(deleted.id);
    expect(refs(check('sidewalk-repair', HERE, edited.id))).toEqual([kept.reference]);
  });

  it('keeps open and in-progress cases however old when they are near', () => {
    const old = logCase('sidewalk-repair', north(30), { daysAgo: 200 });
    desk.db.prepare("UPDATE cases SET status = 'in_progress' WHERE id = ?").run(old.id);
    expect(refs(check('sidewalk-repair', HERE))).toEqual([old.reference]);
  });

  it('finds the same address id logged within the window, with no distance, before nearer cases', () => {
    const near = logCase('sidewalk-repair', east(5));
    const sameId = logCase('sidewalk-repair', { addressId: 'addr-1204', addressText: '1204 3 Ave S' }, { daysAgo: 29 });
    logCase('sidewalk-repair', { addressId: 'addr-1204', addressText: '1204 3 Ave S' }, { daysAgo: 31 });
    logCase('sidewalk-repair', { addressId: 'addr-1206', addressText: '1204 3 Ave S' });
    const result = check('sidewalk-repair', { addressId: 'addr-1204', ...HERE });
    expect(refs(result)).toEqual([sameId.reference, near.reference]);
    expect(result.items.map((item) => [item.sameAddress, item.distanceMetres])).toEqual([
      [true, null],
      [false, 5],
    ]);
  });

  it('matches free-text addresses by their folded form when there is no address id', () => {
    const typed = logCase('sidewalk-repair', { addressText: '1204 3 Avenue South' });
    const abbreviated = logCase('sidewalk-repair', { addressText: '1204  3 ave. s' }, { daysAgo: 1 });
    logCase('sidewalk-repair', { addressText: '1240 3 Ave S' });
    logCase('sidewalk-repair', { addressText: '1204 3 Ave N' });
    expect(refs(check('sidewalk-repair', { addressText: '1204 3 AVE S' }))).toEqual([typed.reference, abbreviated.reference]);
  });

  it('takes only the same address for household requests, in a week', () => {
    logCase('missed-cart-collection', { addressText: '88 Heritage Blvd W', ...east(3) });
    const sameHouse = logCase('missed-cart-collection', { addressText: '90 Heritage Blvd W', ...HERE }, { daysAgo: 6 });
    logCase('missed-cart-collection', { addressText: '90 Heritage Blvd W', ...HERE }, { daysAgo: 8 });
    const result = check('missed-cart-collection', { addressText: '90 Heritage Boulevard West', ...HERE });
    expect(refs(result)).toEqual([sameHouse.reference]);
    expect(result.rule).toEqual({ radiusMetres: null, windowDays: 7 });
  });

  it('shows a case found both ways once, as the same address and with its distance', () => {
    const both = logCase('sidewalk-repair', { addressText: '12 Scenic Dr S', ...north(15) });
    const result = check('sidewalk-repair', { addressText: '12 Scenic Dr S', ...HERE });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ id: both.id, sameAddress: true, distanceMetres: 15 });
  });

  it('orders equally near cases newest first and returns at most ten', () => {
    const logged = Array.from({ length: 12 }, (_, i) => logCase('sidewalk-repair', HERE, { daysAgo: i }));
    expect(refs(check('sidewalk-repair', HERE))).toEqual(logged.slice(0, 10).map((c) => c.reference));
  });

  it('finds nothing without coordinates or an address match', () => {
    logCase('sidewalk-repair', HERE);
    expect(check('sidewalk-repair', { addressText: 'Somewhere else' }).items).toEqual([]);
  });

  it('reads the partial indexes of migration 12', () => {
    const params = { serviceCode: 'pothole', south: 49, north: 50, west: -113, east: -112, addressId: 'a', addressText: 'a', since: 0 };
    const plan = (sql: string) => (desk.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('; ');
    expect(plan(LOOKUP_SQL.nearby)).toMatch(/USING INDEX cases_open_by_place \(service_code=\? AND lat>\? AND lat<\?\)/);
    expect(plan(LOOKUP_SQL.byAddressId)).toMatch(/USING INDEX cases_open_by_address_id \(service_code=\? AND address_id=\? AND created_at>\?\)/);
    expect(plan(LOOKUP_SQL.byAddressText)).toMatch(/USING INDEX cases_open_by_address_text \(service_code=\? AND <expr>=\? AND created_at>\?\)/);
    expect(plan(LOOKUP_SQL.byAddressText)).not.toMatch(/TEMP B-TREE/);
  });
});

describe('distanceMetres', () => {
  it('measures along a meridian and across a parallel', () => {
    // One degree of latitude on the mean-radius sphere: π × 6,371,008.8 m / 180.
    expect(distanceMetres({ lat: 49, lng: -112 }, { lat: 50, lng: -112 })).toBeCloseTo(111_195.08, 1);
    expect(distanceMetres(HERE, east(100))).toBeCloseTo(100, 0);
    expect(distanceMetres(HERE, HERE)).toBe(0);
  });
});
