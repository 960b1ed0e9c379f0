import { useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { Keys } from '../../components/Kbd';

/** "Add note": Ctrl+Enter or the button sends it; the text stays if the desk refuses it. */
export function NoteForm({ onAdd }: { onAdd: (body: string) => Promise<string | null> }) {
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (sending) return;
    if (body.trim() === '') {
      setProblem('Write the note first.');
      return;
    }
    setSending(true);
    const refusal = await onAdd(body.trim());
    setSending(false);
    setProblem(refusal);
    if (refusal === null) setBody('');
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form
      className="stack note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <textarea
          aria-label="New note"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'case-note-problem' : undefined}
          placeholder="What was said or done: callbacks, findings, follow-ups"
          value={body}
          maxLength={10_000}
          onChange={(event) => {
            setBody(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKey}
        />
        {problem && (
          <span id="case-note-problem" className="error" role="alert">
            {problem}
          </span>
        )}
      </div>
      <div className="row">
        <Button type="submit" className="btn" isDisabled={sending} aria-label="Add note">
          Add note <Keys combo="Ctrl+Enter" />
        </Button>
      </div>
    </form>
  );
}
