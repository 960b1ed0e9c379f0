import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { statement } from './statements';

let desk: TestDesk | null = null;
afterEach(() => desk?.close());

describe('statement', () => {
  it('hands out the same prepared statement, without another caller’s pluck() left on it', () => {
    desk = openTestDesk();
    desk.db.prepare("INSERT INTO desk_settings (key, value) VALUES ('probe', 'D07')").run();
    const sql = 'SELECT value FROM desk_settings WHERE key = ?';
    expect(statement(desk.db, sql).pluck().get('probe')).toBe('D07');
    expect(statement(desk.db, sql).get('probe')).toEqual({ value: 'D07' });
    expect(statement(desk.db, sql)).toBe(statement(desk.db, sql));
  });
});
