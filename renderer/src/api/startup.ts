import type { OperationInput, OperationOutput } from '../../../shared/contract';
import { request } from './api';

type StartupOperation = 'deskInfo' | 'restoreDraft';

const deskInfo = request('deskInfo', {});
/**
 * Asked for as the bundle loads, before React's first render: the draft is asked for the moment the
 * desk says who is signed in, while React is still drawing the first screen, instead of after it.
 */
const early: { [K in StartupOperation]?: Promise<OperationOutput<K>> } = {
  deskInfo,
  restoreDraft: deskInfo.then((desk) => (desk.agent ? request('restoreDraft', {}) : Promise.reject(new Error('nobody is signed in yet')))),
};
// Consumed later; a refusal now (nobody signed in yet) must not count as an unhandled rejection.
for (const answer of Object.values(early)) answer.catch(() => undefined);

/** The early answer the first time it is asked for (asking again if that one failed), a fresh one after. */
export function firstAnswer<K extends StartupOperation>(name: K): Promise<OperationOutput<K>> {
  const answer = early[name] as Promise<OperationOutput<K>> | undefined;
  delete early[name];
  const ask = () => request(name, {} as OperationInput<K>);
  return answer ? answer.catch(ask) : ask();
}
