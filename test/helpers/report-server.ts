import { newId } from '../../shared/domain';
import { MUTATION_SCHEMA_VERSION, type PushedMutation } from '../../shared/sync';
import { fixtureToCase, type FixtureCase } from './report-fixtures';
import { push, type SeededDesk, type SeededTenant, type TestServer } from './server';

/**
 * Pushes fixture cases to a test server as their desks would: a createCase from the desk each case
 * names (the tenant must have it), and a lead's deleteCase for the deleted ones.
 */
export async function pushFixtureCases(server: TestServer, seed: SeededTenant, fixtures: readonly FixtureCase[]): Promise<void> {
  const byDesk = new Map<SeededDesk, PushedMutation[]>(seed.desks.map((d) => [d, []]));
  for (const fixture of fixtures) {
    const c = fixtureToCase(fixture);
    const target = seed.desks.find((d) => d.code === c.deskCode);
    if (!target) throw new Error(`pushFixtureCases: the tenant has no desk ${c.deskCode}`);
    const batch = byDesk.get(target)!;
    const event = (type: 'created' | 'updated') => ({ id: newId(), caseId: c.id, type, actorId: seed.lead.user.id, at: c.createdAt, before: null, after: null });
    const mutation = (m: PushedMutation['mutation'], type: 'created' | 'updated'): PushedMutation => ({
      mutationId: batch.length + 1,
      schemaVersion: MUTATION_SCHEMA_VERSION,
      createdAt: Date.parse(c.createdAt),
      mutation: m,
      event: event(type),
    });
    batch.push(mutation({ name: 'createCase', args: { case: c } }, 'created'));
    if (fixture.deleted) batch.push(mutation({ name: 'deleteCase', args: { id: c.id, reason: 'fixture' } }, 'updated'));
  }
  for (const [target, mutations] of byDesk) {
    if (mutations.length === 0) continue;
    const answer = await push(server, target, mutations);
    const refused = answer.results.filter((r) => r.outcome !== 'applied');
    if (refused.length > 0) throw new Error(`pushFixtureCases: the server refused ${JSON.stringify(refused)}`);
  }
}
