import { z } from 'zod';

/**
 * Reference numbers are read back to the caller before they hang up, even offline, so a desk mints
 * them alone: desk code + the desk's local date + that desk's sequence for the day (D07-261127-0042).
 * Two desks never share a code, and one desk never repeats a (date, sequence) pair.
 */
export const REFERENCE_PATTERN = /^([A-Z][A-Z0-9]{1,5})-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/;

export const ReferenceSchema = z.string().regex(REFERENCE_PATTERN, 'must look like D07-261127-0042');

export interface ReferenceParts {
  deskCode: string;
  /** Local calendar date on the desk, as YYYY-MM-DD. */
  date: string;
  sequence: number;
}

export function formatReference(deskCode: string, localDate: string, sequence: number): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new Error(`formatReference: date must be YYYY-MM-DD (got '${localDate}')`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new Error(`formatReference: sequence must be 1–999999 (got ${sequence})`);
  }
  return `${deskCode}-${match[1]}${match[2]}${match[3]}-${String(sequence).padStart(4, '0')}`;
}

export function parseReference(reference: string): ReferenceParts | null {
  const match = REFERENCE_PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return null;
  const [, deskCode, yy, mm, dd, seq] = match;
  return { deskCode: deskCode!, date: `20${yy}-${mm}-${dd}`, sequence: Number(seq) };
}
