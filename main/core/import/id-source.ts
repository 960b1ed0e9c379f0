import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

const IDS_PER_FILL = 4096;

/**
 * UUIDv7 ids, like newId(), with their random bits drawn from the system 64 KB at a time: newId()
 * asks for 16 bytes per id, and for a bulk import those calls alone cost seconds.
 */
export function createIdSource(): { next(): string } {
  const pool = new Uint8Array(16 * IDS_PER_FILL);
  let used = IDS_PER_FILL;
  return {
    next() {
      if (used === IDS_PER_FILL) {
        randomFillSync(pool);
        used = 0;
      }
      const random = pool.subarray(16 * used, 16 * used + 16);
      used += 1;
      return uuidv7({ random });
    },
  };
}
