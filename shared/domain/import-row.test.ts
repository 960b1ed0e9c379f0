import { describe, expect, it } from 'vitest';
import { parseImportDate } from './import-dates';
import { checkImportHeader, createRowParser, describeBadRow, IMPORT_COLUMNS, type ImportColumn } from './import-row';

const ZONE = 'America/Edmonton';
const NOW = Date.parse('2026-11-27T12:00:00Z');

function parseOne(values: Partial<Record<ImportColumn, string>>) {
  const header = checkImportHeader([...IMPORT_COLUMNS]);
  if (!header.ok) throw new Error(header.message);
  const fields = IMPORT_COLUMNS.map((column) => values[column] ?? '');
  return createRowParser(header.positions, { timeZone: ZONE, now: NOW })(fields);
}

const GOOD = { external_id: 'X-1', requested_at: '2022-06-14 09:30', channel: 'phone', kind: 'information', service_code: 'billing-inquiry', status: 'resolved' };

function problemsOf(values: Partial<Record<ImportColumn, string>>): string {
  const result = parseOne({ ...GOOD, ...values });
  if (result.ok) throw new Error('expected a bad row');
  return describeBadRow(14, result.problems);
}

describe('the header', () => {
  it('names a semicolon- or tab-separated file for what it is', () => {
    expect(checkImportHeader(['external_id;requested_at;channel'])).toEqual({
      ok: false,
      message: "the header is a single column ('external_id;requested_at;channel'): the file looks separated by semicolons, not commas. Save it as comma-separated CSV (UTF-8) and import it again",
    });
    const tab = checkImportHeader(['external_id\trequested_at\tchannel']);
    expect(tab.ok === false && tab.message).toContain('the file looks separated by tabs, not commas');
  });

  it('names every missing required column, and asks for service_code or service_name', () => {
    expect(checkImportHeader(['external_id', 'channel', 'kind', 'service_code'])).toEqual({
      ok: false,
      message: 'missing required columns requested_at, status (the header has: external_id, channel, kind, service_code)',
    });
    const noService = checkImportHeader(['external_id', 'requested_at', 'channel', 'kind', 'status']);
    expect(noService.ok === false && noService.message).toMatch(/^missing required column service_code or service_name/);
  });

  it('reads names in any case, accepts lng/longitude/latitude, and lists columns it ignores', () => {
    const check = checkImportHeader([' External ID', 'Requested-At', 'CHANNEL', 'kind', 'service_name', 'status', 'Longitude', 'latitude', 'ward']);
    expect(check).toMatchObject({ ok: true, ignored: ['ward'], positions: { external_id: 0, requested_at: 1, long: 6, lat: 7 } });
  });

  it('refuses a column named twice', () => {
    const check = checkImportHeader(['external_id', 'requested_at', 'channel', 'kind', 'service_code', 'status', 'lng', 'long']);
    expect(check).toEqual({ ok: false, message: 'the header names the column long twice (columns 7 and 8)' });
  });
});

describe('a row', () => {
  it('becomes a typed row, times in the centre zone unless they carry an offset', () => {
    const result = parseOne({
      ...GOOD,
      requested_at: '2022-06-14T10:05:00-06:00',
      channel: 'Web Chat',
      kind: 'Service Request',
      status: 'In Progress',
      lat: '49.69',
      long: '-112.84',
      handle_seconds: '0:02:05',
      first_contact_resolution: 'Yes',
      caller_phone: '(403) 555-0101',
    });
    expect(result).toEqual({
      ok: true,
      row: expect.objectContaining({
        requestedAt: Date.parse('2022-06-14T16:05:00Z'),
        channel: 'chat',
        kind: 'service_request',
        status: 'in_progress',
        lat: 49.69,
        lng: -112.84,
        handleSeconds: 125,
        firstContactResolution: true,
        callerPhone: '(403) 555-0101',
        serviceCode: 'billing-inquiry',
        serviceName: null,
      }),
    });
  });

  it.each([
    ["Row 14, column requested_at: is not a date (got '2022-13-01')", { requested_at: '2022-13-01' }],
    ["Row 14, column requested_at: is not a date (got '14/06/2022 09:30')", { requested_at: '14/06/2022 09:30' }],
    ["Row 14, column requested_at: is not a date (got '2022-02-29')", { requested_at: '2022-02-29' }],
    ["Row 14, column requested_at: is outside the years 2000–2099 (got '1999-12-31 23:00')", { requested_at: '1999-12-31 23:00' }],
    ["Row 14, column requested_at: is in the future (got '2027-01-01')", { requested_at: '2027-01-01' }],
    ['Row 14, column requested_at: is required', { requested_at: '' }],
    ["Row 14, column channel: is not a channel (got 'fax'; use phone, walk_in or chat)", { channel: 'fax' }],
    ["Row 14, column kind: is not a kind (got 'complaint'; use information, service_request, feedback or transfer)", { kind: 'complaint' }],
    ["Row 14, column status: is not a status (got 'done'; use new, open, in_progress, resolved, closed or cancelled)", { status: 'done' }],
    ["Row 14, column first_contact_resolution: is not true or false (got 'maybe'; use true/false, yes/no or 1/0)", { first_contact_resolution: 'maybe' }],
    ["Row 14, column handle_seconds: is not a number of seconds (got 'two minutes'; use seconds or h:mm:ss)", { handle_seconds: 'two minutes' }],
    ["Row 14, column lat: must be from -90 to 90 (got '91')", { lat: '91', long: '-112' }],
    ['Row 14, column long: lat and long go together: give both or neither', { lat: '49.7' }],
    ["Row 14, column caller_phone: must be a phone number of 7 to 15 digits (got '555')", { caller_phone: '555' }],
    ['Row 14, column closed_at: must be empty for a case that is open', { status: 'open', closed_at: '2022-06-20' }],
    ['Row 14, column closed_at: is before requested_at', { closed_at: '2022-06-13' }],
    ['Row 14, column service_code: is required when service_name is empty', { service_code: '', service_name: '' }],
    ['Row 14, column description: is longer than 10,000 characters (10,001)', { description: 'x'.repeat(10_001) }],
  ])('refuses a bad value: %s', (message, values) => {
    expect(problemsOf(values)).toBe(message);
  });

  it('reports every bad column of a row, and cuts a long value short', () => {
    expect(problemsOf({ requested_at: 'soon', channel: 'carrier pigeon with a very long note attached to its leg' })).toBe(
      "Row 14, column requested_at: is not a date (got 'soon'); column channel: is not a channel (got 'carrier pigeon with a very long note att…'; use phone, walk_in or chat)",
    );
  });
});

describe('dates', () => {
  const utc = (text: string) => {
    const at = parseImportDate(text, ZONE);
    return typeof at === 'number' ? new Date(at).toISOString() : at;
  };

  it('reads a date alone as local midnight, and Z or an offset as given', () => {
    expect(utc('2022-06-14')).toBe('2022-06-14T06:00:00.000Z');
    expect(utc('2022-01-14 09:30:15.5')).toBe('2022-01-14T16:30:15.500Z');
    expect(utc('2022-06-14T09:30:00Z')).toBe('2022-06-14T09:30:00.000Z');
    expect(utc('2022-06-14T09:30:00+0530')).toBe('2022-06-14T04:00:00.000Z');
  });

  it('moves a time in the hour skipped in spring an hour later, and takes the first of the repeated autumn hour', () => {
    expect(utc('2022-03-13 02:30')).toBe('2022-03-13T09:30:00.000Z'); // 03:30 MDT
    expect(utc('2022-03-13 01:59')).toBe('2022-03-13T08:59:00.000Z'); // MST, before the change
    expect(utc('2022-11-06 01:30')).toBe('2022-11-06T07:30:00.000Z'); // 01:30 MDT, the first one
    expect(utc('2022-11-06T01:30:00-07:00')).toBe('2022-11-06T08:30:00.000Z'); // the second, by its offset
    expect(utc('2022-11-06 02:30')).toBe('2022-11-06T09:30:00.000Z'); // MST, after the change
  });
});
