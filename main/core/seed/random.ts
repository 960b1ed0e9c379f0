/** A small seeded generator (mulberry32): the same seed gives the same desk, run after run. */
export interface Random {
  next(): number;
  int(below: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], count: number): T[];
  weighted(weights: Record<string | number, number>): string;
  /** Standard normal, by Box–Muller. */
  normal(): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: no items');
    return items[int(items.length)]!;
  };
  const cumulative = new WeakMap<object, { keys: string[]; sums: number[]; total: number }>();
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    sample: (items, count) => {
      const pool = [...items];
      const chosen = [];
      while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(int(pool.length), 1)[0]!);
      return chosen;
    },
    weighted: (weights) => {
      let table = cumulative.get(weights);
      if (!table) {
        const keys = Object.keys(weights);
        let total = 0;
        const sums = keys.map((k) => (total += weights[k]!));
        table = { keys, sums, total };
        cumulative.set(weights, table);
      }
      const target = next() * table.total;
      const index = table.sums.findIndex((sum) => target < sum);
      return table.keys[index === -1 ? table.keys.length - 1 : index]!;
    },
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}
