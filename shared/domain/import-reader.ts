import type { ServiceType } from './catalog';
import { checkImportHeader, createRowParser, describeBadRow, type ImportedRow, type ImportRowOptions, type RowProblem, type RowResult } from './import-row';

/**
 * The file-level half of reading an import: fed one CSV record at a time by whichever CSV parser
 * the caller streams with, it finds the header, counts physical lines (so a row is named by the
 * line it starts on, quoted newlines and CRLF included; the parser must keep blank lines as
 * records of one empty field, as csv-parse does by default), skips blank lines, refuses a repeated
 * external_id and settles each valid row at once (already imported? which service type?). Bad rows
 * keep their original fields for the reject file; good rows keep only what will be written, since a
 * year of history is held in memory until the whole file has been checked.
 */

/** csv-parse's max_record_size: far above the longest row allowed, far below what could hang a desk. */
export const IMPORT_MAX_RECORD_CHARS = 1_048_576;

export interface GoodRow {
  /** The physical line of the file where the record starts (1 is the header). */
  line: number;
  row: ImportedRow;
  type: ServiceType;
}
export interface BadRow {
  line: number;
  /** The record's fields as they were in the file, for the reject file. */
  fields: string[];
  problems: RowProblem[];
}

/** What becomes of a valid row: written as this service type, refused, or skipped as imported before. */
export type SettledRow = { type: ServiceType } | { problem: RowProblem } | { alreadyImported: true };

export const describeBad = (bad: BadRow): string => describeBadRow(bad.line, bad.problems);

export type ImportFileProblemCode = 'unreadable' | 'empty' | 'no_rows' | 'header' | 'malformed' | 'too_large';
/** Why a whole file cannot be imported: nothing is written, whatever the options. */
export interface ImportFileProblem {
  code: ImportFileProblemCode;
  message: string;
}

/** What a CSV reader (the desk's or the server's) takes besides the file. */
export interface ReadImportOptions extends ImportRowOptions {
  /** Settles each valid row as it is read (see ImportRowCollector). */
  settle: (row: ImportedRow) => SettledRow;
  /** Bytes read so far and the file's size, for a progress bar. */
  onProgress?: (bytes: number, total: number) => void;
}

export interface ReadRows {
  header: string[];
  /** Header names that are not import columns; their values are not imported. */
  ignoredColumns: string[];
  good: GoodRow[];
  /** In file order. */
  bad: BadRow[];
  alreadyImported: number;
  /** Valid records and bad ones: every row of the file that is not blank. */
  rows: number;
}

/** Line breaks inside a record's (quoted) fields; the record's own line end makes one more. */
function breaksInside(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}
const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === '');

export class ImportRowCollector {
  private nextLine = 1;
  private layout: { header: string[]; ignored: string[]; parseRow: (fields: readonly string[]) => RowResult } | null = null;
  private readonly firstLineOf = new Map<string, number>();
  private readonly good: GoodRow[] = [];
  private readonly bad: BadRow[] = [];
  private alreadyImported = 0;

  constructor(
    private readonly options: ImportRowOptions,
    private readonly settle: (row: ImportedRow) => SettledRow,
  ) {}

  /** The line where the record being read starts: where a CSV error is reported. */
  get currentLine(): number {
    return this.nextLine;
  }

  /** Takes one record (a blank line is a record of one empty field); returns a problem that ends the read, or null. */
  add(fields: string[]): ImportFileProblem | null {
    const line = this.nextLine;
    this.nextLine += 1 + breaksInside(fields);
    if (isBlank(fields)) return null;
    if (!this.layout) {
      const check = checkImportHeader(fields);
      if (!check.ok) return { code: 'header', message: check.message };
      this.layout = { header: fields, ignored: check.ignored, parseRow: createRowParser(check.positions, this.options) };
      return null;
    }
    const { header, parseRow } = this.layout;
    if (fields.length !== header.length) {
      const message = `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length} (a missing or extra comma? a value with a comma must be in double quotes)`;
      this.bad.push({ line, fields, problems: [{ column: null, message }] });
      return null;
    }
    const result = parseRow(fields);
    if (!result.ok) {
      this.bad.push({ line, fields, problems: result.problems });
      return null;
    }
    const first = this.firstLineOf.get(result.row.externalId);
    if (first !== undefined) {
      this.bad.push({ line, fields, problems: [{ column: 'external_id', message: `'${result.row.externalId}' is already used by row ${first} of this file` }] });
      return null;
    }
    this.firstLineOf.set(result.row.externalId, line);
    const settled = this.settle(result.row);
    if ('problem' in settled) this.bad.push({ line, fields, problems: [settled.problem] });
    else if ('type' in settled) this.good.push({ line, row: result.row, type: settled.type });
    else this.alreadyImported += 1;
    return null;
  }

  finish(): ReadRows | ImportFileProblem {
    if (!this.layout) {
      return { code: 'empty', message: 'the file is empty: it needs a header line naming the columns (external_id, requested_at, channel, …), then one line per case' };
    }
    const rows = this.good.length + this.bad.length + this.alreadyImported;
    if (rows === 0) return { code: 'no_rows', message: 'the file has a header but no rows to import' };
    return { header: this.layout.header, ignoredColumns: this.layout.ignored, good: this.good, bad: this.bad, alreadyImported: this.alreadyImported, rows };
  }
}

/** A CSV parser's error, as a problem naming the row it happened in. */
export function describeCsvFailure(code: string, line: number, detail: string): ImportFileProblem {
  switch (code) {
    case 'CSV_MAX_RECORD_SIZE':
      return {
        code: 'too_large',
        message: `Row ${line}: the record is over ${IMPORT_MAX_RECORD_CHARS.toLocaleString('en-CA')} characters long (a field that size, or a double quote that is never closed); the longest value allowed is a 10,000-character description`,
      };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'malformed', message: `Row ${line}: a field opens a double quote (") that is never closed` };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return {
        code: 'malformed',
        message: `Row ${line}: a double quote (") in the middle of a field, or text right after a closing quote; put the whole field in double quotes and double any quote inside it ("")`,
      };
    default:
      return { code: 'malformed', message: `Row ${line}: the CSV cannot be read (${detail})` };
  }
}

export const isImportFileProblem = (value: ReadRows | ImportFileProblem): value is ImportFileProblem => 'code' in value;
