import { z } from 'zod';
import { changePageSchema } from '../change-page';
import { AddressRecordSchema } from './address-record';

/**
 * What desks and the admin's command line exchange with the server about the address list. The
 * list carries its own per-tenant version, apart from the cases' sync version: a re-import stamps
 * every address it adds, changes or removes with the next versions, and a desk asks for what came
 * after the last version it holds.
 */

export const ADDRESS_PAGE_DEFAULT = 5_000;
export const ADDRESS_PAGE_MAX = 10_000;
/** Rows per upload request: 10,000 addresses stay well under the server's 8 MB body limit. */
export const ADDRESS_UPLOAD_CHUNK = 10_000;

export const AddressChangesQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0, 'must be 0 or more').default(0),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(ADDRESS_PAGE_MAX, `must be at most ${ADDRESS_PAGE_MAX}`).default(ADDRESS_PAGE_DEFAULT),
  })
  .strict();

/** An address added or changed since the cursor, or removed by a later import (a tombstone). */
export const AddressChangeSchema = z.union([
  AddressRecordSchema.extend({ version: z.number().int().min(1), deleted: z.literal(false) }),
  z.object({ addressId: z.string().min(1).max(64), version: z.number().int().min(1), deleted: z.literal(true) }),
]);
export type AddressChange = z.infer<typeof AddressChangeSchema>;

export const AddressChangesSchema = changePageSchema(AddressChangeSchema);
export type AddressChanges = z.infer<typeof AddressChangesSchema>;

// ── an admin's import, uploaded in chunks and applied all at once ───────────────────────────────

export const StartAddressImportSchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    /** How many rows the file holds: the commit refuses an upload that did not bring them all. */
    rows: z.number().int().min(1, 'the list must hold at least one address').max(5_000_000),
  })
  .strict();

export const AddressImportIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'must be the importId the server gave');

export const AddressUploadRowSchema = AddressRecordSchema.extend({ line: z.number().int().min(2) });
export type AddressUploadRow = z.infer<typeof AddressUploadRowSchema>;

export const AddressImportRowsSchema = z
  .object({ importId: AddressImportIdSchema, rows: z.array(AddressUploadRowSchema).min(1).max(ADDRESS_UPLOAD_CHUNK) })
  .strict();

export const CommitAddressImportSchema = z.object({ importId: AddressImportIdSchema }).strict();

export const AddressImportOutcomeSchema = z.object({
  added: z.number().int().min(0),
  changed: z.number().int().min(0),
  removed: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** The list's version after the import (unchanged when the file changed nothing). */
  version: z.number().int().min(0),
});
export type AddressImportOutcome = z.infer<typeof AddressImportOutcomeSchema>;
