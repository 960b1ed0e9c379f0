import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, fromPromise, initialTransition, transition, waitFor, type Snapshot, type StateValue } from 'xstate';
import {
  createTestModel,
  getAdjacencyMap,
  getShortestPaths,
  getStateNodes,
  type AdjacencyValue,
  type SerializedEvent,
  type StatePath,
} from 'xstate/graph';
import {
  NewCaseSchema,
  PersistedIntakeSchema,
  WrapUpSchema,
  defaultCatalog,
  findServiceType,
  type Caller,
  type ContactRecorded,
  type Location,
  type NewContact,
  type NewCase,
  type ServiceType,
  type WrapUp,
} from '../domain';
import { handleTimeAt, stoppedClock, switchSegment, type HandleTimeClock } from './handle-time';
import {
  INTAKE_MACHINE_VERSION,
  intakeMachine,
  newCaseFromIntake,
  type IntakeEvent,
  type IntakeInput,
  type SavedCase,
} from './intake-machine';
import {
  INTAKE_STEPS,
  intakeStep,
  isOnHold,
  persistIntake,
  snapshotToRestore,
  type IntakeSnapshot,
  type IntakeStep,
} from './intake-snapshot';

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

const serviceType = (code: string): ServiceType => {
  const found = findServiceType(defaultCatalog, code);
  if (!found) throw new Error(`the default catalog has no service type '${code}'`);
  return found;
};

/** Location required; required questions pothole_size and road_position. */
const pothole = serviceType('pothole');
/** No questions, no location. */
const generalInformation = serviceType('general-information');

/** A UUIDv7, as newId() mints them, fixed so the tests are deterministic. */
const INTERACTION_ID = '0190f5c2-7d1a-7cc0-8000-00000000a11c';
const INPUT: IntakeInput = { interactionId: INTERACTION_ID };

type KnownCaller = Extract<Caller, { anonymous: false }>;
const CALLER: KnownCaller = { anonymous: false, name: 'Dana Whitfield', phone: '+1 403 555 0199' };
const LOCATION: Location = { addressText: '1200 Memorial Dr NW', lat: 51.0532, lng: -114.0913 };
const SAVED: SavedCase = { caseId: INTERACTION_ID, reference: 'D07-261127-0042' };

/** Wall-clock origin of every scenario (ms); events carry T0 + offset. */
const T0 = 1_764_240_000_000;

// ---------------------------------------------------------------------------
// Harness: the machine with controllable fake actors
// ---------------------------------------------------------------------------

interface PendingCall<TOutput> {
  resolve: (output: TOutput) => void;
  reject: (error: unknown) => void;
}

/** A fake invoked actor: records every input and stays pending until the test settles it. */
class FakeActor<TInput, TOutput> {
  readonly inputs: TInput[] = [];
  private readonly pending: PendingCall<TOutput>[] = [];

  readonly logic = fromPromise<TOutput, TInput>(
    ({ input }) =>
      new Promise<TOutput>((resolve, reject) => {
        this.inputs.push(input);
        this.pending.push({ resolve, reject });
      }),
  );

  get pendingCount(): number {
    return this.pending.length;
  }

  resolve(output: TOutput): void {
    this.next().resolve(output);
  }

  reject(error: unknown): void {
    this.next().reject(error);
  }

  private next(): PendingCall<TOutput> {
    const call = this.pending.shift();
    if (!call) throw new Error('no call of this actor is pending');
    return call;
  }
}

const isBusy = (snapshot: IntakeSnapshot): boolean =>
  snapshot.matches({ active: { flow: 'saving' } }) || snapshot.matches({ active: { flow: 'attaching' } }) || snapshot.matches({ wrapUp: 'finishing' });

function createHarness(options: { snapshot?: Snapshot<unknown> } = {}) {
  const save = new FakeActor<NewCase, SavedCase>();
  const finish = new FakeActor<WrapUp, void>();
  const contact = new FakeActor<NewContact, ContactRecorded>();
  const machine = intakeMachine.provide({ actors: { saveCase: save.logic, finishInteraction: finish.logic, recordContact: contact.logic } });
  const actor = createActor(machine, { input: INPUT, ...(options.snapshot ? { snapshot: options.snapshot } : {}) }).start();
  const snap = (): IntakeSnapshot => actor.getSnapshot();
  return {
    actor,
    save,
    finish,
    contact,
    snap,
    step: (): IntakeStep => intakeStep(snap()),
    context: () => snap().context,
    send: (...events: IntakeEvent[]): void => events.forEach((event) => actor.send(event)),
    /** Waits until the invoked save or wrap-up write has been answered. */
    settle: async (): Promise<void> => {
      await waitFor(actor, (s) => !isBusy(s), { timeout: 1_000 });
    },
  };
}
type Harness = ReturnType<typeof createHarness>;

/** Sends everything from the channel to the review step at one instant: the talk clock starts at `at`. */
function captureToReview(h: Harness, at: number): void {
  h.send(
    { type: 'CHOOSE_CHANNEL', channel: 'phone', at },
    { type: 'SELECT_CALLER', caller: CALLER, at },
    { type: 'SET_KIND', kind: 'service_request', at },
    { type: 'SET_SERVICE_TYPE', serviceType: pothole, at },
    { type: 'NEXT', at },
    { type: 'SET_ANSWER', code: 'pothole_size', value: 'medium', at },
    { type: 'SET_ANSWER', code: 'road_position', value: 'driving_lane', at },
    { type: 'SET_LOCATION', location: LOCATION, at },
    { type: 'NEXT', at },
  );
  expect(h.step()).toBe('review');
}

async function saveAt(h: Harness, at: number): Promise<void> {
  h.send({ type: 'SAVE', at });
  expect(h.step()).toBe('saving');
  h.save.resolve(SAVED);
  await h.settle();
  expect(h.step()).toBe('saved');
}

const CAPTURING_STEPS = ['channel', 'caller', 'classify', 'details', 'review'] as const;
type CapturingStep = (typeof CAPTURING_STEPS)[number];

/** The shortest way (at one instant) to reach a capturing step. */
function advanceTo(h: Harness, step: CapturingStep, at: number): void {
  const route: IntakeEvent[] = [
    { type: 'CHOOSE_CHANNEL', channel: 'walk_in', at },
    { type: 'ANONYMOUS', at },
    { type: 'SET_KIND', kind: 'information', at },
    { type: 'SET_SERVICE_TYPE', serviceType: generalInformation, at },
    { type: 'NEXT', at },
    { type: 'NEXT', at },
  ];
  const eventsNeeded = { channel: 0, caller: 1, classify: 2, details: 5, review: 6 }[step];
  h.send(...route.slice(0, eventsNeeded));
  expect(h.step()).toBe(step);
}

// ---------------------------------------------------------------------------
// Path coverage
// ---------------------------------------------------------------------------

/** The id XState gives an invoke without an explicit id: `${index}.${stateNode.id}`. */
const invokeIdOf = (stateId: string): string => {
  const invoke = intakeMachine.getStateNodeById(stateId).invoke[0];
  if (!invoke) throw new Error(`${stateId} invokes nothing`);
  return invoke.id;
};
const SAVE_INVOKE_ID = invokeIdOf('intake.active.flow.saving');
const FINISH_INVOKE_ID = invokeIdOf('intake.wrapUp.finishing');
const CONTACT_INVOKE_ID = invokeIdOf('intake.active.flow.attaching');

/**
 * The machine's event union does not name the results its invoked children send it; the traversal
 * needs them as ordinary events, so they are cast once, here.
 */
type ActorResultEvent =
  | { type: `xstate.done.actor.${string}`; output: unknown; at: number }
  | { type: `xstate.error.actor.${string}`; error: unknown; at: number };
const asIntakeEvent = (event: ActorResultEvent): IntakeEvent => event as unknown as IntakeEvent;

const SAVE_FAILURE = new Error('database is locked');
const FINISH_FAILURE = new Error('disk full');
const CONTACT_FAILURE = new Error('case not found');
const OPEN_CASE = { caseId: '0190f5c2-7d1a-7cc0-8000-0000000000aa', reference: 'D07-261120-0007' };
const RECORDED: ContactRecorded = { ...OPEN_CASE, callerCount: 2 };

const GRAPH_SAVE_DONE = asIntakeEvent({ type: `xstate.done.actor.${SAVE_INVOKE_ID}`, output: SAVED, at: T0 });
const GRAPH_SAVE_ERROR = asIntakeEvent({ type: `xstate.error.actor.${SAVE_INVOKE_ID}`, error: SAVE_FAILURE, at: T0 });
const GRAPH_FINISH_DONE = asIntakeEvent({ type: `xstate.done.actor.${FINISH_INVOKE_ID}`, output: undefined, at: T0 });
const GRAPH_FINISH_ERROR = asIntakeEvent({ type: `xstate.error.actor.${FINISH_INVOKE_ID}`, error: FINISH_FAILURE, at: T0 });
const GRAPH_CONTACT_DONE = asIntakeEvent({ type: `xstate.done.actor.${CONTACT_INVOKE_ID}`, output: RECORDED, at: T0 });
const GRAPH_CONTACT_ERROR = asIntakeEvent({ type: `xstate.error.actor.${CONTACT_INVOKE_ID}`, error: CONTACT_FAILURE, at: T0 });
const isActorResult = (event: IntakeEvent): boolean =>
  [GRAPH_SAVE_DONE, GRAPH_SAVE_ERROR, GRAPH_FINISH_DONE, GRAPH_FINISH_ERROR, GRAPH_CONTACT_DONE, GRAPH_CONTACT_ERROR].includes(event);

/** The events the traversal offers every state (it skips those a state ignores). All carry `at`: one instant keeps the clock finite. */
const GRAPH_EVENTS: readonly IntakeEvent[] = [
  { type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 },
  { type: 'SELECT_CALLER', caller: CALLER, at: T0 },
  { type: 'ANONYMOUS', at: T0 },
  { type: 'SET_KIND', kind: 'service_request', at: T0 },
  { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 },
  { type: 'SET_ANSWER', code: 'pothole_size', value: 'small', at: T0 },
  { type: 'SET_ANSWER', code: 'road_position', value: 'curb_lane', at: T0 },
  { type: 'SET_LOCATION', location: LOCATION, at: T0 },
  { type: 'SET_DESCRIPTION', description: 'Deep one, by the bus stop', at: T0 },
  { type: 'SET_PRIORITY', priority: 'high', at: T0 },
  { type: 'NEXT', at: T0 },
  { type: 'BACK', at: T0 },
  { type: 'SAVE', at: T0 },
  { type: 'HOLD', at: T0 },
  { type: 'RESUME', at: T0 },
  { type: 'END_CALL', at: T0 },
  { type: 'SET_DISPOSITION', disposition: 'service_request_logged', at: T0 },
  { type: 'SET_WRAP_UP_NOTE', note: 'Reference read back', at: T0 },
  { type: 'FINISH', at: T0 },
  { type: 'CANCEL', reason: 'caller_hung_up', at: T0 },
  { type: 'CHOOSE_ARTICLE', article: { id: 'kb-collection-days', title: 'Collection days' }, at: T0 },
  { type: 'ATTACH_TO_CASE', target: { ...OPEN_CASE, reason: 'repeat_contact' }, caller: CALLER, at: T0 },
  GRAPH_CONTACT_DONE,
  GRAPH_CONTACT_ERROR,
  GRAPH_SAVE_DONE,
  GRAPH_SAVE_ERROR,
  GRAPH_FINISH_DONE,
  GRAPH_FINISH_ERROR,
];

/**
 * The state value plus the context facts the guards read (and a few the screen shows), so the
 * graph stays finite while every guard outcome gets its own vertex.
 */
const abstractState = (snapshot: IntakeSnapshot): string => {
  const c = snapshot.context;
  return JSON.stringify({
    value: snapshot.value,
    channel: c.channel !== null,
    caller: c.caller !== null,
    kind: c.kind,
    serviceType: c.serviceType?.code ?? null,
    answers: Object.keys(c.answers).sort(),
    location: c.location !== null,
    issues: c.issues.length > 0,
    saved: c.saved !== null,
    error: c.error !== null,
    disposition: c.disposition !== null,
    cancelled: c.cancelReason !== null,
    article: c.article != null,
    attached: c.attached != null,
  });
};

type IntakePath = StatePath<IntakeSnapshot, IntakeEvent>;
type TransitionDefinition = ReturnType<typeof intakeMachine.getTransitionData>[number];

const transitionKey = (t: TransitionDefinition): string => {
  const index = t.source.transitions.get(t.eventType)?.indexOf(t) ?? -1;
  const targets = t.target?.map((node) => node.id).join(',') ?? '(none)';
  return `${t.source.id} --${t.eventType}[${index}]--> ${targets}`;
};

/** Every transition declared anywhere in the machine, including the invokes' onDone/onError. */
const declaredTransitions = (): string[] =>
  [intakeMachine.root, ...getStateNodes(intakeMachine.root)].flatMap((node) =>
    [...node.transitions.values()].flat().map(transitionKey),
  );

/** Graph paths start with the initial state (event xstate.init); each later step is (event, state after). */
const pathEvents = (path: IntakePath): IntakeEvent[] => path.steps.slice(1).map((step) => step.event);

type IntakeStateValue = Parameters<IntakeSnapshot['matches']>[0];
/** The nested state value an atomic state node stands for, e.g. {active: {line: 'onHold'}}. */
const valueOfPath = (path: readonly string[]): IntakeStateValue =>
  path.slice(0, -1).reduceRight<StateValue>((inner, key) => ({ [key]: inner }), path[path.length - 1]!) as IntakeStateValue;

/** The outgoing edges of one vertex of the adjacency map (its keys are branded strings). */
const outgoing = ({ transitions }: AdjacencyValue<IntakeSnapshot, IntakeEvent>) =>
  Object.keys(transitions).map((key) => transitions[key as SerializedEvent]!);

function buildIntakeGraph() {
  const traversal = {
    input: INPUT,
    events: GRAPH_EVENTS,
    // Events a state ignores only add self-loops; skipping them keeps the traversal fast.
    filterEvents: (snapshot: IntakeSnapshot, event: IntakeEvent) => snapshot.can(event),
    serializeState: abstractState,
  };
  const adjacency = getAdjacencyMap(intakeMachine, traversal);
  const shortestPaths = getShortestPaths(intakeMachine, traversal);
  const shortestTo = new Map(shortestPaths.map((path) => [abstractState(path.state), path]));

  // One path per distinct (state value, transitions taken) edge: the shortest way to the source
  // vertex, then that event. Guarded branches (details NEXT → review / → issues) are distinct edges.
  const edgePaths: IntakePath[] = [];
  const edges = new Set<string>();
  for (const [vertex, adjacent] of Object.entries(adjacency)) {
    const prefix = shortestTo.get(vertex);
    if (!prefix) throw new Error(`no shortest path to ${vertex}`);
    for (const { event } of outgoing(adjacent)) {
      const taken = intakeMachine.getTransitionData(prefix.state, event);
      if (taken.length === 0) continue;
      const edge = `${JSON.stringify(prefix.state.value)} ${taken.map(transitionKey).join(' & ')}`;
      if (edges.has(edge)) continue;
      edges.add(edge);
      const [next] = transition(intakeMachine, prefix.state, event);
      edgePaths.push({ state: next, steps: [...prefix.steps, { state: next, event }], weight: prefix.weight + 1 });
    }
  }
  return { adjacency, shortestPaths, edgePaths, paths: [...shortestPaths, ...edgePaths] };
}

/** Plays a path on a real actor (fake saveCase/finishInteraction settled as the path says). */
async function replay(path: IntakePath): Promise<IntakeSnapshot[]> {
  const h = createHarness();
  const seen = [h.snap()];
  for (const event of pathEvents(path)) {
    if (event === GRAPH_SAVE_DONE) h.save.resolve(SAVED);
    else if (event === GRAPH_SAVE_ERROR) h.save.reject(SAVE_FAILURE);
    else if (event === GRAPH_FINISH_DONE) h.finish.resolve();
    else if (event === GRAPH_FINISH_ERROR) h.finish.reject(FINISH_FAILURE);
    else if (event === GRAPH_CONTACT_DONE) h.contact.resolve(RECORDED);
    else if (event === GRAPH_CONTACT_ERROR) h.contact.reject(CONTACT_FAILURE);
    else h.send(event);
    if (isActorResult(event)) await h.settle();
    seen.push(h.snap());
  }
  h.actor.stop();
  return seen;
}

describe('intake machine: path coverage (xstate/graph)', () => {
  let graph: ReturnType<typeof buildIntakeGraph>;
  beforeAll(() => {
    graph = buildIntakeGraph();
  });

  it('cannot use createTestModel (it refuses machines that invoke), so the graph is traversed directly', () => {
    expect(() => createTestModel(intakeMachine)).toThrow(/Invocations on test machines are not supported/);
    expect(SAVE_INVOKE_ID).toBe('0.intake.active.flow.saving');
    expect(FINISH_INVOKE_ID).toBe('0.intake.wrapUp.finishing');
  });

  it('names the invoked children with the ids the traversal sends results for', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    h.send({ type: 'SAVE', at: T0 });
    expect(Object.keys(h.snap().children)).toEqual([SAVE_INVOKE_ID]);
    h.save.resolve(SAVED);
    await h.settle();
    h.send({ type: 'END_CALL', at: T0 }, { type: 'SET_DISPOSITION', disposition: 'answered', at: T0 }, { type: 'FINISH', at: T0 });
    expect(Object.keys(h.snap().children)).toEqual([FINISH_INVOKE_ID]);
    h.actor.stop();
  });

  it('reaches every step the screen shows, and the line on hold', () => {
    const reached = new Set(graph.shortestPaths.map((path) => intakeStep(path.state)));
    expect([...reached].sort()).toEqual([...INTAKE_STEPS].sort());
    expect(graph.shortestPaths.some((path) => isOnHold(path.state))).toBe(true);
    // Holding is possible in every step of the active call except before a channel is chosen.
    const heldIn = new Set(graph.shortestPaths.filter((path) => isOnHold(path.state)).map((path) => intakeStep(path.state)));
    expect([...heldIn].sort()).toEqual(['attached', 'attaching', 'caller', 'classify', 'details', 'review', 'saved', 'saving']);
  });

  it('reaches every atomic and final state node of the machine', () => {
    const leaves = getStateNodes(intakeMachine.root).filter((node) => node.type === 'atomic' || node.type === 'final');
    expect(leaves.length).toBeGreaterThanOrEqual(INTAKE_STEPS.length);
    for (const leaf of leaves) {
      const value = valueOfPath(leaf.path);
      expect(graph.shortestPaths.some((path) => path.state.matches(value)), `state ${leaf.id}`).toBe(true);
    }
  });

  it('exercises every declared transition, including guarded branches and invoke results', () => {
    const declared = declaredTransitions();
    const exercised = new Set<string>();
    for (const path of graph.paths) {
      path.steps.slice(1).forEach((step, i) => {
        for (const t of intakeMachine.getTransitionData(path.steps[i]!.state, step.event)) exercised.add(transitionKey(t));
      });
    }
    expect(declared).toContain('intake.active.flow.saving --xstate.error.actor.0.intake.active.flow.saving[0]--> intake.active.flow.capturing.review');
    expect(declared).toContain('intake.active.flow.capturing.details --NEXT[1]--> (none)');
    expect(declared.filter((t) => !exercised.has(t))).toEqual([]);
    expect([...exercised].sort()).toEqual([...declared].sort());
  });

  it('exercises every (state, event type) edge of the adjacency map that changes the state', () => {
    const stepKey = (from: IntakeSnapshot, event: IntakeEvent, to: IntakeSnapshot): string =>
      `${JSON.stringify(from.value)} --${event.type}--> ${JSON.stringify(to.value)}`;
    const changing = new Set<string>();
    for (const adjacent of Object.values(graph.adjacency)) {
      for (const { event, state: next } of outgoing(adjacent)) {
        const { state } = adjacent;
        if (JSON.stringify(next.value) !== JSON.stringify(state.value)) changing.add(stepKey(state, event, next));
      }
    }
    const walked = new Set<string>();
    for (const path of graph.paths) {
      path.steps.slice(1).forEach((step, i) => walked.add(stepKey(path.steps[i]!.state, step.event, step.state)));
    }
    expect(changing.size).toBeGreaterThan(0);
    expect([...changing].filter((edge) => !walked.has(edge))).toEqual([]);
  });

  it('replays every generated path on a real actor, checking every step and the target state', async () => {
    // A path that is a prefix of a longer one is replayed inside it: every step is checked, so its
    // target state is too. (The graph shares event objects, so a path's key is its event indices.)
    const keyOf = (path: IntakePath): string => pathEvents(path).map((event) => GRAPH_EVENTS.indexOf(event)).join(',');
    const keys = graph.paths.map(keyOf);
    const replayed = graph.paths.filter((_, i) => !keys.some((other, j) => j !== i && other.startsWith(`${keys[i]},`)) && keys.indexOf(keys[i]!) === i);
    const replayedKeys = replayed.map(keyOf);
    for (const key of keys) expect(replayedKeys.some((r) => r === key || r.startsWith(`${key},`))).toBe(true);

    for (const path of replayed) {
      const events = pathEvents(path);
      const seen = await replay(path);
      // The expected snapshots: the path's events folded through the pure machine. Each must be the
      // vertex the graph recorded for that step, and the actor must match it exactly.
      let [expected] = initialTransition(intakeMachine, INPUT);
      expect(abstractState(expected)).toBe(abstractState(path.steps[0]!.state));
      for (const [i, event] of events.entries()) {
        [expected] = transition(intakeMachine, expected, event);
        const actual = seen[i + 1]!;
        const where = `after ${events.slice(0, i + 1).map((e) => e.type).join(' → ')}`;
        expect(abstractState(expected), where).toBe(abstractState(path.steps[i + 1]!.state));
        expect(abstractState(actual), where).toBe(abstractState(expected));
        expect(JSON.stringify([actual.value, actual.context]), where).toBe(JSON.stringify([expected.value, expected.context]));
      }
      const last = seen[seen.length - 1]!;
      expect(last.value).toEqual(path.state.value);
      expect(abstractState(last)).toBe(abstractState(path.state));
      expect(intakeStep(last)).toBe(intakeStep(path.state));
      expect(isOnHold(last)).toBe(isOnHold(path.state));
    }
  });
});

// ---------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------

type ScriptStep = { send: IntakeEvent } | { resolveSave: SavedCase } | { resolveFinish: true };

/** A phone service request from the first click to done, with a hold while the details are taken. */
const HAPPY_PATH: readonly ScriptStep[] = [
  { send: { type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 } },
  { send: { type: 'SELECT_CALLER', caller: CALLER, at: T0 + 4_000 } },
  { send: { type: 'SET_KIND', kind: 'service_request', at: T0 + 9_000 } },
  { send: { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 + 11_000 } },
  { send: { type: 'NEXT', at: T0 + 12_000 } },
  { send: { type: 'SET_ANSWER', code: 'pothole_size', value: 'large', at: T0 + 20_000 } },
  { send: { type: 'SET_ANSWER', code: 'road_position', value: 'curb_lane', at: T0 + 26_000 } },
  { send: { type: 'HOLD', at: T0 + 30_000 } },
  { send: { type: 'RESUME', at: T0 + 38_000 } },
  { send: { type: 'SET_ANSWER', code: 'pothole_count', value: 2, at: T0 + 39_000 } },
  { send: { type: 'SET_LOCATION', location: LOCATION, at: T0 + 41_000 } },
  { send: { type: 'SET_DESCRIPTION', description: 'Deep hole in the curb lane, eastbound, by the bus stop.', at: T0 + 50_000 } },
  { send: { type: 'NEXT', at: T0 + 52_000 } },
  { send: { type: 'SAVE', at: T0 + 55_000 } },
  { resolveSave: SAVED },
  { send: { type: 'END_CALL', at: T0 + 61_000 } },
  { send: { type: 'SET_DISPOSITION', disposition: 'service_request_logged', at: T0 + 70_000 } },
  { send: { type: 'SET_WRAP_UP_NOTE', note: 'Read the reference back to the caller.', at: T0 + 75_000 } },
  { send: { type: 'FINISH', at: T0 + 83_500 } },
  { resolveFinish: true },
];

/** Talk from CHOOSE_CHANNEL to END_CALL less the 8 s hold; wrap-up from END_CALL to FINISH. */
const HAPPY_HANDLE_TIME = { talkMs: 53_000, holdMs: 8_000, wrapUpMs: 22_500 };

const HAPPY_NEW_CASE: NewCase = {
  id: INTERACTION_ID,
  channel: 'phone',
  kind: 'service_request',
  serviceCode: 'pothole',
  priority: 'normal', // the pothole type's default: no SET_PRIORITY was sent
  caller: CALLER,
  location: LOCATION,
  answers: { pothole_size: 'large', road_position: 'curb_lane', pothole_count: 2 },
  description: 'Deep hole in the curb lane, eastbound, by the bus stop.',
};

async function play(h: Harness, step: ScriptStep): Promise<void> {
  if ('send' in step) return h.send(step.send);
  if ('resolveSave' in step) h.save.resolve(step.resolveSave);
  else h.finish.resolve();
  await h.settle();
}

describe('intake machine: the happy path of a phone service request', () => {
  it('goes channel → caller → classify → details → review → saving → saved → wrap-up → finishing → done', async () => {
    const h = createHarness();
    expect(h.step()).toBe('channel');

    h.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 });
    expect(h.step()).toBe('caller');
    expect(h.context().channel).toBe('phone');

    h.send({ type: 'SELECT_CALLER', caller: CALLER, at: T0 + 4_000 });
    expect(h.step()).toBe('classify');
    expect(h.context().caller).toEqual(CALLER);

    h.send(
      { type: 'SET_KIND', kind: 'service_request', at: T0 + 9_000 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 + 11_000 },
      { type: 'NEXT', at: T0 + 12_000 },
    );
    expect(h.step()).toBe('details');

    h.send(
      { type: 'SET_ANSWER', code: 'pothole_size', value: 'large', at: T0 + 20_000 },
      { type: 'SET_ANSWER', code: 'road_position', value: 'curb_lane', at: T0 + 26_000 },
      { type: 'HOLD', at: T0 + 30_000 },
    );
    expect(isOnHold(h.snap())).toBe(true);
    expect(h.step()).toBe('details');
    h.send(
      { type: 'RESUME', at: T0 + 38_000 },
      { type: 'SET_ANSWER', code: 'pothole_count', value: 2, at: T0 + 39_000 },
      { type: 'SET_LOCATION', location: LOCATION, at: T0 + 41_000 },
      { type: 'SET_DESCRIPTION', description: 'Deep hole in the curb lane, eastbound, by the bus stop.', at: T0 + 50_000 },
      { type: 'NEXT', at: T0 + 52_000 },
    );
    expect(h.step()).toBe('review');
    expect(h.context().issues).toEqual([]);

    h.send({ type: 'SAVE', at: T0 + 55_000 });
    expect(h.step()).toBe('saving');
    expect(h.save.inputs).toEqual([HAPPY_NEW_CASE]);
    expect(h.save.inputs[0]).toEqual(newCaseFromIntake(h.context()));
    expect(NewCaseSchema.safeParse(h.save.inputs[0]).success).toBe(true);

    h.save.resolve(SAVED);
    await h.settle();
    expect(h.step()).toBe('saved');
    expect(h.context().saved).toEqual(SAVED);
    expect(h.context().saved?.reference).toBe('D07-261127-0042');
    expect(h.context().error).toBeNull();

    h.send({ type: 'END_CALL', at: T0 + 61_000 });
    expect(h.step()).toBe('wrap_up');
    expect(h.context().clock).toMatchObject({ segment: 'wrap_up', segmentStartedAt: T0 + 61_000 });

    h.send(
      { type: 'SET_DISPOSITION', disposition: 'service_request_logged', at: T0 + 70_000 },
      { type: 'SET_WRAP_UP_NOTE', note: 'Read the reference back to the caller.', at: T0 + 75_000 },
      { type: 'FINISH', at: T0 + 83_500 },
    );
    expect(h.step()).toBe('finishing');
    const wrapUp: WrapUp = {
      caseId: INTERACTION_ID,
      disposition: 'service_request_logged',
      note: 'Read the reference back to the caller.',
      handleTime: HAPPY_HANDLE_TIME,
    };
    expect(h.finish.inputs).toEqual([wrapUp]);
    expect(WrapUpSchema.safeParse(h.finish.inputs[0]).success).toBe(true);

    h.finish.resolve();
    await h.settle();
    expect(h.step()).toBe('done');
    expect(h.actor.getSnapshot().status).toBe('done');
    expect(h.save.inputs).toHaveLength(1);
    expect(h.finish.inputs).toHaveLength(1);
  });

  it('plays the same path from the script used by the persistence tests', async () => {
    const h = createHarness();
    for (const step of HAPPY_PATH) await play(h, step);
    expect(h.step()).toBe('done');
    expect(h.save.inputs).toEqual([HAPPY_NEW_CASE]);
    expect(h.finish.inputs.map((input) => input.handleTime)).toEqual([HAPPY_HANDLE_TIME]);
  });

  it('hands a chosen priority and an anonymous caller to saveCase', async () => {
    const h = createHarness();
    h.send(
      { type: 'CHOOSE_CHANNEL', channel: 'chat', at: T0 },
      { type: 'ANONYMOUS', at: T0 },
      { type: 'SET_KIND', kind: 'service_request', at: T0 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 },
      { type: 'NEXT', at: T0 },
      { type: 'SET_ANSWER', code: 'pothole_size', value: 'small', at: T0 },
      { type: 'SET_ANSWER', code: 'road_position', value: 'alley', at: T0 },
      { type: 'SET_ANSWER', code: 'vehicle_damage', value: 'yes', at: T0 },
      { type: 'SET_ANSWER', code: 'vehicle_damage', value: null, at: T0 },
      { type: 'SET_LOCATION', location: { addressId: 'ADDR-77120' }, at: T0 },
      { type: 'SET_PRIORITY', priority: 'urgent', at: T0 },
      { type: 'NEXT', at: T0 },
      { type: 'SAVE', at: T0 },
    );
    expect(h.save.inputs[0]).toMatchObject({
      channel: 'chat',
      caller: { anonymous: true },
      priority: 'urgent',
      answers: { pothole_size: 'small', road_position: 'alley' },
      location: { addressId: 'ADDR-77120' },
    });
    expect(h.save.inputs[0]?.answers).not.toHaveProperty('vehicle_damage'); // a null answer removes it
    h.actor.stop();
  });

  it('newCaseFromIntake refuses an intake that is not classified yet', () => {
    const [snapshot] = initialTransition(intakeMachine, INPUT);
    expect(() => newCaseFromIntake(snapshot.context)).toThrow(/not classified/);
  });
});

describe('intake machine: handle-time clock', () => {
  it('times talk from CHOOSE_CHANNEL, accumulates holds, closes a hold at END_CALL and stops at FINISH', async () => {
    const h = createHarness();
    expect(h.context().clock).toEqual(stoppedClock());

    captureToReview(h, T0 + 10_000);
    expect(h.context().clock).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0, segment: 'talk', segmentStartedAt: T0 + 10_000 });
    // The running segment shows in handleTimeAt without being closed.
    expect(handleTimeAt(h.context().clock, T0 + 12_345)).toEqual({ talkMs: 2_345, holdMs: 0, wrapUpMs: 0 });

    h.send({ type: 'HOLD', at: T0 + 25_000 });
    expect(isOnHold(h.snap())).toBe(true);
    expect(h.context().clock).toEqual({ talkMs: 15_000, holdMs: 0, wrapUpMs: 0, segment: 'hold', segmentStartedAt: T0 + 25_000 });
    expect(handleTimeAt(h.context().clock, T0 + 26_001)).toEqual({ talkMs: 15_000, holdMs: 1_001, wrapUpMs: 0 });

    h.send({ type: 'RESUME', at: T0 + 40_500 });
    expect(isOnHold(h.snap())).toBe(false);
    expect(h.context().clock).toEqual({ talkMs: 15_000, holdMs: 15_500, wrapUpMs: 0, segment: 'talk', segmentStartedAt: T0 + 40_500 });

    await saveAt(h, T0 + 45_000);
    h.send({ type: 'HOLD', at: T0 + 50_000 });
    expect(h.context().clock).toMatchObject({ talkMs: 24_500, holdMs: 15_500, segment: 'hold' });

    // Ending the call while on hold closes the hold and starts wrap-up; the line region is gone.
    h.send({ type: 'END_CALL', at: T0 + 60_000 });
    expect(h.step()).toBe('wrap_up');
    expect(isOnHold(h.snap())).toBe(false);
    expect(h.context().clock).toEqual({ talkMs: 24_500, holdMs: 25_500, wrapUpMs: 0, segment: 'wrap_up', segmentStartedAt: T0 + 60_000 });
    expect(handleTimeAt(h.context().clock, T0 + 61_000)).toEqual({ talkMs: 24_500, holdMs: 25_500, wrapUpMs: 1_000 });

    h.send({ type: 'RESUME', at: T0 + 61_000 }, { type: 'HOLD', at: T0 + 62_000 }); // no line in wrap-up: ignored
    expect(h.context().clock).toMatchObject({ segment: 'wrap_up', segmentStartedAt: T0 + 60_000, holdMs: 25_500 });

    h.send({ type: 'SET_DISPOSITION', disposition: 'answered', at: T0 + 70_000 }, { type: 'FINISH', at: T0 + 90_250 });
    const stopped: HandleTimeClock = { talkMs: 24_500, holdMs: 25_500, wrapUpMs: 30_250, segment: null, segmentStartedAt: null };
    expect(h.context().clock).toEqual(stopped);
    expect(handleTimeAt(h.context().clock, T0 + 10_000_000)).toEqual({ talkMs: 24_500, holdMs: 25_500, wrapUpMs: 30_250 });
    expect(h.finish.inputs[0]?.handleTime).toEqual({ talkMs: 24_500, holdMs: 25_500, wrapUpMs: 30_250 });

    h.finish.resolve();
    await h.settle();
    expect(h.step()).toBe('done');
    expect(h.context().clock).toEqual(stopped);
  });

  it('never counts negative time when the wall clock goes backwards', async () => {
    const h = createHarness();
    captureToReview(h, T0 + 100_000);
    h.send({ type: 'HOLD', at: T0 + 90_000 }); // 10 s before the talk started
    expect(h.context().clock).toMatchObject({ talkMs: 0, segment: 'hold' });
    expect(handleTimeAt(h.context().clock, T0 + 80_000)).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0 });
    h.send({ type: 'RESUME', at: T0 + 80_000 });
    expect(h.context().clock).toMatchObject({ talkMs: 0, holdMs: 0, segment: 'talk' });
    await saveAt(h, T0 + 70_000);
    h.send({ type: 'END_CALL', at: T0 + 75_000 }); // still before the talk restarted at +80 s
    expect(h.context().clock).toMatchObject({ talkMs: 0, segment: 'wrap_up' });
    h.send({ type: 'SET_DISPOSITION', disposition: 'answered', at: T0 }, { type: 'FINISH', at: T0 + 1 });
    const handleTime = h.finish.inputs[0]?.handleTime;
    expect(handleTime).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0 });
    expect(WrapUpSchema.shape.handleTime.safeParse(handleTime).success).toBe(true);
    h.actor.stop();
  });

  it('handleTimeAt and switchSegment: running segment, clamped at zero, whole milliseconds', () => {
    const talking = switchSegment(stoppedClock(), 'talk', 1_000);
    expect(handleTimeAt(talking, 1_000)).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0 });
    expect(handleTimeAt(talking, 999)).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0 });
    expect(handleTimeAt(talking, 2_500.6)).toEqual({ talkMs: 1_501, holdMs: 0, wrapUpMs: 0 });
    const holding = switchSegment(talking, 'hold', 1_250.4);
    expect(holding).toEqual({ talkMs: 250, holdMs: 0, wrapUpMs: 0, segment: 'hold', segmentStartedAt: 1_250.4 });
    expect(switchSegment(holding, null, 500)).toEqual({ talkMs: 250, holdMs: 0, wrapUpMs: 0, segment: null, segmentStartedAt: null });
    // A stopped clock ignores `now`.
    expect(handleTimeAt(stoppedClock(), 5_000)).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0 });
  });
});

describe('intake machine: guards', () => {
  it('NEXT from details with a missing required answer and no location stays and names both', () => {
    const h = createHarness();
    h.send(
      { type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 },
      { type: 'SELECT_CALLER', caller: CALLER, at: T0 },
      { type: 'SET_KIND', kind: 'service_request', at: T0 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 },
      { type: 'NEXT', at: T0 },
      { type: 'SET_ANSWER', code: 'road_position', value: 'intersection', at: T0 },
      { type: 'NEXT', at: T0 },
    );
    expect(h.step()).toBe('details');
    expect(h.context().issues.map((issue) => issue.field)).toEqual(['answers.pothole_size', 'location']);
    expect(h.context().issues[0]?.message).toMatch(/required/);
    expect(h.context().issues[1]?.message).toMatch(/required for Pothole/);

    // Fixing them and pressing NEXT again moves on and clears the messages.
    h.send(
      { type: 'SET_ANSWER', code: 'pothole_size', value: 'small', at: T0 },
      { type: 'SET_LOCATION', location: LOCATION, at: T0 },
      { type: 'NEXT', at: T0 },
    );
    expect(h.step()).toBe('review');
    expect(h.context().issues).toEqual([]);
    h.actor.stop();
  });

  it('an answer outside the list or a blank location keeps the details step', () => {
    const h = createHarness();
    advanceTo(h, 'classify', T0);
    h.send(
      { type: 'SET_KIND', kind: 'service_request', at: T0 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 },
      { type: 'NEXT', at: T0 },
      { type: 'SET_ANSWER', code: 'pothole_size', value: 'enormous', at: T0 },
      { type: 'SET_ANSWER', code: 'road_position', value: 'curb_lane', at: T0 },
      { type: 'SET_LOCATION', location: {}, at: T0 },
      { type: 'NEXT', at: T0 },
    );
    expect(h.step()).toBe('details');
    expect(h.context().issues.map((issue) => issue.field)).toEqual(['answers.pothole_size', 'location']);
    expect(h.context().issues[0]?.message).toMatch(/must be one of small, medium, large/);
    h.actor.stop();
  });

  it('an information request about a type does not enforce its required questions or location', () => {
    const h = createHarness();
    h.send(
      { type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 },
      { type: 'ANONYMOUS', at: T0 },
      { type: 'SET_KIND', kind: 'information', at: T0 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 },
      { type: 'NEXT', at: T0 },
      { type: 'NEXT', at: T0 },
    );
    expect(h.step()).toBe('review');
    expect(h.context().issues).toEqual([]);
    h.actor.stop();
  });

  it('NEXT from classify needs both a kind and a service type', () => {
    const h = createHarness();
    advanceTo(h, 'classify', T0);
    h.send({ type: 'NEXT', at: T0 });
    expect(h.step()).toBe('classify');
    h.send({ type: 'SET_KIND', kind: 'service_request', at: T0 }, { type: 'NEXT', at: T0 });
    expect(h.step()).toBe('classify');

    const other = createHarness();
    advanceTo(other, 'classify', T0);
    other.send({ type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 }, { type: 'NEXT', at: T0 });
    expect(other.step()).toBe('classify');
    other.send({ type: 'SET_KIND', kind: 'feedback', at: T0 }, { type: 'NEXT', at: T0 });
    expect(other.step()).toBe('details');
    h.actor.stop();
    other.actor.stop();
  });

  it('NEXT from caller needs a caller; BACK keeps the one chosen', () => {
    const h = createHarness();
    advanceTo(h, 'caller', T0);
    h.send({ type: 'NEXT', at: T0 });
    expect(h.step()).toBe('caller');
    h.send({ type: 'SELECT_CALLER', caller: CALLER, at: T0 }, { type: 'BACK', at: T0 });
    expect(h.step()).toBe('caller');
    h.send({ type: 'NEXT', at: T0 });
    expect(h.step()).toBe('classify');
    expect(h.context().caller).toEqual(CALLER);
    h.actor.stop();
  });

  it('BACK walks review → details → classify → caller and NEXT returns without losing anything', () => {
    const h = createHarness();
    captureToReview(h, T0);
    const before = h.context();
    h.send({ type: 'BACK', at: T0 });
    expect(h.step()).toBe('details');
    h.send({ type: 'BACK', at: T0 });
    expect(h.step()).toBe('classify');
    h.send({ type: 'BACK', at: T0 });
    expect(h.step()).toBe('caller');
    h.send({ type: 'BACK', at: T0 }); // no way back to the channel once the clock runs
    expect(h.step()).toBe('caller');
    h.send({ type: 'NEXT', at: T0 }, { type: 'NEXT', at: T0 }, { type: 'NEXT', at: T0 });
    expect(h.step()).toBe('review');
    expect(h.context()).toEqual(before);
    h.actor.stop();
  });

  it('FINISH without a disposition stays in wrap-up and the wrap-up clock keeps running', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    await saveAt(h, T0);
    h.send({ type: 'END_CALL', at: T0 + 1_000 }, { type: 'SET_WRAP_UP_NOTE', note: 'n', at: T0 + 2_000 }, { type: 'FINISH', at: T0 + 3_000 });
    expect(h.step()).toBe('wrap_up');
    expect(h.finish.inputs).toEqual([]);
    expect(h.context().clock).toMatchObject({ segment: 'wrap_up', segmentStartedAt: T0 + 1_000 });
    h.send({ type: 'SET_DISPOSITION', disposition: 'callback_needed', at: T0 + 4_000 }, { type: 'FINISH', at: T0 + 5_000 });
    expect(h.step()).toBe('finishing');
    expect(h.finish.inputs[0]).toMatchObject({ disposition: 'callback_needed', note: 'n', handleTime: { wrapUpMs: 4_000 } });
    h.actor.stop();
  });

  it('HOLD before a channel is chosen is ignored, and so is RESUME while connected', () => {
    const h = createHarness();
    h.send({ type: 'HOLD', at: T0 });
    expect(isOnHold(h.snap())).toBe(false);
    expect(h.context().clock).toEqual(stoppedClock());
    h.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 + 1_000 }, { type: 'RESUME', at: T0 + 2_000 });
    expect(h.context().clock).toEqual({ talkMs: 0, holdMs: 0, wrapUpMs: 0, segment: 'talk', segmentStartedAt: T0 + 1_000 });
    h.actor.stop();
  });

  it.each(CAPTURING_STEPS)('CANCEL from %s goes to cancelled with the reason and stops the clock', (step) => {
    const h = createHarness();
    advanceTo(h, step, T0);
    h.send({ type: 'CANCEL', reason: 'wrong_number', detail: 'wanted the library', at: T0 + 7_000 });
    expect(h.step()).toBe('cancelled');
    expect(h.actor.getSnapshot().status).toBe('done');
    expect(h.context().cancelReason).toEqual({ reason: 'wrong_number', detail: 'wanted the library' });
    const talkMs = step === 'channel' ? 0 : 7_000; // the clock starts with the channel
    expect(h.context().clock).toEqual({ talkMs, holdMs: 0, wrapUpMs: 0, segment: null, segmentStartedAt: null });
    expect(h.save.inputs).toEqual([]);
  });

  it('CANCEL on hold closes the hold; a CANCEL without detail records an empty one', () => {
    const h = createHarness();
    advanceTo(h, 'details', T0);
    h.send({ type: 'HOLD', at: T0 + 1_000 }, { type: 'CANCEL', reason: 'caller_hung_up', at: T0 + 4_000 });
    expect(h.step()).toBe('cancelled');
    expect(h.context().cancelReason).toEqual({ reason: 'caller_hung_up', detail: '' });
    expect(handleTimeAt(h.context().clock, T0 + 99_000)).toEqual({ talkMs: 1_000, holdMs: 3_000, wrapUpMs: 0 });
  });

  it('CANCEL is ignored while saving, once saved and in wrap-up (the case exists)', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    h.send({ type: 'SAVE', at: T0 }, { type: 'CANCEL', reason: 'test_call', at: T0 });
    expect(h.step()).toBe('saving');
    h.save.resolve(SAVED);
    await h.settle();
    h.send({ type: 'CANCEL', reason: 'test_call', at: T0 });
    expect(h.step()).toBe('saved');
    h.send({ type: 'END_CALL', at: T0 }, { type: 'CANCEL', reason: 'duplicate', at: T0 });
    expect(h.step()).toBe('wrap_up');
    expect(h.context().cancelReason).toBeNull();
    h.actor.stop();
  });

  it('END_CALL is only possible once the case is saved', () => {
    const h = createHarness();
    captureToReview(h, T0);
    h.send({ type: 'END_CALL', at: T0 });
    expect(h.step()).toBe('review');
    h.send({ type: 'SAVE', at: T0 }, { type: 'END_CALL', at: T0 });
    expect(h.step()).toBe('saving');
    h.actor.stop();
  });
});

describe('intake machine: failures of the invoked writes', () => {
  it('a rejected save returns to review with the failure; SAVE retries the same case and succeeds', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    h.send({ type: 'SAVE', at: T0 + 1_000 });
    h.save.reject(new Error('database is locked'));
    await h.settle();
    expect(h.step()).toBe('review');
    expect(h.context().error).toBe('The case was not saved: database is locked');
    expect(h.context().saved).toBeNull();

    h.send({ type: 'SAVE', at: T0 + 2_000 });
    expect(h.step()).toBe('saving');
    expect(h.context().error).toBeNull();
    expect(h.save.inputs).toHaveLength(2);
    expect(h.save.inputs[1]).toEqual(h.save.inputs[0]); // same id: the retry is idempotent
    h.save.resolve(SAVED);
    await h.settle();
    expect(h.step()).toBe('saved');
    expect(h.context().saved).toEqual(SAVED);
    h.actor.stop();
  });

  it('a save rejected with a non-Error still explains itself', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    h.send({ type: 'SAVE', at: T0 });
    h.save.reject('offline');
    await h.settle();
    expect(h.context().error).toBe('The case was not saved: offline');
    h.actor.stop();
  });

  it('a rejected wrap-up returns to editing with the failure; FINISH retries and reaches done', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    await saveAt(h, T0 + 10_000);
    h.send(
      { type: 'END_CALL', at: T0 + 20_000 },
      { type: 'SET_DISPOSITION', disposition: 'service_request_logged', at: T0 + 21_000 },
      { type: 'FINISH', at: T0 + 30_000 },
    );
    h.finish.reject(new Error('disk full'));
    await h.settle();
    expect(h.step()).toBe('wrap_up');
    expect(h.snap().matches({ wrapUp: 'editing' })).toBe(true);
    expect(h.context().error).toBe('The wrap-up was not recorded: disk full');

    h.send({ type: 'SET_WRAP_UP_NOTE', note: 'Retried after the disk error.', at: T0 + 40_000 }, { type: 'FINISH', at: T0 + 45_000 });
    expect(h.step()).toBe('finishing');
    expect(h.context().error).toBeNull();
    expect(h.finish.inputs).toHaveLength(2);
    expect(h.finish.inputs[1]).toMatchObject({ caseId: INTERACTION_ID, note: 'Retried after the disk error.' });
    // The clock ran on through the failure: the retry counts all 25 s of wrap-up.
    expect(h.finish.inputs[1]?.handleTime).toEqual({ talkMs: 20_000, holdMs: 0, wrapUpMs: 25_000 });
    h.finish.resolve();
    await h.settle();
    expect(h.step()).toBe('done');
  });
});

describe('intake machine: SET_SERVICE_TYPE', () => {
  function withPotholeAnswers(): Harness {
    const h = createHarness();
    h.send(
      { type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 },
      { type: 'ANONYMOUS', at: T0 },
      { type: 'SET_KIND', kind: 'service_request', at: T0 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: T0 },
      { type: 'NEXT', at: T0 },
      { type: 'SET_ANSWER', code: 'pothole_size', value: 'large', at: T0 },
      { type: 'NEXT', at: T0 }, // leaves issues behind
      { type: 'BACK', at: T0 },
    );
    expect(h.step()).toBe('classify');
    expect(h.context().issues).not.toEqual([]);
    return h;
  }

  it('to a different type clears the answers and the issues', () => {
    const h = withPotholeAnswers();
    h.send({ type: 'SET_SERVICE_TYPE', serviceType: generalInformation, at: T0 });
    expect(h.context().serviceType?.code).toBe('general-information');
    expect(h.context().answers).toEqual({});
    expect(h.context().issues).toEqual([]);
    h.actor.stop();
  });

  it('to the same type keeps the answers', () => {
    const h = withPotholeAnswers();
    const sameTypeAgain: ServiceType = { ...pothole, description: 'Re-read from an updated catalog' };
    h.send({ type: 'SET_SERVICE_TYPE', serviceType: sameTypeAgain, at: T0 });
    expect(h.context().answers).toEqual({ pothole_size: 'large' });
    expect(h.context().serviceType).toEqual(sameTypeAgain);
    h.actor.stop();
  });
});

describe('intake machine: persistence', () => {
  const roundTrip = (h: Harness) => {
    // What a draft store does: persist, write as JSON, read back and validate.
    const stored = JSON.stringify(persistIntake(h.actor.getPersistedSnapshot()));
    const verdict = snapshotToRestore(PersistedIntakeSchema.parse(JSON.parse(stored)));
    if (!verdict.ok) throw new Error(verdict.reason);
    return verdict.snapshot;
  };

  it.each(HAPPY_PATH.map((_, i) => i))('restored after %i happy-path steps, it shows the same step and context and reaches done', async (done) => {
    const original = createHarness();
    for (const step of HAPPY_PATH.slice(0, done)) await play(original, step);
    const before = original.snap();

    const restored = createHarness({ snapshot: roundTrip(original) });
    expect(restored.step()).toBe(intakeStep(before));
    expect(isOnHold(restored.snap())).toBe(isOnHold(before));
    expect(restored.context()).toEqual(before.context);
    expect(restored.context().clock).toEqual(before.context.clock);
    if (intakeStep(before) === 'saving') {
      // The restored actor re-runs the save with the same input: the interaction id makes it idempotent.
      expect(restored.save.inputs).toEqual(original.save.inputs);
    }
    original.actor.stop();

    for (const step of HAPPY_PATH.slice(done)) await play(restored, step);
    expect(restored.step()).toBe('done');
    const wrapUps = restored.finish.inputs;
    expect(wrapUps[wrapUps.length - 1]?.handleTime).toEqual(HAPPY_HANDLE_TIME);
  });

  it('restores a finished intake as done', async () => {
    const original = createHarness();
    for (const step of HAPPY_PATH) await play(original, step);
    const restored = createHarness({ snapshot: roundTrip(original) });
    expect(restored.step()).toBe('done');
    expect(restored.actor.getSnapshot().status).toBe('done');
    expect(restored.context()).toEqual(original.context());
  });

  it('refuses a draft written by another machine version, naming both versions', () => {
    const h = createHarness();
    captureToReview(h, T0);
    const persisted = persistIntake(h.actor.getPersistedSnapshot());
    expect(persisted.machineVersion).toBe(INTAKE_MACHINE_VERSION);
    const other = INTAKE_MACHINE_VERSION + 1;
    const verdict = snapshotToRestore({ ...persisted, machineVersion: other });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.reason).toContain(`version ${other}`);
    expect(verdict.reason).toContain(`version ${INTAKE_MACHINE_VERSION}`);
    h.actor.stop();
  });

  it('persistIntake refuses something that is not a persisted snapshot', () => {
    expect(() => persistIntake(null)).toThrow();
    expect(() => persistIntake('details')).toThrow();
  });
});

describe('intake machine: screen-pop', () => {
  const POPPED = { phone: '403-555-0100', queue: 'Utility Billing', callerName: null };

  it('CHOOSE_CHANNEL from a screen-pop keeps what the phone system said, through a saved draft', () => {
    const h = createHarness();
    h.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', screenPop: POPPED, at: T0 });
    expect(h.step()).toBe('caller');
    expect(h.context()).toMatchObject({ channel: 'phone', screenPop: POPPED });
    expect(h.context().clock).toEqual(switchSegment(stoppedClock(), 'talk', T0));
    const stored = PersistedIntakeSchema.parse(JSON.parse(JSON.stringify(persistIntake(h.actor.getPersistedSnapshot()))));
    const verdict = snapshotToRestore(stored);
    if (!verdict.ok) throw new Error(verdict.reason);
    expect(createHarness({ snapshot: verdict.snapshot }).context().screenPop).toEqual(POPPED);
    h.actor.stop();
  });

  it('a plain CHOOSE_CHANNEL has no screenPop, so drafts from before screen-pops read the same', () => {
    const h = createHarness();
    h.send({ type: 'CHOOSE_CHANNEL', channel: 'walk_in', at: T0 });
    expect('screenPop' in h.context()).toBe(false);
    h.actor.stop();
  });
});

describe('intake machine: recording a call on an existing case, and the article answered from', () => {
  it('records the call on the caller’s open case with the handle time so far, and ends without a case of its own', async () => {
    const h = createHarness();
    h.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 });
    h.send({ type: 'ATTACH_TO_CASE', target: { ...OPEN_CASE, reason: 'repeat_contact' }, caller: CALLER, at: T0 + 45_000 });
    expect(h.step()).toBe('attaching');
    expect(h.contact.inputs).toEqual([
      { id: INTERACTION_ID, caseId: OPEN_CASE.caseId, channel: 'phone', caller: CALLER, reason: 'repeat_contact', handleTime: { talkMs: 45_000, holdMs: 0, wrapUpMs: 0 } },
    ]);
    h.contact.resolve(RECORDED);
    await h.settle();
    expect(h.step()).toBe('attached');
    expect(h.context().attached).toEqual(RECORDED);
    expect(h.context().caller).toEqual(CALLER);
    h.send({ type: 'FINISH', at: T0 + 50_000 });
    expect(h.step()).toBe('done');
    expect(h.save.inputs).toEqual([]);
    expect(h.finish.inputs).toEqual([]);
  });

  it('goes back to the step it was on, with the error, when the case cannot take the call', async () => {
    const h = createHarness();
    captureToReview(h, T0);
    h.send({ type: 'BACK', at: T0 });
    expect(h.step()).toBe('details');
    h.send({ type: 'ATTACH_TO_CASE', target: { ...OPEN_CASE, reason: 'duplicate_report' }, at: T0 + 1_000 });
    expect(h.contact.inputs[0]).toMatchObject({ reason: 'duplicate_report', caller: CALLER });
    h.contact.reject(CONTACT_FAILURE);
    await h.settle();
    expect(h.step()).toBe('details');
    expect(h.context().error).toBe('The call was not added to the case: case not found');
    expect(h.context().attachTo).toBeNull();
  });

  it('keeps the caller it had when recording on a case from caller history fails', async () => {
    const h = createHarness();
    h.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', at: T0 });
    h.send({ type: 'ATTACH_TO_CASE', target: { ...OPEN_CASE, reason: 'repeat_contact' }, caller: CALLER, at: T0 + 1_000 });
    expect(h.contact.inputs[0]).toMatchObject({ caller: CALLER });
    h.contact.reject(CONTACT_FAILURE);
    await h.settle();
    expect(h.step()).toBe('caller');
    expect(h.context().caller).toBeNull();
  });

  it('cannot record a call on a case before a channel is chosen', () => {
    const h = createHarness();
    h.send({ type: 'ATTACH_TO_CASE', target: { ...OPEN_CASE, reason: 'repeat_contact' }, at: T0 });
    expect(h.step()).toBe('channel');
  });

  it('links the chosen article to the case it saves, and forgets one taken back', async () => {
    const h = createHarness();
    advanceTo(h, 'details', T0);
    h.send({ type: 'CHOOSE_ARTICLE', article: { id: 'kb-collection-days', title: 'Collection days' }, at: T0 });
    expect(newCaseFromIntake(h.context()).article).toEqual({ id: 'kb-collection-days', title: 'Collection days' });
    h.send({ type: 'CHOOSE_ARTICLE', article: null, at: T0 });
    expect(newCaseFromIntake(h.context())).not.toHaveProperty('article');
  });
});
