import type { CaseStatus, Disposition, Priority } from '../../../shared/domain';

/** Words for the codes people see, shared by every screen. */
export const STATUS_LABELS = {
  new: 'New',
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
} as const satisfies Record<CaseStatus, string>;

/** The channel and kind names reports use too: one list, in shared/domain. */
export { CHANNEL_LABELS, KIND_LABELS } from '../../../shared/domain/reports/labels';

export const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const satisfies Record<Priority, string>;

export const DISPOSITION_LABELS = {
  answered: 'Answered',
  service_request_logged: 'Service request logged',
  transferred: 'Transferred',
  callback_needed: 'Callback needed',
  escalated_to_lead: 'Escalated to lead',
  caller_disconnected: 'Caller disconnected',
  no_action_needed: 'No action needed',
} as const satisfies Record<Disposition, string>;

/** `in_progress` → "In progress", for codes without a label of their own. */
export const humanize = (code: string): string => {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
