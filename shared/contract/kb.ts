import type { Operation } from './operation';

/** The knowledge base's console operations (spread into consoleApi). */
export const kbOperations = {} as const satisfies Record<string, Operation>;
