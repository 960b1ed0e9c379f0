import { useRef, useState, type KeyboardEvent } from 'react';
import { Button, Dialog, FieldError, Heading, Label, Modal, ModalOverlay, Text, TextArea, TextField } from 'react-aria-components';
import type { StatusEvent } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain';
import { Keys } from '../../components/Kbd';

type EventType = StatusEvent['type'];

interface Ask {
  title: string;
  field: string;
  hint: string;
  confirm: string;
}

const ACTIONS = {
  OPEN: { name: 'Open', shown: 'Open', ask: null },
  START_WORK: { name: 'Start work', shown: 'Start work', ask: null },
  RESOLVE: {
    name: 'Resolve',
    shown: 'Resolve…',
    ask: { title: 'Resolve case', field: 'Resolution note', hint: 'What was done for the caller; it is kept on the case.', confirm: 'Confirm resolve' },
  },
  CLOSE: { name: 'Close', shown: 'Close', ask: null },
  REOPEN: {
    name: 'Reopen',
    shown: 'Reopen…',
    ask: { title: 'Reopen case', field: 'Reason', hint: 'Why the case needs more work.', confirm: 'Confirm reopen' },
  },
  CANCEL: {
    name: 'Cancel case',
    shown: 'Cancel case…',
    ask: { title: 'Cancel case', field: 'Reason', hint: 'For example: duplicate of another case, test call, wrong number.', confirm: 'Confirm cancel' },
  },
} as const satisfies Record<EventType, { name: string; shown: string; ask: Ask | null }>;

const ORDER: readonly EventType[] = ['OPEN', 'START_WORK', 'RESOLVE', 'CLOSE', 'REOPEN', 'CANCEL'];

function eventOf(type: EventType, text: string): StatusEvent {
  switch (type) {
    case 'RESOLVE':
      return { type, note: text };
    case 'REOPEN':
    case 'CANCEL':
      return { type, reason: text };
    default:
      return { type };
  }
}

interface Props {
  allowed: readonly EventType[];
  role: Role;
  /** Sends the event; resolves once the desk has answered (a refusal is shown by the caller). */
  onSend: (event: StatusEvent) => Promise<void>;
}

/** The status changes the lifecycle allows this agent now; the ones that need words ask for them first. */
export function StatusActions({ allowed, role, onSend }: Props) {
  const [asking, setAsking] = useState<EventType | null>(null);
  const [text, setText] = useState('');
  const [blank, setBlank] = useState(false);
  const [sending, setSending] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const send = async (type: EventType, words = '') => {
    setSending(true);
    try {
      await onSend(eventOf(type, words.trim()));
    } finally {
      setSending(false);
      setAsking(null);
    }
  };
  const start = (type: EventType) => {
    if (ACTIONS[type].ask === null) {
      void send(type);
      return;
    }
    setText('');
    setBlank(false);
    setAsking(type);
  };
  const confirm = () => {
    if (asking === null) return;
    if (text.trim() === '') {
      setBlank(true);
      textRef.current?.focus();
    } else {
      void send(asking, text);
    }
  };
  const edit = (next: string) => {
    setText(next);
    setBlank(false);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      confirm();
    }
  };

  const offered = ORDER.filter((type) => allowed.includes(type));
  const ask = asking === null ? null : ACTIONS[asking].ask;
  return (
    <>
      {offered.length === 0 ? (
        <p className="muted">No status change is open to a {role} at this point.</p>
      ) : (
        <div className="row status-actions">
          {offered.map((type) => (
            <Button
              key={type}
              aria-label={ACTIONS[type].name}
              className={`btn${type === 'CANCEL' ? ' danger' : type === offered[0] ? ' primary' : ''}`}
              isDisabled={sending}
              onPress={() => start(type)}
            >
              {ACTIONS[type].shown}
            </Button>
          ))}
        </div>
      )}
      <ModalOverlay className="modal-overlay" isOpen={ask !== null} onOpenChange={(open) => !open && !sending && setAsking(null)} isDismissable>
        <Modal className="modal status-dialog">
          <Dialog className="stack">
            {ask && (
              <>
                <Heading slot="title">{ask.title}</Heading>
                <TextField className="field" value={text} onChange={edit} isRequired isInvalid={blank} autoFocus>
                  <Label className="required">{ask.field}</Label>
                  <TextArea ref={textRef} onKeyDown={onKey} />
                  <Text slot="description" className="hint">
                    {ask.hint}
                  </Text>
                  <FieldError className="error">Write a {ask.field.toLowerCase()} before you confirm.</FieldError>
                </TextField>
                <div className="row dialog-buttons">
                  <Button className="btn" slot="close" isDisabled={sending} aria-label="Dismiss">
                    Dismiss <Keys combo="Esc" />
                  </Button>
                  <Button className={`btn ${asking === 'CANCEL' ? 'danger' : 'primary'}`} onPress={confirm} isDisabled={sending} aria-label={ask.confirm}>
                    {ask.confirm} <Keys combo="Ctrl+Enter" />
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
