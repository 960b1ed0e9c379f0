/** A small seeded generator (mulberry32): the same seed replays the same run. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick: nothing to pick from');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An independent generator for one part of the run, so adding draws in one part leaves the others alone. */
  fork(label: string): SeededRandom {
    let hash = this.seed ^ 0x9e3779b9;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    return new SeededRandom(hash >>> 0);
  }

  hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A valid UUIDv7 drawn from this generator (time part from `at`), so case ids replay too. */
  uuidv7(at: number): string {
    const time = at.toString(16).padStart(12, '0').slice(-12);
    const variant = '89ab'[Math.floor(this.next() * 4)]!;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}
