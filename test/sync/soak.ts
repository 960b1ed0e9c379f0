import { parseArgs } from 'node:util';
import { startTestServer } from '../helpers/server';
import { runSimulation, type SimulationReport } from './simulation/run';

/**
 * The sync simulation with random seeds, for as long as asked:
 *   npm run soak -- --minutes 30          random seeds until the time is up
 *   npm run soak -- --seed 123456789      replay one seed (skewed clocks, then true clocks)
 * Uses PostgreSQL when DATABASE_URL is set, PGlite otherwise. Exits 1 if any seed broke a promise.
 */

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '5' }, seed: { type: 'string' }, steps: { type: 'string', default: '200' } },
});
const steps = Number(values.steps);
const log = (line: string) => process.stdout.write(`${line}\n`);

function summary(report: SimulationReport): string {
  return `${report.mutations} mutations (${report.rejected} rejected), ${report.kills} kills, faults ${JSON.stringify(report.faults)}`;
}

async function runSeed(seed: number, server: Awaited<ReturnType<typeof startTestServer>>): Promise<string[]> {
  const skewed = await runSimulation({ seed, steps, clocks: 'skewed', server });
  const trueClocks = await runSimulation({ seed, steps, clocks: 'true', server });
  const problems = [...skewed.violations, ...trueClocks.violations.map((v) => `(true clocks) ${v}`)];
  if (skewed.clockFreeState !== trueClocks.clockFreeState) problems.push('the outcome differs between skewed and true desk clocks');
  log(`seed ${seed}: ${problems.length === 0 ? 'ok' : `FAILED (${problems.length} problems)`} — ${summary(skewed)}`);
  for (const problem of problems.slice(0, 20)) log(`  ${problem}`);
  return problems;
}

const server = await startTestServer();
const failed: number[] = [];
try {
  if (values.seed !== undefined) {
    if ((await runSeed(Number(values.seed), server)).length > 0) failed.push(Number(values.seed));
  } else {
    const until = Date.now() + Number(values.minutes) * 60_000;
    log(`soak: random seeds for ${values.minutes} minutes, ${steps} steps each (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
    let runs = 0;
    while (Date.now() < until) {
      const seed = Math.floor(Math.random() * 2 ** 32);
      runs += 1;
      try {
        if ((await runSeed(seed, server)).length > 0) failed.push(seed);
      } catch (error) {
        log(`seed ${seed}: CRASHED — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        failed.push(seed);
      }
    }
    log(`soak: ${runs} seeds, ${failed.length} failed`);
  }
} finally {
  await server.close();
}
if (failed.length > 0) {
  log(`Replay a failing seed with: npm run soak -- --seed ${failed[0]}   (failing: ${failed.join(', ')})`);
  process.exitCode = 1;
}
