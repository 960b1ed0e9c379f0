import { z } from 'zod';

/** One address of the city's list, as the admin's CSV has it and as desks receive it. */
export const AddressRecordSchema = z.object({
  addressId: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  civicNumber: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(12, 'must be at most 12 characters')
    .regex(/^[0-9]+[A-Za-z]?$/, 'must be a number, maybe with one letter (123, 123A)'),
  street: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  unit: z.string().trim().max(20, 'must be at most 20 characters'),
  fullAddress: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  lat: z.number().min(-90, 'must be a latitude from -90 to 90').max(90, 'must be a latitude from -90 to 90'),
  lng: z.number().min(-180, 'must be a longitude from -180 to 180').max(180, 'must be a longitude from -180 to 180'),
});
export type AddressRecord = z.infer<typeof AddressRecordSchema>;

/** The CSV columns, in the order the docs list them; `long` may also be spelt lng, lon or longitude. */
export const ADDRESS_COLUMNS = ['address_id', 'civic_number', 'street', 'unit', 'full_address', 'lat', 'long'] as const;
export type AddressColumn = (typeof ADDRESS_COLUMNS)[number];

const FIELD_OF: Record<AddressColumn, keyof AddressRecord> = {
  address_id: 'addressId',
  civic_number: 'civicNumber',
  street: 'street',
  unit: 'unit',
  full_address: 'fullAddress',
  lat: 'lat',
  long: 'lng',
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column])) as Record<keyof AddressRecord, AddressColumn>;

const ALIASES: Record<string, AddressColumn> = { lng: 'long', lon: 'long', longitude: 'long', latitude: 'lat', civic: 'civic_number', address: 'full_address' };

export interface AddressRowProblem {
  /** The CSV column at fault, or null for the row as a whole. */
  column: string | null;
  message: string;
}

/** Where each column sits in the header, or a message naming the columns that are missing or doubled. */
export function addressColumnPositions(header: readonly string[]): { ok: true; positions: Record<AddressColumn, number> } | { ok: false; message: string } {
  const positions: Partial<Record<AddressColumn, number>> = {};
  const doubled: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/\s+/g, '_');
    const column = (ADDRESS_COLUMNS as readonly string[]).includes(name) ? (name as AddressColumn) : ALIASES[name];
    if (!column) return;
    if (positions[column] !== undefined) doubled.push(raw.trim());
    else positions[column] = i;
  });
  const missing = ADDRESS_COLUMNS.filter((column) => positions[column] === undefined);
  if (missing.length > 0 || doubled.length > 0) {
    const parts = [
      missing.length > 0 ? `it lacks ${missing.join(', ')}` : '',
      doubled.length > 0 ? `it names ${doubled.join(', ')} twice` : '',
    ].filter(Boolean);
    return { ok: false, message: `the header line is not an address list: ${parts.join('; ')} (columns: ${ADDRESS_COLUMNS.join(', ')})` };
  }
  return { ok: true, positions: positions as Record<AddressColumn, number> };
}

const coordinate = (raw: string | undefined): number | string => {
  const text = (raw ?? '').trim();
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
};

/** One CSV record as an address, or every problem with it, each naming its column. */
export function parseAddressFields(fields: readonly string[], positions: Record<AddressColumn, number>): { ok: true; record: AddressRecord } | { ok: false; problems: AddressRowProblem[] } {
  const value = (column: AddressColumn) => fields[positions[column]] ?? '';
  const candidate = {
    addressId: value('address_id'),
    civicNumber: value('civic_number'),
    street: value('street'),
    unit: value('unit'),
    fullAddress: value('full_address'),
    lat: coordinate(value('lat')),
    lng: coordinate(value('long')),
  };
  const parsed = AddressRecordSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, record: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path[0] as keyof AddressRecord;
    const column = COLUMN_OF[field];
    const given = typeof candidate[field] === 'string' && issue.code === 'invalid_type' ? `must be a number (got '${String(candidate[field])}')` : issue.message;
    return { column, message: given };
  });
  return { ok: false, problems };
}

/** "Row 14, column lat: must be a number (got 'x')". */
export const describeAddressProblem = (line: number, problem: AddressRowProblem): string =>
  `Row ${line}${problem.column ? `, column ${problem.column}` : ''}: ${problem.message}`;
