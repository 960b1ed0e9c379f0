import type { MachinePolicyView } from '../../../../shared/contract';

/**
 * IT's machine policy could not be used: say so on every screen, with each problem by name, until
 * IT fixes the file. The desk keeps working, offline.
 */
export function PolicyBanner({ policy }: { policy: MachinePolicyView | null }) {
  if (!policy || (policy.status !== 'invalid' && policy.problems.length === 0)) return null;
  return (
    <div role="alert" className="banner warn policy-banner">
      <strong>IT’s machine policy {policy.status === 'invalid' ? 'cannot be used' : 'does not fit this desk'}</strong> ({policy.path}). This desk works
      offline, without syncing, until IT corrects it:
      <ul>
        {policy.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
