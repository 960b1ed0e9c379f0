import type { ReportScope } from '../../../../shared/contract';

const HEADLINES = {
  team: 'Team figures from the server',
  desk: 'This desk only (offline)',
  own: 'Your own cases',
} as const satisfies Record<ReportScope['source'], string>;

const TONES = { team: 'ok', desk: 'warn', own: 'info' } as const satisfies Record<ReportScope['source'], string>;

/** Where the figures come from, said first and plainly: the team, this desk alone, or one's own cases. */
export function ScopeBanner({ scope }: { scope: ReportScope }) {
  return (
    <p className={`banner ${TONES[scope.source]} report-scope`} data-testid="report-source" data-source={scope.source}>
      <strong>{HEADLINES[scope.source]}</strong>
      <span aria-hidden> · </span>
      <span className="sr-only">: </span>
      {scope.note}
    </p>
  );
}
