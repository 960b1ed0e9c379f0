import {
  consoleApi,
  describeIssues,
  isOperationName,
  issuesFromZod,
  type ApiResult,
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
import { discardDraft, restoreDraft, saveDraft } from './drafts/drafts';
import { DomainError } from './errors';

export type ConsoleHandlers = { [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> };

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
  };
}

export type CallOperation = (name: string, rawInput: unknown) => ApiResult<unknown>;

/**
 * The boundary every bridge goes through: parse the input with the contract's schema, run the
 * handler, check the output. Bad input comes back as `invalid_input` naming each field, before any
 * write; a refusal from the domain keeps its code; anything unexpected is `internal`.
 */
export function createCallOperation(handlers: ConsoleHandlers, log: (message: string, error: unknown) => void = () => {}): CallOperation {
  return (name, rawInput) => {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `There is no operation named '${name}'`, issues: [] } };
    }
    const operation = consoleApi[name];
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: `${name}: ${describeIssues(issues)}`, issues } };
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const output = operation.output.safeParse(handler(parsed.data));
      if (!output.success) {
        log(`${name} produced output outside its contract`, output.error);
        return { ok: false, error: { code: 'internal', message: `${name}: the desk produced a malformed answer (${describeIssues(issuesFromZod(output.error))})`, issues: [] } };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
      log(`${name} failed`, error);
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${error instanceof Error ? error.message : String(error)}`, issues: [] } };
    }
  };
}
