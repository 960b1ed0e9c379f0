import { SyncErrorSchema } from '../../../shared/sync';
import {
  ADDRESS_UPLOAD_CHUNK,
  AddressImportOutcomeSchema,
  type AddressImportOutcome,
} from '../../../shared/domain/addresses';
import { z } from 'zod';
import type { AddressFileRecord } from './read-address-file';

/** The server refused a step of the upload; the message is the server's, naming what was wrong. */
export class AddressUploadError extends Error {
  override name = 'AddressUploadError';
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;

async function post<S extends z.ZodType>(fetchFn: Fetch, baseUrl: string, token: string, path: string, body: unknown, schema: S): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetchFn(new URL(path, baseUrl).toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new AddressUploadError(`POST ${path}: the server at ${baseUrl} did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // an answer that is not JSON is reported below by its status
  }
  if (!response.ok) {
    const refusal = SyncErrorSchema.safeParse(json);
    throw new AddressUploadError(`POST ${path}: ${refusal.success ? refusal.data.error.message : `the server answered ${response.status}`}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AddressUploadError(`POST ${path}: the server's answer is not what this command expects`);
  return parsed.data;
}

/**
 * Uploads a checked address list to the server as an admin: start, chunks of 10,000 rows, commit.
 * The server applies it only at the commit, all at once; an upload that fails midway changes
 * nothing (the server drops it after a day).
 */
export async function uploadAddresses(
  fetchFn: Fetch,
  baseUrl: string,
  token: string,
  fileName: string,
  records: readonly AddressFileRecord[],
  onProgress?: (sent: number, total: number) => void,
): Promise<AddressImportOutcome> {
  const { importId } = await post(fetchFn, baseUrl, token, '/addresses/imports', { fileName, rows: records.length }, z.object({ importId: z.string() }));
  for (let from = 0; from < records.length; from += ADDRESS_UPLOAD_CHUNK) {
    const rows = records.slice(from, from + ADDRESS_UPLOAD_CHUNK);
    await post(fetchFn, baseUrl, token, '/addresses/imports/rows', { importId, rows }, z.object({ received: z.number() }));
    onProgress?.(from + rows.length, records.length);
  }
  return post(fetchFn, baseUrl, token, '/addresses/imports/commit', { importId }, AddressImportOutcomeSchema);
}
