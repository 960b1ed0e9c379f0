/**
 * When a downloaded update may restart CivicDesk. An update never restarts the app while an
 * interaction is in progress: the specialist would lose the caller's screen mid-sentence.
 *
 * - 'install-now': no intake in progress, so the desk is between calls (after wrap-up or before
 *   the next one): quit, install silently and start again.
 * - 'wait': an intake is in progress (or nothing is downloaded yet): ask again later, at the latest
 *   when the intake ends.
 * - 'at-quit': the app is already quitting; electron-updater's autoInstallOnAppQuit installs the
 *   update as it exits, and the next start runs the new version.
 */
export type ApplyDecision = 'install-now' | 'wait' | 'at-quit';

export function applyDecision(state: { downloaded: boolean; intakeInProgress: boolean; quitting: boolean }): ApplyDecision {
  if (state.quitting) return 'at-quit';
  if (!state.downloaded || state.intakeInProgress) return 'wait';
  return 'install-now';
}
