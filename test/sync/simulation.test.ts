import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { runSimulation, type SimulationReport } from './simulation/run';

/**
 * Fixed seeds for CI; `npm run soak -- --minutes N` runs random ones and prints any failing seed.
 * To replay one: `npm run soak -- --seed N`, or add it here.
 */
const CLOCK_SEED = 20261127;
const MORE_SEEDS = [311];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const describeRun = (report: SimulationReport) =>
  `seed ${report.seed}: ${report.mutations} mutations (${report.rejected} rejected), ${report.kills} desk kills, faults ${JSON.stringify(report.faults)}`;

function expectHealthy(report: SimulationReport): void {
  expect(report.violations, describeRun(report)).toEqual([]);
  expect(report.mutations).toBeGreaterThan(50);
  expect(report.kills).toBeGreaterThan(0);
  expect(report.faults.dropped + report.faults.lostResponses + report.faults.replayed).toBeGreaterThan(0);
}

describe('sync simulation: 5 desks and the real server, a faulty network, kills and restarts', () => {
  it(`seed ${CLOCK_SEED}: every desk equals the server after healing, each mutation applied once or rejected with a record, and desk clocks skewed by up to a day change nothing`, async () => {
    const skewed = await runSimulation({ seed: CLOCK_SEED, clocks: 'skewed', server });
    expectHealthy(skewed);
    const trueClocks = await runSimulation({ seed: CLOCK_SEED, clocks: 'true', server });
    expectHealthy(trueClocks);
    expect(trueClocks.clockFreeState).toBe(skewed.clockFreeState);
  }, 120_000);

  for (const seed of MORE_SEEDS) {
    it(`seed ${seed}: every desk equals the server after healing`, async () => {
      expectHealthy(await runSimulation({ seed, server }));
    }, 120_000);
  }
});
