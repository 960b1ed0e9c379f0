import { z } from 'zod';
import { StatusEventTypeSchema } from '../../../../shared/contract';
import { CallerSchema, CaseStatusSchema, ChannelSchema, ContactReasonSchema, type CaseEvent, type CaseNote, type CaseStatus, type Channel, type ContactReason } from '../../../../shared/domain';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

interface Base {
  key: string;
  at: string;
  actorId: string;
}

export type TimelineEntry =
  | (Base & { type: 'created'; reference: string | null })
  | (Base & { type: 'updated' | 'wrapped_up'; changes: FieldChange[] })
  | (Base & { type: 'status_changed'; from: CaseStatus | null; to: CaseStatus | null; event: string | null; note: string | null })
  | (Base & { type: 'note'; body: string | null })
  | (Base & { type: 'contact'; channel: Channel | null; callerName: string | null; reason: ContactReason | null })
  | (Base & { type: 'article'; title: string | null });

// Audit records are plain JSON written by main; read only what each kind of entry needs.
const StatusAfterSchema = z.object({
  status: CaseStatusSchema.optional(),
  event: StatusEventTypeSchema.optional(),
  note: z.string().optional(),
});
const StatusBeforeSchema = z.object({ status: CaseStatusSchema.optional() });
const NoteAddedSchema = z.object({ noteId: z.string() });
const CreatedSchema = z.object({ reference: z.string() });
const ContactAfterSchema = z.object({ channel: ChannelSchema, caller: CallerSchema, reason: ContactReasonSchema });
const ArticleAfterSchema = z.object({ title: z.string() });

function changesOf(event: CaseEvent): FieldChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * The case's history, oldest first: its audit events, with each note shown where it was added.
 * A note whose event is missing (it arrived by sync before its event) still appears, at its own time.
 */
export function buildTimeline(events: readonly CaseEvent[], notes: readonly CaseNote[]): TimelineEntry[] {
  const notesById = new Map(notes.map((n) => [n.id, n]));
  const shown = new Set<string>();
  const entries: TimelineEntry[] = events.map((event): TimelineEntry => {
    const base = { key: event.id, at: event.at, actorId: event.actorId };
    switch (event.type) {
      case 'created':
        return { ...base, type: 'created', reference: CreatedSchema.safeParse(event.after).data?.reference ?? null };
      case 'updated':
      case 'wrapped_up':
        return { ...base, type: event.type, changes: changesOf(event) };
      case 'status_changed': {
        const after = StatusAfterSchema.safeParse(event.after).data;
        const before = StatusBeforeSchema.safeParse(event.before).data;
        return {
          ...base,
          type: 'status_changed',
          from: before?.status ?? null,
          to: after?.status ?? null,
          event: after?.event ?? null,
          note: after?.note ?? null,
        };
      }
      case 'contact_added': {
        const contact = ContactAfterSchema.safeParse(event.after).data;
        const caller = contact?.caller;
        return { ...base, type: 'contact', channel: contact?.channel ?? null, callerName: caller && !caller.anonymous ? caller.name : null, reason: contact?.reason ?? null };
      }
      case 'article_linked':
        return { ...base, type: 'article', title: ArticleAfterSchema.safeParse(event.after).data?.title ?? null };
      case 'note_added': {
        const noteId = NoteAddedSchema.safeParse(event.after).data?.noteId;
        const note = noteId === undefined ? undefined : notesById.get(noteId);
        if (note) shown.add(note.id);
        return { ...base, type: 'note', body: note?.body ?? null };
      }
    }
  });
  for (const note of notes) {
    if (!shown.has(note.id)) entries.push({ key: note.id, at: note.createdAt, actorId: note.authorId, type: 'note', body: note.body });
  }
  // Stable sort: entries at the same instant keep the desk's order.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
