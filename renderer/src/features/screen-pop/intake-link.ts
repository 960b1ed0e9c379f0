import { createContext, useContext, useEffect } from 'react';
import type { IntakeStep, PoppedCall } from '../../../../shared/workflow';
import type { IntakeSend } from '../intake/use-intake';
import type { WaitingPop } from './pop-queue';

/**
 * What the intake screen shares with the interaction it hosts (IntakeScreen provides it): the pop
 * waiting to start, and back up, whether an interaction is in progress and what was popped for it.
 */
export interface ScreenPopLink {
  next: WaitingPop | null;
  /** The interaction started `waiting`. */
  take(waiting: WaitingPop): void;
  /** The interaction's state: idle means on the channel step, with nothing in progress. */
  report(idle: boolean, popped: PoppedCall | null): void;
  /** What the phone system said about the interaction on screen, for the caller step. */
  popped: PoppedCall | null;
}

export const ScreenPopLinkContext = createContext<ScreenPopLink>({ next: null, take: () => {}, report: () => {}, popped: null });

export const useScreenPopLink = (): ScreenPopLink => useContext(ScreenPopLinkContext);

/**
 * Inside an interaction (useIntake): reports its state, and starts an armed pop the moment it is
 * idle, on the pop's channel with its facts in the machine's context (so they survive a crash).
 */
export function useScreenPopSession(step: IntakeStep, popped: PoppedCall | undefined, send: IntakeSend): void {
  const { next, take, report } = useScreenPopLink();
  useEffect(() => report(step === 'channel', popped ?? null), [step, popped, report]);
  useEffect(() => {
    if (step !== 'channel' || !next?.armed) return;
    const { channel, ...screenPop } = next.pop;
    send({ type: 'CHOOSE_CHANNEL', channel, screenPop });
    take(next);
  }, [step, next, send, take]);
}
