import { useEffect, useRef, useState } from 'react';
import type { IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';
import { DISPOSITION_LABELS } from '../../components/labels';
import { useShortcuts } from '../../components/use-shortcuts';
import { USUAL_DISPOSITION } from './WrapUpStep';

/** The reference, large, to read back to the caller before they hang up. */
export function SavedStep({ context, active }: { context: IntakeContext; active: boolean }) {
  const reference = context.saved?.reference ?? '';
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = () => {
    navigator.clipboard?.writeText(reference).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  useShortcuts({ 'Alt+C': copy }, active);
  return (
    <div className="stack saved">
      <p className="muted">Saved. Read the reference number to the caller:</p>
      <p ref={heading} tabIndex={-1} className="reference mono" data-testid="saved-reference" aria-label={`Reference ${reference.split('').join(' ')}`}>
        {reference}
      </p>
      <div className="row">
        <button type="button" className="btn" onClick={copy}>
          {copied ? 'Copied' : 'Copy reference'} <Keys combo="Alt+C" />
        </button>
        <span className="muted">
          When the call ends: <Keys combo="Ctrl+Enter" /> wrap-up, or <Keys combo="Ctrl+Shift+Enter" /> finish as{' '}
          {DISPOSITION_LABELS[USUAL_DISPOSITION[context.kind ?? 'information']].toLowerCase()}
        </span>
      </div>
    </div>
  );
}
