import { z } from 'zod';

/**
 * One page of reference data a desk pulls (the knowledge base, the address list): the changes with
 * version > the cursor asked with, in version order, tombstones included. `cursor` is the version
 * of the last row sent, or the cursor asked with when nothing changed; `hasMore` says to ask again.
 */
export const changePageSchema = <Row extends z.ZodType>(row: Row) =>
  z.object({
    rows: z.array(row),
    cursor: z.number().int().min(0),
    hasMore: z.boolean(),
  });
