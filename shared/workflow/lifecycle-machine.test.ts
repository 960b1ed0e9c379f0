import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { createTestModel, getStateNodes, type StatePath } from 'xstate/graph';
import { CASE_STATUSES, ROLES, STATUS_RANK, type CaseStatus, type Role } from '../domain';
import {
  LIFECYCLE_EVENT_TYPES,
  allowedStatusEvents,
  compareStamps,
  decideStatusChange,
  lifecycleMachine,
  statusStamp,
  type LifecycleEvent,
  type LifecycleEventType,
  type StatusStamp,
} from './lifecycle-machine';

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

const TEXTS = {
  given: 'Filled with cold patch by crew 4',
  empty: '',
  blank: ' \t\n ',
} as const;
type TextKind = keyof typeof TEXTS;

/** One lifecycle event; `text` is the resolution note or the reason where the event takes one. */
function eventOf(type: LifecycleEventType, role: Role, text: string): LifecycleEvent {
  switch (type) {
    case 'RESOLVE':
      return { type, role, note: text };
    case 'REOPEN':
    case 'CANCEL':
      return { type, role, reason: text };
    case 'OPEN':
    case 'START_WORK':
    case 'CLOSE':
      return { type, role };
  }
}

const isLead = (role: Role): boolean => role === 'lead' || role === 'admin';

/**
 * The rules, restated independently of the machine: from which statuses an event goes where, and
 * whether it needs the lead role (lead or admin) and/or a non-blank note or reason.
 */
const RULES: ReadonlyArray<{
  type: LifecycleEventType;
  from: readonly CaseStatus[];
  to: CaseStatus;
  lead: boolean;
  text: boolean;
  newEpoch: boolean;
}> = [
  { type: 'OPEN', from: ['new'], to: 'open', lead: false, text: false, newEpoch: false },
  { type: 'START_WORK', from: ['new', 'open'], to: 'in_progress', lead: false, text: false, newEpoch: false },
  { type: 'RESOLVE', from: ['new', 'open', 'in_progress'], to: 'resolved', lead: false, text: true, newEpoch: false },
  { type: 'CANCEL', from: ['new', 'open', 'in_progress'], to: 'cancelled', lead: true, text: true, newEpoch: false },
  { type: 'CLOSE', from: ['resolved'], to: 'closed', lead: true, text: false, newEpoch: false },
  { type: 'REOPEN', from: ['resolved'], to: 'open', lead: false, text: true, newEpoch: true },
  { type: 'REOPEN', from: ['closed', 'cancelled'], to: 'open', lead: true, text: true, newEpoch: true },
];

function expectedOutcome(status: CaseStatus, type: LifecycleEventType, role: Role, text: string, epoch: number): StatusStamp | null {
  const rule = RULES.find((r) => r.type === type && r.from.includes(status));
  if (!rule) return null;
  if (rule.lead && !isLead(role)) return null;
  if (rule.text && text.trim() === '') return null;
  return { status: rule.to, epoch: rule.newEpoch ? epoch + 1 : epoch, rank: STATUS_RANK[rule.to] };
}

// ---------------------------------------------------------------------------
// Path coverage
// ---------------------------------------------------------------------------

type LifecycleSnapshot = ReturnType<typeof lifecycleMachine.getInitialSnapshot>;
type LifecyclePath = StatePath<LifecycleSnapshot, LifecycleEvent>;
type TransitionDefinition = ReturnType<typeof lifecycleMachine.getTransitionData>[number];

const transitionKey = (t: TransitionDefinition): string =>
  `${t.source.key} --${t.eventType}--> ${t.target?.map((node) => node.key).join(',') ?? '(none)'}`;

const DECLARED = getStateNodes(lifecycleMachine.root).flatMap((node) => [...node.transitions.values()].flat().map(transitionKey));

/** Statuses only: the epoch grows with every reopen and would make the graph infinite. */
const serializeState = (snapshot: LifecycleSnapshot): string => JSON.stringify(snapshot.value);

function modelFor(events: readonly LifecycleEvent[]) {
  return createTestModel(lifecycleMachine, { events, serializeState, input: { epoch: 0 } });
}

const eventsFor = (roles: readonly Role[], texts: readonly string[]): LifecycleEvent[] =>
  roles.flatMap((role) => texts.flatMap((text) => LIFECYCLE_EVENT_TYPES.map((type) => eventOf(type, role, text))));

/** Graph paths start with the initial state (event xstate.init); each later step is (event, state after). */
const transitionsWalked = (paths: readonly LifecyclePath[]): Set<string> => {
  const walked = new Set<string>();
  for (const path of paths) {
    path.steps.slice(1).forEach((step, i) => {
      for (const t of lifecycleMachine.getTransitionData(path.steps[i]!.state, step.event)) walked.add(transitionKey(t));
    });
  }
  return walked;
};

const SPECIALIST_TRANSITIONS = [
  'new --OPEN--> open',
  'new --START_WORK--> in_progress',
  'new --RESOLVE--> resolved',
  'open --START_WORK--> in_progress',
  'open --RESOLVE--> resolved',
  'in_progress --RESOLVE--> resolved',
  'resolved --REOPEN--> open',
];
const WITHOUT_TEXT_TRANSITIONS = ['new --OPEN--> open', 'new --START_WORK--> in_progress', 'open --START_WORK--> in_progress'];

const SCENARIOS: ReadonlyArray<{ name: string; roles: Role[]; texts: string[]; statuses: CaseStatus[]; transitions: string[] }> = [
  {
    name: 'specialist with notes and reasons',
    roles: ['specialist'],
    texts: [TEXTS.given],
    statuses: ['new', 'open', 'in_progress', 'resolved'],
    transitions: SPECIALIST_TRANSITIONS,
  },
  {
    name: 'specialist without notes or reasons',
    roles: ['specialist'],
    texts: [TEXTS.empty, TEXTS.blank],
    statuses: ['new', 'open', 'in_progress'],
    transitions: WITHOUT_TEXT_TRANSITIONS,
  },
  { name: 'lead with notes and reasons', roles: ['lead'], texts: [TEXTS.given], statuses: [...CASE_STATUSES], transitions: DECLARED },
  {
    name: 'lead without notes or reasons',
    roles: ['lead'],
    texts: [TEXTS.blank],
    statuses: ['new', 'open', 'in_progress'],
    transitions: WITHOUT_TEXT_TRANSITIONS,
  },
  { name: 'admin with notes and reasons', roles: ['admin'], texts: [TEXTS.given], statuses: [...CASE_STATUSES], transitions: DECLARED },
  {
    name: 'lead and specialist, with and without text',
    roles: ['specialist', 'lead'],
    texts: [TEXTS.given, TEXTS.blank],
    statuses: [...CASE_STATUSES],
    transitions: DECLARED,
  },
];

/** Replays a path on a real actor through the test model: every step's status must match. */
async function replay(path: ReturnType<ReturnType<typeof modelFor>['getShortestPaths']>[number]): Promise<void> {
  const actor = createActor(lifecycleMachine, { input: { epoch: 0 } }).start();
  const send = (step: { event: { type: LifecycleEventType } }): void => actor.send(step.event as LifecycleEvent);
  await path.test({
    events: { OPEN: send, START_WORK: send, RESOLVE: send, CLOSE: send, REOPEN: send, CANCEL: send },
    states: { '*': (state) => expect(actor.getSnapshot().value).toBe(state.value) },
  });
  expect(actor.getSnapshot().value).toBe(path.state.value);
  // Every REOPEN in the path started a new epoch, and nothing else did.
  const reopens = path.steps.filter((step) => step.event.type === 'REOPEN').length;
  expect(actor.getSnapshot().context.epoch).toBe(reopens);
  actor.stop();
}

describe('lifecycle machine: path coverage (xstate/graph)', () => {
  it('declares the 13 transitions of the rules', () => {
    expect(DECLARED).toHaveLength(13);
    const fromRules = RULES.flatMap((rule) => rule.from.map((from) => `${from} --${rule.type}--> ${rule.to}`));
    expect([...DECLARED].sort()).toEqual(fromRules.sort());
  });

  describe.each(SCENARIOS)('$name', ({ roles, texts, statuses, transitions }) => {
    const model = modelFor(eventsFor(roles, texts));
    // allowDuplicatePaths keeps the paths that are prefixes of longer ones: one per target status.
    const shortest = model.getShortestPaths({ allowDuplicatePaths: true });
    const simple = model.getSimplePaths({ allowDuplicatePaths: true });
    const edgeKey = (from: LifecycleSnapshot, event: LifecycleEvent, to: LifecycleSnapshot): string =>
      `${String(from.value)} --${event.type}--> ${String(to.value)}`;

    it('reaches exactly the statuses the rules allow', () => {
      const reached = new Set(shortest.map((path) => path.state.value));
      expect([...reached].sort()).toEqual([...statuses].sort());
      expect(new Set(simple.map((path) => path.state.value))).toEqual(reached);
    });

    it('exercises exactly the transitions the rules allow', () => {
      expect([...transitionsWalked(simple)].sort()).toEqual([...transitions].sort());
    });

    it('walks every edge of the adjacency map that changes the status', () => {
      const changing = new Set<string>();
      for (const adjacent of Object.values(model.getAdjacencyMap())) {
        for (const key of Object.keys(adjacent.transitions) as Array<keyof typeof adjacent.transitions>) {
          const { event, state } = adjacent.transitions[key]!;
          if (state.value !== adjacent.state.value) changing.add(edgeKey(adjacent.state, event, state));
        }
      }
      const walked = new Set<string>();
      for (const path of simple) path.steps.slice(1).forEach((step, i) => walked.add(edgeKey(path.steps[i]!.state, step.event, step.state)));
      expect(changing.size).toBe(transitions.length);
      expect([...changing].filter((edge) => !walked.has(edge))).toEqual([]);
    });

    it('replays every shortest and simple path on an actor', async () => {
      for (const path of [...shortest, ...model.getSimplePaths()]) await replay(path);
    });
  });

  it('the scenarios together exercise every declared transition', () => {
    const walked = new Set(SCENARIOS.flatMap((scenario) => scenario.transitions));
    expect([...walked].sort()).toEqual([...DECLARED].sort());
  });
});

// ---------------------------------------------------------------------------
// decideStatusChange
// ---------------------------------------------------------------------------

const TABLE = CASE_STATUSES.flatMap((status) =>
  LIFECYCLE_EVENT_TYPES.flatMap((type) =>
    ROLES.flatMap((role) => (Object.keys(TEXTS) as TextKind[]).map((text) => ({ status, type, role, text }))),
  ),
);

const HINTS: Record<LifecycleEventType, RegExp | null> = {
  OPEN: null,
  START_WORK: null,
  RESOLVE: /resolving needs a resolution note/,
  CLOSE: /closing needs the lead role/,
  CANCEL: /cancelling needs the lead role and a reason/,
  REOPEN: /reopening needs a reason/,
};

describe('decideStatusChange', () => {
  it('covers every (status, event, role, text) combination', () => {
    expect(TABLE).toHaveLength(CASE_STATUSES.length * LIFECYCLE_EVENT_TYPES.length * ROLES.length * 3);
  });

  it.each(TABLE)('$status + $type by $role ($text text)', ({ status, type, role, text }) => {
    const epoch = 3;
    const decision = decideStatusChange({ status, epoch }, eventOf(type, role, TEXTS[text]));
    const expected = expectedOutcome(status, type, role, TEXTS[text], epoch);
    if (expected) {
      expect(decision).toEqual({ ok: true, next: expected });
      return;
    }
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.reason).toContain(`${type} is not allowed from ${status}`);
    // The rule is named only when this status admits the event and a guard refused it.
    const hint = HINTS[type];
    const admits = lifecycleMachine.states[status]?.ownEvents.includes(type) ?? false;
    if (hint && admits) expect(decision.reason).toMatch(hint);
    else expect(decision.reason).toBe(`${type} is not allowed from ${status}`);
  });

  it('lets any role resolve with a note, and refuses a blank one', () => {
    for (const role of ROLES) {
      expect(decideStatusChange({ status: 'in_progress', epoch: 0 }, { type: 'RESOLVE', role, note: 'Fixed' })).toEqual({
        ok: true,
        next: { status: 'resolved', epoch: 0, rank: 3 },
      });
      const refused = decideStatusChange({ status: 'in_progress', epoch: 0 }, { type: 'RESOLVE', role, note: '   ' });
      expect(refused).toEqual({ ok: false, reason: 'RESOLVE is not allowed from in_progress (resolving needs a resolution note)' });
    }
  });

  it('CLOSE needs the lead (or admin) role', () => {
    expect(decideStatusChange({ status: 'resolved', epoch: 1 }, { type: 'CLOSE', role: 'specialist' })).toEqual({
      ok: false,
      reason: 'CLOSE is not allowed from resolved (closing needs the lead role)',
    });
    expect(decideStatusChange({ status: 'resolved', epoch: 1 }, { type: 'CLOSE', role: 'lead' })).toEqual({
      ok: true,
      next: { status: 'closed', epoch: 1, rank: 4 },
    });
    expect(decideStatusChange({ status: 'resolved', epoch: 1 }, { type: 'CLOSE', role: 'admin' }).ok).toBe(true);
  });

  it('CANCEL needs lead/admin and a reason, and only before resolution', () => {
    for (const status of ['new', 'open', 'in_progress'] as const) {
      expect(decideStatusChange({ status, epoch: 0 }, { type: 'CANCEL', role: 'lead', reason: 'Duplicate of D07-261127-0040' }).ok).toBe(true);
      expect(decideStatusChange({ status, epoch: 0 }, { type: 'CANCEL', role: 'lead', reason: '' }).ok).toBe(false);
      expect(decideStatusChange({ status, epoch: 0 }, { type: 'CANCEL', role: 'specialist', reason: 'Duplicate' }).ok).toBe(false);
    }
    for (const status of ['resolved', 'closed', 'cancelled'] as const) {
      expect(decideStatusChange({ status, epoch: 0 }, { type: 'CANCEL', role: 'admin', reason: 'Duplicate' }).ok).toBe(false);
    }
  });

  it('REOPEN: from resolved any role with a reason; from closed or cancelled only lead with a reason; bumps the epoch', () => {
    const reason = 'Caller says the hole is back';
    expect(decideStatusChange({ status: 'resolved', epoch: 4 }, { type: 'REOPEN', role: 'specialist', reason })).toEqual({
      ok: true,
      next: { status: 'open', epoch: 5, rank: 1 },
    });
    expect(decideStatusChange({ status: 'resolved', epoch: 4 }, { type: 'REOPEN', role: 'specialist', reason: '' }).ok).toBe(false);
    for (const status of ['closed', 'cancelled'] as const) {
      expect(decideStatusChange({ status, epoch: 4 }, { type: 'REOPEN', role: 'specialist', reason }).ok).toBe(false);
      expect(decideStatusChange({ status, epoch: 4 }, { type: 'REOPEN', role: 'lead', reason: ' ' }).ok).toBe(false);
      expect(decideStatusChange({ status, epoch: 4 }, { type: 'REOPEN', role: 'lead', reason })).toEqual({
        ok: true,
        next: { status: 'open', epoch: 5, rank: 1 },
      });
    }
  });

  it('is pure: the same question gets the same answer, whatever was asked before', () => {
    const event: LifecycleEvent = { type: 'REOPEN', role: 'lead', reason: 'Wrongly closed' };
    const first = decideStatusChange({ status: 'closed', epoch: 2 }, event);
    decideStatusChange({ status: 'new', epoch: 0 }, { type: 'OPEN', role: 'specialist' });
    expect(decideStatusChange({ status: 'closed', epoch: 2 }, event)).toEqual(first);
    expect(first).toEqual({ ok: true, next: { status: 'open', epoch: 3, rank: 1 } });
  });

  it('agrees with the machine’s own transition function', () => {
    for (const { status, type, role, text } of TABLE) {
      const [start] = initialTransition(lifecycleMachine, { epoch: 3 });
      const snapshot = lifecycleMachine.resolveState({ value: status, context: start.context });
      const event = eventOf(type, role, TEXTS[text]);
      const [next] = transition(lifecycleMachine, snapshot, event);
      const decision = decideStatusChange({ status, epoch: 3 }, event);
      if (decision.ok) expect({ status: next.value, epoch: next.context.epoch }).toEqual({ status: decision.next.status, epoch: decision.next.epoch });
      else expect(next.value).toBe(status);
    }
  });

  // The hint names a rule only when the status admits the event, never a role or note the user already has.
  it('a lead refused CLOSE from new is not told that closing needs the lead role', () => {
    const decision = decideStatusChange({ status: 'new', epoch: 0 }, { type: 'CLOSE', role: 'lead' });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.reason).not.toMatch(/needs the lead role/);
  });

  it('RESOLVE with a note refused from closed is not told that resolving needs a resolution note', () => {
    const decision = decideStatusChange({ status: 'closed', epoch: 0 }, { type: 'RESOLVE', role: 'lead', note: 'Fixed' });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.reason).not.toMatch(/needs a resolution note/);
  });
});

// ---------------------------------------------------------------------------
// Stamps and allowed events
// ---------------------------------------------------------------------------

describe('status stamps', () => {
  it('rank new < open < in_progress < resolved < closed < cancelled', () => {
    const ranks = CASE_STATUSES.map((status) => statusStamp(status, 0).rank);
    expect(ranks).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...CASE_STATUSES].sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])).toEqual([
      'new',
      'open',
      'in_progress',
      'resolved',
      'closed',
      'cancelled',
    ]);
    expect(statusStamp('closed', 2)).toEqual({ status: 'closed', epoch: 2, rank: 4 });
  });

  it('compareStamps: a later epoch wins whatever the status; within an epoch the higher rank wins', () => {
    const closed = statusStamp('closed', 1);
    const reopened = statusStamp('open', 2);
    expect(compareStamps(reopened, closed)).toBeGreaterThan(0);
    expect(compareStamps(closed, reopened)).toBeLessThan(0);
    expect(compareStamps(statusStamp('cancelled', 0), statusStamp('resolved', 0))).toBeGreaterThan(0);
    expect(compareStamps(statusStamp('in_progress', 0), statusStamp('open', 0))).toBeGreaterThan(0);
    expect(compareStamps(statusStamp('open', 3), statusStamp('open', 3))).toBe(0);
  });

  it('a reopen outranks a concurrent close on every desk, whatever order they arrive in', () => {
    const resolved = { status: 'resolved' as const, epoch: 1 };
    const close = decideStatusChange(resolved, { type: 'CLOSE', role: 'lead' });
    const reopen = decideStatusChange(resolved, { type: 'REOPEN', role: 'specialist', reason: 'Still broken' });
    if (!close.ok || !reopen.ok) throw new Error('both changes are allowed from resolved');
    const merge = (stamps: StatusStamp[]): StatusStamp => stamps.reduce((a, b) => (compareStamps(a, b) >= 0 ? a : b));
    expect(merge([close.next, reopen.next])).toEqual({ status: 'open', epoch: 2, rank: 1 });
    expect(merge([reopen.next, close.next])).toEqual({ status: 'open', epoch: 2, rank: 1 });
  });

  it('a concurrent cancel beats a resolve from the same epoch', () => {
    const working = { status: 'in_progress' as const, epoch: 0 };
    const resolve = decideStatusChange(working, { type: 'RESOLVE', role: 'specialist', note: 'Patched' });
    const cancel = decideStatusChange(working, { type: 'CANCEL', role: 'lead', reason: 'Duplicate' });
    if (!resolve.ok || !cancel.ok) throw new Error('both changes are allowed from in_progress');
    expect(compareStamps(cancel.next, resolve.next)).toBeGreaterThan(0);
  });
});

describe('allowedStatusEvents', () => {
  const ALLOWED: Record<CaseStatus, { specialist: LifecycleEventType[]; lead: LifecycleEventType[] }> = {
    new: { specialist: ['OPEN', 'START_WORK', 'RESOLVE'], lead: ['OPEN', 'START_WORK', 'RESOLVE', 'CANCEL'] },
    open: { specialist: ['START_WORK', 'RESOLVE'], lead: ['START_WORK', 'RESOLVE', 'CANCEL'] },
    in_progress: { specialist: ['RESOLVE'], lead: ['RESOLVE', 'CANCEL'] },
    resolved: { specialist: ['REOPEN'], lead: ['CLOSE', 'REOPEN'] },
    closed: { specialist: [], lead: ['REOPEN'] },
    cancelled: { specialist: [], lead: ['REOPEN'] },
  };

  it.each(CASE_STATUSES)('in %s: specialist vs lead (admin as lead), at any epoch', (status) => {
    for (const epoch of [0, 7]) {
      expect(allowedStatusEvents({ status, epoch }, 'specialist')).toEqual(ALLOWED[status].specialist);
      expect(allowedStatusEvents({ status, epoch }, 'lead')).toEqual(ALLOWED[status].lead);
      expect(allowedStatusEvents({ status, epoch }, 'admin')).toEqual(ALLOWED[status].lead);
    }
  });

  it('offers exactly the events decideStatusChange accepts when a note or reason is supplied', () => {
    for (const status of CASE_STATUSES) {
      for (const role of ROLES) {
        const accepted = LIFECYCLE_EVENT_TYPES.filter((type) => decideStatusChange({ status, epoch: 0 }, eventOf(type, role, TEXTS.given)).ok);
        expect(allowedStatusEvents({ status, epoch: 0 }, role)).toEqual(accepted);
      }
    }
  });
});
