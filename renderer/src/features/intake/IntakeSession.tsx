import { useEffect, useState } from 'react';
import type { Snapshot } from 'xstate';
import { Keys } from '../../components/Kbd';
import { useShortcuts } from '../../components/use-shortcuts';
import { CallerStep } from './CallerStep';
import { CancelDialog } from './CancelDialog';
import { ChannelStep } from './ChannelStep';
import { ClassifyStep } from './ClassifyStep';
import { DetailsStep } from './DetailsStep';
import { HandleTimePanel } from './HandleTimePanel';
import { ReviewStep } from './ReviewStep';
import { AttachedStep } from './AttachedStep';
import { SavedStep } from './SavedStep';
import { StepTrail } from './StepTrail';
import { useIntake } from './use-intake';
import { USUAL_DISPOSITION, WrapUpStep } from './WrapUpStep';

interface Props {
  interactionId: string;
  restored: Snapshot<unknown> | undefined;
  restoredAt: string | undefined;
  lastReference: string | null;
  active: boolean;
  onEnded: (reference: string | null) => void;
  onSaved: () => void;
}

const ADVANCE: Partial<Record<string, 'NEXT' | 'SAVE' | 'END_CALL' | 'FINISH'>> = {
  caller: 'NEXT',
  classify: 'NEXT',
  details: 'NEXT',
  review: 'SAVE',
  saved: 'END_CALL',
  wrap_up: 'FINISH',
  attached: 'FINISH',
};

export function IntakeSession(props: Props) {
  const intake = useIntake(props.interactionId, props.restored, props.onEnded);
  const { step, send, context, onHold } = intake;
  const [cancelling, setCancelling] = useState(false);
  const inCall = step !== 'channel' && step !== 'done' && step !== 'cancelled';
  const canCancel = ['caller', 'classify', 'details', 'review'].includes(step);

  const { onSaved } = props;
  useEffect(() => {
    if (step === 'saved' || step === 'attached') onSaved();
  }, [step, onSaved]);

  useShortcuts(
    {
      'Ctrl+Enter': () => {
        const event = ADVANCE[step];
        if (event) send({ type: event });
      },
      // A routine call whose usual disposition is right: end the call and finish in one chord.
      'Ctrl+Shift+Enter': () => {
        if (step !== 'saved') return;
        send({ type: 'END_CALL' });
        send({ type: 'SET_DISPOSITION', disposition: USUAL_DISPOSITION[context.kind ?? 'information'] });
        send({ type: 'FINISH' });
      },
      'Alt+B': () => send({ type: 'BACK' }),
      'Alt+H': () => inCall && send({ type: onHold ? 'RESUME' : 'HOLD' }),
      'Alt+X': () => canCancel && setCancelling(true),
    },
    props.active && !cancelling,
  );

  return (
    <div className="intake">
      <section className="intake-main" aria-labelledby="intake-title">
        <div className="row intake-top">
          <h1 id="intake-title">{inCall ? 'Interaction in progress' : 'New interaction'}</h1>
          <StepTrail step={step} />
        </div>
        {props.restoredAt && step !== 'channel' && (
          <div className="banner info" role="status">
            Restored the interaction in progress, as it was at {new Date(props.restoredAt).toLocaleTimeString('en-CA', { hour: 'numeric', minute: '2-digit', hour12: false })}.
          </div>
        )}
        {context.error && (step === 'caller' || step === 'classify' || step === 'details') && (
          <div className="banner error" role="alert">
            {context.error}
          </div>
        )}
        {step === 'channel' && <ChannelStep active={props.active} send={send} lastReference={props.lastReference} />}
        {step === 'caller' && <CallerStep send={send} active={props.active} />}
        {step === 'classify' && <ClassifyStep send={send} context={context} active={props.active} />}
        {step === 'details' && <DetailsStep send={send} context={context} />}
        {(step === 'review' || step === 'saving') && <ReviewStep send={send} context={context} saving={step === 'saving'} />}
        {step === 'saved' && <SavedStep context={context} active={props.active} />}
        {(step === 'attaching' || step === 'attached') && <AttachedStep context={context} attaching={step === 'attaching'} />}
        {(step === 'wrap_up' || step === 'finishing') && <WrapUpStep send={send} context={context} finishing={step === 'finishing'} />}
        {canCancel && (
          <p className="muted intake-cancel">
            Caller gone or wrong number? <button type="button" className="linkish" onClick={() => setCancelling(true)}>Cancel interaction</button> <Keys combo="Alt+X" />
          </p>
        )}
      </section>
      {inCall && <HandleTimePanel context={context} onHold={onHold} onToggleHold={() => send({ type: onHold ? 'RESUME' : 'HOLD' })} />}
      <CancelDialog
        isOpen={cancelling}
        onClose={() => setCancelling(false)}
        onConfirm={(reason, detail) => {
          setCancelling(false);
          send({ type: 'CANCEL', reason, detail });
        }}
      />
    </div>
  );
}
