/** One section of `npm run bench`: named figures, some with a budget from DESIGN.md. */
export interface BenchSection {
  name: string;
  describe: string;
  budgets: Record<string, { max: number }>;
  run(log: (line: string) => void): Record<string, number> | Promise<Record<string, number>>;
}
