import type { IntakeStep } from '../../../../shared/workflow';

const TRAIL: { step: IntakeStep; label: string; includes: IntakeStep[] }[] = [
  { step: 'channel', label: 'Channel', includes: ['channel'] },
  { step: 'caller', label: 'Caller', includes: ['caller'] },
  { step: 'classify', label: 'Type', includes: ['classify'] },
  { step: 'details', label: 'Details', includes: ['details'] },
  { step: 'review', label: 'Review', includes: ['review', 'saving'] },
  { step: 'saved', label: 'Reference', includes: ['saved', 'attaching', 'attached'] },
  { step: 'wrap_up', label: 'Wrap-up', includes: ['wrap_up', 'finishing'] },
];

export function StepTrail({ step }: { step: IntakeStep }) {
  const current = TRAIL.findIndex((t) => t.includes.includes(step));
  return (
    <ol className="trail" aria-label="Interaction steps">
      {TRAIL.map((t, i) => (
        <li key={t.step} aria-current={i === current ? 'step' : undefined} className={i < current ? 'done' : i === current ? 'current' : ''}>
          {t.label}
        </li>
      ))}
    </ol>
  );
}
