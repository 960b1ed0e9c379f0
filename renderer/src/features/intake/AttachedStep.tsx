import { useEffect, useRef } from 'react';
import type { IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';

/** The call was recorded on an existing case: its reference to read back, and how many callers it now has. */
export function AttachedStep({ context, attaching }: { context: IntakeContext; attaching: boolean }) {
  const heading = useRef<HTMLParagraphElement>(null);
  const attached = context.attached;
  const reference = attached?.reference ?? context.attachTo?.reference ?? '';
  useEffect(() => {
    if (!attaching) heading.current?.focus();
  }, [attaching]);
  const why = context.attachTo?.reason === 'duplicate_report' ? 'the same problem, already reported' : 'the caller’s open case';
  return (
    <div className="stack saved" aria-busy={attaching}>
      <p className="muted">{attaching ? `Adding this call to ${why}…` : `Added to ${why}. Read the reference number to the caller:`}</p>
      <p ref={heading} tabIndex={-1} className="reference mono" data-testid="attached-reference" aria-label={`Reference ${reference.split('').join(' ')}`}>
        {reference}
      </p>
      {attached && (
        <p role="status">
          {attached.callerCount} caller{attached.callerCount === 1 ? '' : 's'} on this case now. No new case was opened.
        </p>
      )}
      {!attaching && (
        <p className="muted">
          When the call ends: <Keys combo="Ctrl+Enter" /> finish
        </p>
      )}
    </div>
  );
}
