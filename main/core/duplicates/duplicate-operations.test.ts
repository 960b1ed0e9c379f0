import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/contract';
import { newId } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

const issues = (result: ApiResult<unknown>) => (result.ok ? [] : result.error.issues.map((issue) => issue.field));

describe('the findDuplicates operation', () => {
  it('answers with the open cases near the place and the rule it used', () => {
    const created = desk.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'service_request',
      serviceCode: 'pothole',
      caller: { anonymous: true },
      location: { addressText: '1204 3 Ave S', lat: 49.6935, lng: -112.8418 },
      answers: { pothole_size: 'medium', road_position: 'driving_lane' },
      description: 'Deep pothole in the curb lane',
    });
    if (!created.ok) throw new Error(created.error.message);
    const result = desk.call('findDuplicates', { serviceCode: 'pothole', location: { lat: 49.6937, lng: -112.8418 } });
    expect(result).toMatchObject({ ok: true, value: { rule: { radiusMetres: 50, windowDays: 30 }, items: [{ reference: expect.any(String), distanceMetres: 22, sameAddress: false }] } });
  });

  it.each([
    [{ location: { lat: 49.7, lng: -112.8 } }, 'serviceCode'],
    [{ serviceCode: '  ', location: { lat: 49.7, lng: -112.8 } }, 'serviceCode'],
    [{ serviceCode: 'pothole' }, 'location'],
    [{ serviceCode: 'pothole', location: {} }, 'location'],
    [{ serviceCode: 'pothole', location: { lat: 49.7 } }, 'location.lng'],
    [{ serviceCode: 'pothole', location: { lat: 91, lng: -112.8 } }, 'location.lat'],
    [{ serviceCode: 'pothole', location: { addressText: '' } }, 'location.addressText'],
    [{ serviceCode: 'pothole', location: { addressText: '1 Main St' }, excludeCaseId: 'case-1' }, 'excludeCaseId'],
    [{ serviceCode: 'pothole', location: { addressText: '1 Main St' }, radius: 5_000 }, '(input)'],
    [{ serviceCode: 'no-such-type', location: { addressText: '1 Main St' } }, 'serviceCode'],
  ])('refuses %j, naming %s', (input, field) => {
    const result = desk.call('findDuplicates', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(issues(result)).toContain(field);
  });

  it('refuses while nobody is signed in', () => {
    expect(desk.call('signOut', {})).toMatchObject({ ok: true, value: { agent: null } });
    expect(desk.call('findDuplicates', { serviceCode: 'pothole', location: { addressText: '1 Main St' } })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });
});
