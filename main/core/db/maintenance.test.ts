import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { checkDeskDatabase, runIdleMaintenance } from './maintenance';

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

const createSome = (count: number) => {
  for (let i = 0; i < count; i++) {
    const result = desk.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'information',
      serviceCode: 'general-information',
      caller: { anonymous: false, name: `Caller ${i}` },
      location: null,
      answers: {},
      description: `Question number ${i} about recycling`,
    });
    if (!result.ok) throw new Error(result.error.message);
  }
};

describe('idle maintenance', () => {
  it('leaves segment merging to idle time, not to the write that happens to trigger it', () => {
    const automerge = desk.db.prepare("SELECT v FROM cases_search_config WHERE k = 'automerge'").pluck().get();
    expect(automerge).toBe(0);
  });

  it('checkpoints the WAL and merges the search index without changing what search finds', () => {
    createSome(40);
    const before = desk.call('searchCases', { query: 'recycling', limit: 100 });
    const result = runIdleMaintenance(desk.db);
    expect(result.walPages).toBeGreaterThan(0);
    expect(result.checkpointedPages).toBe(result.walPages);
    expect(desk.call('searchCases', { query: 'recycling', limit: 100 })).toEqual(before);
    expect(checkDeskDatabase(desk.db, desk.file).healthy).toBe(true);
  });
});
