import { z } from 'zod';

export const CHANNELS = ['phone', 'walk_in', 'chat'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * information — answered from knowledge; service_request — routed to a department;
 * feedback — a complaint or a compliment; transfer — put through to another agency or department.
 */
export const CASE_KINDS = ['information', 'service_request', 'feedback', 'transfer'] as const;
export const CaseKindSchema = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKindSchema>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const CASE_STATUSES = ['new', 'open', 'in_progress', 'resolved', 'closed', 'cancelled'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/**
 * Rank of each status inside one epoch. Concurrent status changes from two desks resolve to the
 * highest (epoch, rank) pair everywhere; a reopen starts a new epoch, so it beats the old closure.
 */
export const STATUS_RANK = {
  new: 0,
  open: 1,
  in_progress: 2,
  resolved: 3,
  closed: 4,
  cancelled: 5,
} as const satisfies Record<CaseStatus, number>;

export const ROLES = ['specialist', 'lead', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** How the interaction ended, chosen at wrap-up. */
export const DISPOSITIONS = [
  'answered',
  'service_request_logged',
  'transferred',
  'callback_needed',
  'escalated_to_lead',
  'caller_disconnected',
  'no_action_needed',
] as const;
export const DispositionSchema = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof DispositionSchema>;

/** Dispositions that count as resolved on first contact in reports. */
export const FIRST_CONTACT_DISPOSITIONS: readonly Disposition[] = ['answered', 'service_request_logged', 'transferred', 'no_action_needed'];

export const CANCEL_REASONS = ['caller_hung_up', 'wrong_number', 'duplicate', 'test_call', 'other'] as const;
export const CancelReasonSchema = z.enum(CANCEL_REASONS);
export type CancelReason = z.infer<typeof CancelReasonSchema>;
