import type { ReadableDb, WritableDb } from './db/connection';
import { statement } from './db/statements';
import { MUTATION_SCHEMA_VERSION, type Mutation } from '../../shared/sync';


/** Records a mutation for sync. Call inside the transaction that makes the change. */
export function appendMutation(db: WritableDb, mutation: Mutation, at: number): number {
  const insert = statement(db, 'INSERT INTO outbox (name, args, schema_version, created_at) VALUES (?, ?, ?, ?)');
  return Number(insert.run(mutation.name, JSON.stringify(mutation.args), MUTATION_SCHEMA_VERSION, at).lastInsertRowid);
}

export interface OutboxRow {
  mutationId: number;
  name: string;
  args: unknown;
  schemaVersion: number;
  createdAt: number;
}

export function pendingMutations(db: ReadableDb, limit = 1000): OutboxRow[] {
  const rows = db
    .prepare('SELECT mutation_id, name, args, schema_version, created_at FROM outbox ORDER BY mutation_id LIMIT ?')
    .all(limit) as { mutation_id: number; name: string; args: string; schema_version: number; created_at: number }[];
  return rows.map((r) => ({ mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args), schemaVersion: r.schema_version, createdAt: r.created_at }));
}
