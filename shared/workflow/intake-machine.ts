import { assign, fromPromise, setup } from 'xstate';
import type {
  Answers,
  AnswerValue,
  CancelReason,
  CaseKind,
  Channel,
  ContactReason,
  ContactRecorded,
  NewContact,
  Disposition,
  FieldIssue,
  Location,
  NewCase,
  Priority,
  ServiceType,
  WrapUp,
} from '../domain';
import { validateDetails } from '../domain';
import type { Caller } from '../domain/case';
import type { ScreenPop } from '../domain/screen-pop';
import { handleTimeAt, stoppedClock, switchSegment, type HandleTimeClock } from './handle-time';

/** Bump when a change to states or context would misread a draft persisted by an older build. */
export const INTAKE_MACHINE_VERSION = 1;

export interface IntakeInput {
  /** Minted when the interaction starts; becomes the case id, so a retried save is idempotent. */
  interactionId: string;
}

export interface SavedCase {
  caseId: string;
  reference: string;
}

export interface IntakeContext {
  interactionId: string;
  channel: Channel | null;
  caller: Caller | null;
  kind: CaseKind | null;
  serviceType: ServiceType | null;
  answers: Answers;
  location: Location | null;
  description: string;
  priority: Priority | null;
  /** Inline messages from the last attempt to leave the details step. */
  issues: FieldIssue[];
  saved: SavedCase | null;
  /** The last failure of a save or wrap-up write, shown to the specialist; cleared on retry. */
  error: string | null;
  disposition: Disposition | null;
  wrapUpNote: string;
  cancelReason: { reason: CancelReason; detail: string } | null;
  clock: HandleTimeClock;
  /** When FINISH was last pressed: the wrap-up's end, or where it resumes if the write fails. */
  finishRequestedAt: number | null;
  /**
   * What the phone system said about a call it popped (docs/screen-pop.md). Optional, not null: a
   * draft saved before screen-pops existed has no such field and restores unchanged.
   */
  screenPop?: PoppedCall;
  /** Optional for the same reason: the article chosen while answering, linked to the case when it is saved. */
  article?: ChosenArticle | null;
  /** The existing case being recorded on (attaching), then what was recorded (attached). */
  attachTo?: AttachTarget | null;
  attached?: ContactRecorded | null;
  attachRequestedAt?: number | null;
}

/** The knowledge-base article the specialist answered from. */
export interface ChosenArticle {
  id: string;
  title: string;
}

/** An existing case this interaction is recorded on instead of a new one (a repeat caller, a duplicate report). */
export interface AttachTarget {
  caseId: string;
  reference: string;
  reason: ContactReason;
  /** The caller as found in caller history; becomes the interaction's caller once the call is recorded. */
  caller?: Extract<Caller, { anonymous: false }>;
}

/** A screen-pop's facts besides its channel. */
export type PoppedCall = Omit<ScreenPop, 'channel'>;

/** Every event carries the wall-clock time it happened, so the machine stays pure and replayable. */
type Timed<T> = T & { at: number };
export type IntakeEvent = Timed<
  | { type: 'CHOOSE_CHANNEL'; channel: Channel; screenPop?: PoppedCall }
  | { type: 'SELECT_CALLER'; caller: Extract<Caller, { anonymous: false }> }
  | { type: 'ANONYMOUS' }
  | { type: 'SET_KIND'; kind: CaseKind }
  | { type: 'SET_SERVICE_TYPE'; serviceType: ServiceType }
  | { type: 'SET_ANSWER'; code: string; value: AnswerValue | null }
  | { type: 'SET_LOCATION'; location: Location | null }
  | { type: 'SET_DESCRIPTION'; description: string }
  | { type: 'SET_PRIORITY'; priority: Priority }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SAVE' }
  | { type: 'HOLD' }
  | { type: 'RESUME' }
  | { type: 'END_CALL' }
  | { type: 'SET_DISPOSITION'; disposition: Disposition }
  | { type: 'SET_WRAP_UP_NOTE'; note: string }
  | { type: 'FINISH' }
  | { type: 'CANCEL'; reason: CancelReason; detail?: string }
  | { type: 'CHOOSE_ARTICLE'; article: ChosenArticle | null }
  | { type: 'ATTACH_TO_CASE'; target: AttachTarget; caller?: Extract<Caller, { anonymous: false }> }
>;

export function newCaseFromIntake(context: IntakeContext): NewCase {
  if (!context.channel || !context.caller || !context.kind || !context.serviceType) {
    throw new Error('newCaseFromIntake: the intake is not classified yet');
  }
  return {
    id: context.interactionId,
    channel: context.channel,
    kind: context.kind,
    serviceCode: context.serviceType.code,
    priority: context.priority ?? context.serviceType.defaultPriority,
    caller: context.caller,
    location: context.location,
    answers: context.answers,
    description: context.description,
    ...(context.article ? { article: context.article } : {}),
  };
}

export function contactFromIntake(context: IntakeContext, at: number): NewContact {
  if (!context.channel || !context.attachTo) throw new Error('contactFromIntake: nothing to attach to');
  return {
    id: context.interactionId,
    caseId: context.attachTo.caseId,
    channel: context.channel,
    caller: context.attachTo.caller ?? context.caller ?? { anonymous: true },
    reason: context.attachTo.reason,
    handleTime: handleTimeAt(context.clock, at),
  };
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const detailIssues = (context: IntakeContext): FieldIssue[] =>
  context.serviceType && context.kind ? validateDetails(context.serviceType, context.kind, context.answers, context.location) : [];

export const intakeMachine = setup({
  types: {
    context: {} as IntakeContext,
    events: {} as IntakeEvent,
    input: {} as IntakeInput,
  },
  actors: {
    /** Writes the case (createCase). Provided by the host; must be idempotent on the interaction id. */
    saveCase: fromPromise<SavedCase, NewCase>(async () => {
      throw new Error('saveCase was not provided to the intake machine');
    }),
    /** Records disposition, note and handle time on the saved case (wrapUpCase). Provided by the host. */
    finishInteraction: fromPromise<void, WrapUp>(async () => {
      throw new Error('finishInteraction was not provided to the intake machine');
    }),
    /** Records the interaction on an existing case (addContact). Provided by the host; idempotent on the interaction id. */
    recordContact: fromPromise<ContactRecorded, NewContact>(async () => {
      throw new Error('recordContact was not provided to the intake machine');
    }),
  },
  guards: {
    hasCaller: ({ context }) => context.caller !== null,
    isClassified: ({ context }) => context.kind !== null && context.serviceType !== null,
    detailsComplete: ({ context }) => detailIssues(context).length === 0,
    hasDisposition: ({ context }) => context.disposition !== null,
  },
  actions: {
    startTalkClock: assign({ clock: ({ context, event }) => switchSegment(context.clock, 'talk', event.at) }),
    startHoldClock: assign({ clock: ({ context, event }) => switchSegment(context.clock, 'hold', event.at) }),
    startWrapUpClock: assign({ clock: ({ context, event }) => switchSegment(context.clock, 'wrap_up', event.at) }),
    stopClock: assign({ clock: ({ context, event }) => switchSegment(context.clock, null, event.at) }),
    showDetailIssues: assign({ issues: ({ context }) => detailIssues(context) }),
    clearIssues: assign({ issues: [] }),
  },
}).createMachine({
  id: 'intake',
  context: ({ input }) => ({
    interactionId: input.interactionId,
    channel: null,
    caller: null,
    kind: null,
    serviceType: null,
    answers: {},
    location: null,
    description: '',
    priority: null,
    issues: [],
    saved: null,
    error: null,
    disposition: null,
    wrapUpNote: '',
    cancelReason: null,
    clock: stoppedClock(),
    finishRequestedAt: null,
  }),
  initial: 'active',
  states: {
    active: {
      type: 'parallel',
      states: {
        flow: {
          initial: 'capturing',
          states: {
            capturing: {
              initial: 'channel',
              on: {
                CHOOSE_ARTICLE: { actions: assign({ article: ({ event }) => event.article }) },
                ATTACH_TO_CASE: {
                  target: '#intake.active.flow.attaching',
                  guard: ({ context }) => context.channel !== null,
                  actions: assign(({ event }) => ({ attachTo: event.caller ? { ...event.target, caller: event.caller } : event.target, error: null, attachRequestedAt: event.at })),
                },
                CANCEL: {
                  target: '#intake.cancelled',
                  actions: [
                    'stopClock',
                    assign({ cancelReason: ({ event }) => ({ reason: event.reason, detail: event.detail ?? '' }) }),
                  ],
                },
              },
              states: {
                // Where a failed attach returns: the step the specialist was on.
                resume: { type: 'history' },
                channel: {
                  on: {
                    CHOOSE_CHANNEL: {
                      target: 'caller',
                      actions: [
                        assign(({ event }) => (event.screenPop ? { channel: event.channel, screenPop: event.screenPop } : { channel: event.channel })),
                        'startTalkClock',
                      ],
                    },
                  },
                },
                caller: {
                  on: {
                    SELECT_CALLER: { target: 'classify', actions: assign({ caller: ({ event }) => event.caller }) },
                    ANONYMOUS: { target: 'classify', actions: assign({ caller: { anonymous: true } }) },
                    NEXT: { target: 'classify', guard: 'hasCaller' },
                  },
                },
                classify: {
                  on: {
                    SET_KIND: { actions: assign({ kind: ({ event }) => event.kind }) },
                    SET_SERVICE_TYPE: {
                      actions: assign(({ context, event }) =>
                        context.serviceType?.code === event.serviceType.code
                          ? { serviceType: event.serviceType }
                          : { serviceType: event.serviceType, answers: {}, issues: [] },
                      ),
                    },
                    NEXT: { target: 'details', guard: 'isClassified' },
                    BACK: 'caller',
                  },
                },
                details: {
                  on: {
                    SET_ANSWER: {
                      actions: assign({
                        answers: ({ context, event }) => {
                          const { [event.code]: _previous, ...rest } = context.answers;
                          return event.value === null ? rest : { ...rest, [event.code]: event.value };
                        },
                      }),
                    },
                    SET_LOCATION: { actions: assign({ location: ({ event }) => event.location }) },
                    SET_DESCRIPTION: { actions: assign({ description: ({ event }) => event.description }) },
                    SET_PRIORITY: { actions: assign({ priority: ({ event }) => event.priority }) },
                    NEXT: [
                      { target: 'review', guard: 'detailsComplete', actions: 'clearIssues' },
                      { actions: 'showDetailIssues' },
                    ],
                    BACK: 'classify',
                  },
                },
                review: {
                  on: {
                    SAVE: { target: '#intake.active.flow.saving', actions: assign({ error: null }) },
                    BACK: 'details',
                  },
                },
              },
            },
            saving: {
              invoke: {
                src: 'saveCase',
                input: ({ context }) => newCaseFromIntake(context),
                onDone: { target: 'saved', actions: assign({ saved: ({ event }) => event.output }) },
                onError: {
                  target: 'capturing.review',
                  actions: assign({ error: ({ event }) => `The case was not saved: ${errorMessage(event.error)}` }),
                },
              },
            },
            saved: {
              on: {
                END_CALL: { target: '#intake.wrapUp', actions: 'startWrapUpClock' },
              },
            },
            // Recorded on an existing case: its handle time ends here, and there is no wrap-up of a case of its own.
            attaching: {
              invoke: {
                src: 'recordContact',
                input: ({ context }) => contactFromIntake(context, context.attachRequestedAt ?? 0),
                onDone: {
                  target: 'attached',
                  actions: assign(({ context, event }) => ({ attached: event.output, caller: context.attachTo?.caller ?? context.caller })),
                },
                onError: {
                  target: 'capturing.resume',
                  actions: assign({ attachTo: null, error: ({ event }) => `The call was not added to the case: ${errorMessage(event.error)}` }),
                },
              },
            },
            attached: {
              on: { FINISH: '#intake.done' },
            },
          },
        },
        line: {
          initial: 'connected',
          states: {
            connected: { on: { HOLD: { target: 'onHold', guard: ({ context }) => context.channel !== null, actions: 'startHoldClock' } } },
            onHold: { on: { RESUME: { target: 'connected', actions: 'startTalkClock' } } },
          },
        },
      },
    },
    wrapUp: {
      initial: 'editing',
      states: {
        editing: {
          on: {
            SET_DISPOSITION: { actions: assign({ disposition: ({ event }) => event.disposition }) },
            SET_WRAP_UP_NOTE: { actions: assign({ wrapUpNote: ({ event }) => event.note }) },
            FINISH: {
              target: 'finishing',
              guard: 'hasDisposition',
              actions: ['stopClock', assign({ error: null, finishRequestedAt: ({ event }) => event.at })],
            },
          },
        },
        finishing: {
          invoke: {
            src: 'finishInteraction',
            input: ({ context }) => ({
              caseId: context.saved!.caseId,
              disposition: context.disposition!,
              note: context.wrapUpNote,
              handleTime: handleTimeAt(context.clock, context.finishRequestedAt ?? 0),
            }),
            onDone: { target: '#intake.done' },
            onError: {
              target: 'editing',
              actions: assign({
                error: ({ event }) => `The wrap-up was not recorded: ${errorMessage(event.error)}`,
                // Wrap-up goes on from the moment FINISH was pressed: the time lost to the failure still counts.
                clock: ({ context }) => switchSegment(context.clock, 'wrap_up', context.finishRequestedAt ?? 0),
              }),
            },
          },
        },
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type IntakeMachine = typeof intakeMachine;
