import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { addressColumnPositions, parseAddressFields, type AddressRecord, type AddressRowProblem } from '../../../shared/domain/addresses';
import { describeCsvFailure } from '../../../shared/domain/import-reader';

/** A row the file cannot give: its line (1 is the header), the column at fault and why. */
export interface BadAddressRow extends AddressRowProblem {
  line: number;
}

export interface AddressFileRecord extends AddressRecord {
  /** The physical line where the record starts, so the server can name it too. */
  line: number;
}

export type AddressFile =
  | { ok: true; records: AddressFileRecord[] }
  | { ok: false; problem: string }
  | { ok: false; bad: BadAddressRow[]; rows: number };

/** A list of 100,000 addresses is about 8 MB; anything near this is not an address list. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_RECORD_CHARS = 64 * 1024;

const breaksInside = (fields: readonly string[]): number => fields.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * Reads and checks an address list CSV (columns in docs/addresses.md). Every bad row is reported
 * — line, column, reason — and then nothing is imported: an address list is all or nothing.
 * An address_id given twice is a bad row too.
 */
export function readAddressFile(path: string): AddressFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problem: `cannot read ${path} (${error instanceof Error ? error.message : String(error)})` };
  }
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: `${path} is over ${MAX_FILE_BYTES / 1024 / 1024} MB; that is not an address list` };
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, max_record_size: MAX_RECORD_CHARS, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const { code, lines, message } = error as { code?: string; lines?: number; message?: string };
    return { ok: false, problem: describeCsvFailure(code ?? 'unknown', lines ?? 0, message ?? String(error)).message };
  }
  let line = 1;
  let positions: ReturnType<typeof addressColumnPositions> | null = null;
  let header: string[] = [];
  const good: AddressFileRecord[] = [];
  const bad: BadAddressRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const fields of records) {
    const at = line;
    line += 1 + breaksInside(fields);
    if (fields.every((f) => f.trim() === '')) continue;
    if (!positions) {
      positions = addressColumnPositions(fields);
      if (!positions.ok) return { ok: false, problem: positions.message };
      header = fields;
      continue;
    }
    if (!positions.ok) continue;
    if (fields.length !== header.length) {
      bad.push({ line: at, column: null, message: `has ${fields.length} fields where the header has ${header.length} (a value with a comma must be in double quotes)` });
      continue;
    }
    const parsed = parseAddressFields(fields, positions.positions);
    if (!parsed.ok) {
      bad.push(...parsed.problems.map((p) => ({ line: at, ...p })));
      continue;
    }
    const first = firstLineOf.get(parsed.record.addressId);
    if (first !== undefined) {
      bad.push({ line: at, column: 'address_id', message: `'${parsed.record.addressId}' is already used by row ${first}` });
      continue;
    }
    firstLineOf.set(parsed.record.addressId, at);
    good.push({ ...parsed.record, line: at });
  }
  if (!positions) return { ok: false, problem: `${path} is empty: it needs a header line (address_id, civic_number, street, unit, full_address, lat, long), then one line per address` };
  if (bad.length > 0) return { ok: false, bad, rows: good.length + new Set(bad.map((b) => b.line)).size };
  if (good.length === 0) return { ok: false, problem: `${path} has a header but no addresses` };
  return { ok: true, records: good };
}
