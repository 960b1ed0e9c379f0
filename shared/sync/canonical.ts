/**
 * JSON with object keys sorted at every depth and `undefined` members dropped, so two sides that
 * hold the same data produce the same text (for equality checks and the sync digest).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = sortKeys(member);
  }
  return out;
}

/**
 * The lines a sync digest hashes, in order: one per case (canonical JSON with a deleted flag),
 * one per note id, one per event id, each group sorted by id. Server and desk each feed these
 * lines, joined by '\n', to SHA-256; equal digests mean equal data.
 */
export function digestLines(
  cases: Iterable<{ id: string; json: string; deleted: boolean }>,
  noteIds: Iterable<string>,
  eventIds: Iterable<string>,
): string[] {
  const caseLines = [...cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => `c ${c.deleted ? 1 : 0} ${c.json}`);
  const notes = [...noteIds].sort().map((id) => `n ${id}`);
  const events = [...eventIds].sort().map((id) => `e ${id}`);
  return [...caseLines, ...notes, ...events];
}
