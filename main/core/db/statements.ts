import type Database from 'better-sqlite3-multiple-ciphers';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepares a statement once per connection; hot paths (createCase) must not re-parse SQL. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  } else if (prepared.reader) {
    // pluck() changes the shared statement for good: one caller's `.pluck().get()` must not turn
    // another caller's `.get()` of the same SQL into a bare value.
    prepared.pluck(false);
  }
  return prepared;
}
