import { describe, expect, it } from 'vitest';
import { MachinePolicySchema } from '../../../shared/domain/machine-policy';
import { NO_UPDATE_FEED, planFromPolicyFile, planUpdates, shouldDownload, UPDATES_OFF_BY_POLICY, type UpdatePlan, type UpdatesPolicy } from './update-plan';

const FEED = 'https://updates.lethbridge.example/civicdesk/';

/** An updates section as the policy loader hands it over: parsed by the real schema, defaults filled in. */
const updates = (section: Record<string, unknown>): UpdatesPolicy => MachinePolicySchema.parse({ policyVersion: 1, updates: section }).updates;

describe('planUpdates', () => {
  it('is off, saying so, when the policy has no updates section', () => {
    expect(planUpdates(undefined, '1.4.2')).toEqual({ kind: 'off', reason: NO_UPDATE_FEED });
    expect(NO_UPDATE_FEED).toBe('no update feed in the machine policy');
  });

  it('is off when the policy turns updates off, with or without a feed', () => {
    expect(planUpdates(updates({ enabled: false }), '1.4.2')).toEqual({ kind: 'off', reason: UPDATES_OFF_BY_POLICY });
    expect(planUpdates(updates({ enabled: false, feedUrl: FEED }), '1.4.2')).toEqual({ kind: 'off', reason: 'updates are turned off by the machine policy' });
  });

  it('follows the latest channel with the schema’s defaults', () => {
    expect(planUpdates(updates({ feedUrl: FEED }), '1.4.2')).toEqual({
      kind: 'on',
      feedUrl: FEED,
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
      pinVersion: null,
      checkIntervalMs: 4 * 60 * 60 * 1000,
    });
  });

  it('takes pre-releases on the beta channel, at the policy’s interval', () => {
    expect(planUpdates(updates({ feedUrl: FEED, channel: 'beta', checkEveryHours: 24 }), '1.4.2')).toMatchObject({
      kind: 'on',
      channel: 'beta',
      allowPrerelease: true,
      allowDowngrade: false,
      checkIntervalMs: 24 * 60 * 60 * 1000,
    });
  });

  it.each([
    ['below the running version: a rollback, so a downgrade is allowed', '1.3.0', true],
    ['below, as a pre-release of the running version', '1.4.2-rc.1', true],
    ['above the running version', '1.5.0', false],
    ['equal to the running version', '1.4.2', false],
  ])('pinned %s', (_, pin, allowDowngrade) => {
    expect(planUpdates(updates({ feedUrl: FEED, pinVersion: pin }), '1.4.2')).toMatchObject({ kind: 'on', pinVersion: pin, allowDowngrade });
  });

  it('refuses a plain http:// feed, except on this machine', () => {
    expect(planUpdates(updates({ feedUrl: 'http://updates.lethbridge.example/civicdesk/' }), '1.4.2')).toEqual({
      kind: 'off',
      reason: 'the update feed must be an https:// address (the machine policy has http://updates.lethbridge.example)',
    });
    expect(planUpdates(updates({ feedUrl: 'http://127.0.0.1:8080/feed/' }), '1.4.2')).toMatchObject({ kind: 'on' });
    expect(planUpdates(updates({ feedUrl: 'http://localhost:8080/feed/' }), '1.4.2')).toMatchObject({ kind: 'on' });
  });

  it('is off when the running build has no comparable version', () => {
    expect(planUpdates(updates({ feedUrl: FEED }), 'dev')).toMatchObject({ kind: 'off', reason: expect.stringContaining("'dev'") });
  });
});

describe('planFromPolicyFile', () => {
  it('says which of absent, unusable or valid the policy file was', () => {
    expect(planFromPolicyFile({ status: 'absent', path: '/etc/civicdesk/policy.json' }, '1.4.2')).toEqual({ kind: 'off', reason: NO_UPDATE_FEED });
    expect(planFromPolicyFile({ status: 'invalid', path: '/etc/civicdesk/policy.json', problems: ["updates.channel: must be 'latest' or 'beta'"] }, '1.4.2')).toEqual({
      kind: 'off',
      reason: "the machine policy file /etc/civicdesk/policy.json cannot be used (updates.channel: must be 'latest' or 'beta'), so updates are off",
    });
    const policy = MachinePolicySchema.parse({ policyVersion: 1, updates: { feedUrl: FEED } });
    expect(planFromPolicyFile({ status: 'valid', path: '/etc/civicdesk/policy.json', policy }, '1.4.2')).toMatchObject({ kind: 'on', feedUrl: FEED });
    const noUpdates = MachinePolicySchema.parse({ policyVersion: 1 });
    expect(planFromPolicyFile({ status: 'valid', path: '/etc/civicdesk/policy.json', policy: noUpdates }, '1.4.2')).toEqual({ kind: 'off', reason: NO_UPDATE_FEED });
  });
});

describe('shouldDownload', () => {
  const latest = planUpdates(updates({ feedUrl: FEED }), '1.4.2');
  const beta = planUpdates(updates({ feedUrl: FEED, channel: 'beta' }), '1.4.2');
  const pinnedUp = planUpdates(updates({ feedUrl: FEED, pinVersion: '1.5.0' }), '1.4.2');
  const pinnedDown = planUpdates(updates({ feedUrl: FEED, pinVersion: '1.3.0' }), '1.4.2');
  const pinnedHere = planUpdates(updates({ feedUrl: FEED, pinVersion: '1.4.2' }), '1.4.2');
  const off = planUpdates(updates({ enabled: false }), '1.4.2');

  const table: Array<[string, UpdatePlan, string, number | undefined, boolean]> = [
    ['latest: a newer release', latest, '1.4.3', undefined, true],
    ['latest: a newer release in a staged rollout this desk is in', latest, '1.5.0', 20, true],
    ['latest: a release whose rollout is halted', latest, '1.5.0', 0, false],
    ['latest: the same version', latest, '1.4.2', undefined, false],
    ['latest: an older release', latest, '1.4.1', undefined, false],
    ['latest: a newer pre-release', latest, '1.5.0-beta.1', undefined, false],
    ['beta: a newer pre-release', beta, '1.5.0-beta.1', undefined, true],
    ['beta: a newer release', beta, '1.4.3', undefined, true],
    ['beta: an older pre-release', beta, '1.4.2-beta.3', undefined, false],
    ['pinned up: exactly the pin', pinnedUp, '1.5.0', undefined, true],
    ['pinned up: newer than the pin', pinnedUp, '1.6.0', undefined, false],
    ['pinned up: between running and pin', pinnedUp, '1.4.9', undefined, false],
    ['pinned up: a pre-release of the pin', pinnedUp, '1.5.0-rc.1', undefined, false],
    ['pinned down: exactly the pin (rollback)', pinnedDown, '1.3.0', undefined, true],
    ['pinned down: newer than running', pinnedDown, '1.5.0', undefined, false],
    ['pinned down: older than the pin', pinnedDown, '1.2.0', undefined, false],
    ['pinned to the running version: anything newer', pinnedHere, '1.5.0', undefined, false],
    ['pinned to the running version: the same', pinnedHere, '1.4.2', undefined, false],
    ['off: anything', off, '9.0.0', undefined, false],
    ['latest: not a version', latest, 'v-next', undefined, false],
  ];

  it.each(table)('%s (%s)', (_, plan, version, stagingPercentage, expected) => {
    const decision = shouldDownload(plan, '1.4.2', stagingPercentage === undefined ? { version } : { version, stagingPercentage });
    expect(decision.download).toBe(expected);
    expect(decision.reason).not.toBe('');
  });

  it('gives a reason a person can read', () => {
    expect(shouldDownload(pinnedUp, '1.4.2', { version: '1.6.0' }).reason).toBe('the feed offers 1.6.0, but the machine policy pins this desk to 1.5.0');
    expect(shouldDownload(pinnedHere, '1.4.2', { version: '1.5.0' }).reason).toBe('this desk already runs 1.4.2, the version the machine policy pins');
    expect(shouldDownload(off, '1.4.2', { version: '1.5.0' }).reason).toBe(UPDATES_OFF_BY_POLICY);
  });
});
