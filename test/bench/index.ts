import { parseArgs } from 'node:util';
import { lookupSection } from './lookup-bench';
import { reportsSection } from './reports-bench';
import type { BenchSection } from './section';
import { encryptedStoreSection, storeSection } from './store-bench';
import { syncSection } from './sync-bench';
import { uiSection } from './ui-bench';

const SECTIONS: BenchSection[] = [storeSection, encryptedStoreSection, uiSection, syncSection, reportsSection, lookupSection];

/**
 * `npm run bench [-- --json] [-- --only store]`. With --json, stdout holds exactly one JSON object
 * ({ section: { figure: value } }); progress goes to stderr.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' } }, strict: true });
  const chosen = values.only ? SECTIONS.filter((s) => s.name === values.only) : SECTIONS;
  if (chosen.length === 0) {
    process.stderr.write(`bench: no section named '${values.only}' (sections: ${SECTIONS.map((s) => s.name).join(', ')})\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const results: Record<string, Record<string, number>> = {};
  let overBudget = 0;
  for (const section of chosen) {
    log(`${section.name}: ${section.describe}`);
    const figures = await section.run(log);
    results[section.name] = figures;
    if (!values.json) {
      process.stdout.write(`\n${section.name} — ${section.describe}\n`);
      for (const [name, value] of Object.entries(figures)) {
        const budget = section.budgets[name];
        const verdict = budget ? (value <= budget.max ? `ok (budget ≤ ${budget.max})` : `OVER BUDGET (≤ ${budget.max})`) : '';
        process.stdout.write(`  ${name.padEnd(28)} ${String(value).padStart(12)}  ${verdict}\n`);
      }
    }
    overBudget += Object.entries(section.budgets).filter(([name, budget]) => name in figures && figures[name]! > budget.max).length;
  }
  if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  if (overBudget > 0) log(`${overBudget} figure(s) over budget`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
