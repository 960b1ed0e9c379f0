/**
 * The one database interface the server uses, over PGlite (embedded) and PostgreSQL (`pg`).
 * Both speak the same SQL, so every query and migration is written once.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export interface Queryable {
  /** Runs one statement with $1, $2… parameters and returns its rows. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases the database fully (PGlite's folder can be reopened afterwards). */
  close(): Promise<void>;
}
