import {
  CallerSchema,
  CaseKindSchema,
  CaseStatusSchema,
  ChannelSchema,
  DispositionSchema,
  HandleTimeSchema,
  LocationSchema,
  PrioritySchema,
  type AnswerValue,
  type Caller,
  type HandleTime,
  type Location,
  type Question,
} from '../../../../shared/domain';
import { formatDateTime, formatDuration } from './format';
import { CHANNEL_LABELS, DISPOSITION_LABELS, KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS, humanize } from '../../components/labels';

export function describeCaller(caller: Caller): string {
  if (caller.anonymous) return 'Anonymous';
  return [caller.name, caller.phone, caller.email].filter(Boolean).join(' · ');
}

export function describeLocation(location: Location | null): string | null {
  if (!location) return null;
  // Text without an address id was typed, not taken from the city's address list: say so, for the department.
  const typed = location.addressText && !location.addressId ? `${location.addressText} (not in the city's address list)` : location.addressText;
  const parts = [typed, location.addressId && !location.addressText ? `Address ${location.addressId}` : undefined];
  if (location.lat !== undefined && location.lng !== undefined) parts.push(`${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}`);
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}

export const describeHandleTime = (t: HandleTime): string =>
  `Talk ${formatDuration(t.talkMs)} · Hold ${formatDuration(t.holdMs)} · Wrap-up ${formatDuration(t.wrapUpMs)}`;

/** An answer as the caller gave it: list keys by their value names, dates in local time. */
export function describeAnswer(question: Question | undefined, value: AnswerValue | undefined): string | null {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const nameOf = (key: string) => question?.values?.find((v) => v.key === key)?.name ?? key;
  if (Array.isArray(value)) return value.map(nameOf).join(', ');
  if (typeof value === 'number') return value.toLocaleString();
  if (question?.datatype === 'datetime') return formatDateTime(value);
  return question?.values ? nameOf(value) : value;
}

export const FIELD_LABELS: Record<string, string> = {
  reference: 'Reference',
  kind: 'Kind',
  channel: 'Channel',
  serviceCode: 'Service type',
  departmentCode: 'Department',
  priority: 'Priority',
  status: 'Status',
  caller: 'Caller',
  location: 'Location',
  answers: 'Answers',
  description: 'Description',
  disposition: 'Disposition',
  wrapUpNote: 'Wrap-up note',
  resolutionNote: 'Resolution note',
  handleTime: 'Handle time',
  resolvedAt: 'Resolved',
  closedAt: 'Closed',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? humanize(field);

export interface Names {
  serviceName: (code: string) => string;
  departmentName: (code: string) => string;
}

/** How an empty value reads in the timeline. */
export const NOTHING = '—';

/** One value from an audit record (`before`/`after`), which the desk stores as plain JSON. */
export function describeValue(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return NOTHING;
  switch (field) {
    case 'kind':
      return labelOr(CaseKindSchema.safeParse(value).data, KIND_LABELS, value);
    case 'channel':
      return labelOr(ChannelSchema.safeParse(value).data, CHANNEL_LABELS, value);
    case 'priority':
      return labelOr(PrioritySchema.safeParse(value).data, PRIORITY_LABELS, value);
    case 'status':
      return labelOr(CaseStatusSchema.safeParse(value).data, STATUS_LABELS, value);
    case 'disposition':
      return labelOr(DispositionSchema.safeParse(value).data, DISPOSITION_LABELS, value);
    case 'serviceCode':
      return typeof value === 'string' ? names.serviceName(value) : json(value);
    case 'departmentCode':
      return typeof value === 'string' ? names.departmentName(value) : json(value);
    case 'handleTime': {
      const parsed = HandleTimeSchema.safeParse(value);
      return parsed.success ? describeHandleTime(parsed.data) : json(value);
    }
    case 'caller': {
      const parsed = CallerSchema.safeParse(value);
      return parsed.success ? describeCaller(parsed.data) : json(value);
    }
    case 'location': {
      const parsed = LocationSchema.safeParse(value);
      return parsed.success ? (describeLocation(parsed.data) ?? NOTHING) : json(value);
    }
    case 'createdAt':
    case 'resolvedAt':
    case 'closedAt':
      return typeof value === 'string' ? formatDateTime(value) : json(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return json(value);
}

function labelOr<K extends string>(key: K | undefined, labels: Record<K, string>, raw: unknown): string {
  return key === undefined ? json(raw) : labels[key];
}

function json(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
