import { DomainError } from '../errors';

/** Where a newest-first list of cases stopped: the last row's creation time and its seq (for ties). */
export interface ListCursor {
  createdAt: number;
  seq: number;
}

/** Opaque to the console: it hands back what it was given to get the next page. */
export const encodeCursor = (c: ListCursor): string => Buffer.from(`${c.createdAt}:${c.seq}`).toString('base64url');

export function decodeCursor(cursor: string): ListCursor {
  const match = /^(\d+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new DomainError('invalid_input', 'cursor: is not a cursor this desk handed out', [{ field: 'cursor', message: 'is not a cursor this desk handed out' }]);
  return { createdAt: Number(match[1]), seq: Number(match[2]) };
}
