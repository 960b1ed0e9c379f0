import {
  consoleApi,
  describeIssues,
  isOperationName,
  issuesFromZod,
  type ApiResult,
  type AsyncOperationName,
  type OperationName,
  type OperationOutput,
  type ParsedInput,
} from '../../shared/contract';
import { addNote, createCase, transitionCase, updateCase, wrapUpCase } from './cases/case-writes';
import { getCase, listCases, searchCases } from './cases/case-reads';
import type { WritableDb } from './db/connection';
import type { CoreDeps, DeskState } from './desk-session';
import { createAgent, deskInfo, signIn, signOut } from './agents/agents';
import { findCallers } from './cases/caller-lookup';
import { addContact } from './cases/case-links';
import { discardDraft, restoreDraft, saveDraft } from './drafts/drafts';
import { DomainError } from './errors';
import { createSyncHandlers } from './sync/sync-operations';
import { createReportHandlers } from './reports/report-operations';
import { createKbHandlers } from './kb/kb-operations';
import { createAddressHandlers } from './addresses/address-operations';
import { createDuplicateHandlers } from './duplicates/duplicate-operations';
import { lockConsole, passwordVerifierOf, unlockConsole } from './agents/console-lock';
import { machinePolicyView, NO_POLICY } from './policy/desk-policy';

/** One handler per operation: those the table marks async (they wait on the network) return a promise. */
export type ConsoleHandlers = {
  [K in OperationName]: (input: ParsedInput<K>) => K extends AsyncOperationName ? Promise<OperationOutput<K>> : OperationOutput<K>;
};

/** The desk with its signed-in agent; refuses, as a value the console can show, when nobody is. */
function signedIn(state: DeskState): CoreDeps {
  const { agent } = state.session;
  if (!agent) throw new DomainError('not_signed_in', 'Sign in at this desk first');
  return { session: { ...state.session, agent }, catalog: state.catalog, now: state.now };
}

/** The one implementation of the console API, over the desk database. */
export function createConsoleHandlers(db: WritableDb, state: DeskState): ConsoleHandlers {
  const agent = () => signedIn(state);
  return {
    deskInfo: () => deskInfo(db, state),
    createAgent: (input) => createAgent(db, state, input),
    signIn: (input) => {
      // Picking a profile is for local profiles: a city account proves its password (signInWithPassword),
      // or signing out of a locked console and picking it again would walk past the lock.
      if (passwordVerifierOf(db, input.agentId) !== null) {
        throw new DomainError('unauthorized', 'This is a city account: sign in with its username and password', [
          { field: 'agentId', message: 'is a city account: sign in with its username and password' },
        ]);
      }
      signIn(db, state, input.agentId);
      return deskInfo(db, state);
    },
    signOut: () => {
      signOut(db, state);
      return deskInfo(db, state);
    },
    findCallers: (input) => {
      agent();
      return { callers: findCallers(db, input.query) };
    },
    catalog: () => state.catalog,
    createCase: (input) => createCase(db, agent(), input),
    getCase: (input) => getCase(db, agent(), input.id),
    updateCase: (input) => updateCase(db, agent(), input),
    transitionCase: (input) => transitionCase(db, agent(), input),
    addNote: (input) => addNote(db, agent(), input),
    addContact: (input) => addContact(db, agent(), input),
    wrapUpCase: (input) => wrapUpCase(db, agent(), input),
    searchCases: (input) => {
      agent();
      return { items: searchCases(db, input.query, input.limit) };
    },
    listCases: (input) => {
      agent();
      return listCases(db, input);
    },
    saveDraft: (input) => saveDraft(db, agent(), input),
    restoreDraft: () => restoreDraft(db, agent()),
    discardDraft: (input) => discardDraft(db, agent(), input),
    ...createSyncHandlers(db, state),
    ...createReportHandlers(db, state),
    ...createKbHandlers(db, state),
    ...createAddressHandlers(db, state),
    ...createDuplicateHandlers(db, state),
    machinePolicy: () => machinePolicyView(state.policy ?? NO_POLICY),
    lockConsole: () => {
      lockConsole(db, state);
      return deskInfo(db, state);
    },
    unlockConsole: async (input) => {
      await unlockConsole(db, state, input.password);
      return deskInfo(db, state);
    },
  };
}

/**
 * What a caller gets back: a promise for the operations the table marks async, the answer itself
 * for the rest. A name the compiler cannot see (a bridge's, taken from a request) is typed as the
 * answer itself, so bridges must await whatever comes back — the host and the IPC handlers do.
 */
export type CallResult<N extends string> = N extends AsyncOperationName ? Promise<ApiResult<unknown>> : ApiResult<unknown>;
export type CallOperation = <N extends string>(name: N, rawInput: unknown) => CallResult<N>;

export interface CallOperationOptions {
  log?: (message: string, error: unknown) => void;
  /** Told after every write that succeeded, so background sync can push it soon. */
  afterWrite?: (name: OperationName) => void;
  /** Runs before each handler and may refuse with a DomainError (the idle lock does). */
  guard?: (name: OperationName) => void;
}

/**
 * The boundary every bridge goes through: parse the input with the contract's schema, run the
 * handler, check the output. Bad input comes back as `invalid_input` naming each field, before any
 * write; a refusal from the domain keeps its code; anything unexpected is `internal`.
 */
export function createCallOperation(handlers: ConsoleHandlers, options: CallOperationOptions | CallOperationOptions['log'] = {}): CallOperation {
  const { log = () => {}, afterWrite, guard } = typeof options === 'function' ? { log: options } : options;
  const answer = (name: OperationName, output: unknown): ApiResult<unknown> => {
    const checked = consoleApi[name].output.safeParse(output);
    if (!checked.success) {
      log(`${name} produced output outside its contract`, checked.error);
      return { ok: false, error: { code: 'internal', message: `${name}: the desk produced a malformed answer (${describeIssues(issuesFromZod(checked.error))})`, issues: [] } };
    }
    if (consoleApi[name].writes) afterWrite?.(name);
    return { ok: true, value: checked.data };
  };
  const refusal = (name: OperationName, error: unknown): ApiResult<unknown> => {
    if (error instanceof DomainError) return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
    log(`${name} failed`, error);
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${error instanceof Error ? error.message : String(error)}`, issues: [] } };
  };
  const call = (name: string, rawInput: unknown): ApiResult<unknown> | Promise<ApiResult<unknown>> => {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `There is no operation named '${name}'`, issues: [] } };
    }
    const operation = consoleApi[name];
    const later = (result: ApiResult<unknown>) => (operation.async ? Promise.resolve(result) : result);
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return later({ ok: false, error: { code: 'invalid_input', message: `${name}: ${describeIssues(issues)}`, issues } });
    }
    try {
      guard?.(name);
      const handler = handlers[name] as (input: unknown) => unknown;
      const output = handler(parsed.data);
      if (operation.async) {
        return Promise.resolve(output).then(
          (value) => answer(name, value),
          (error: unknown) => refusal(name, error),
        );
      }
      return answer(name, output);
    } catch (error) {
      return later(refusal(name, error));
    }
  };
  // The table's async flag decides, at run time, exactly what CallResult<N> says at compile time.
  return call as CallOperation;
}
