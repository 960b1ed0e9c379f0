import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import type { ShiftScheduleView } from '../../../../shared/contract';
import { DeskError, fieldErrors, request } from '../../api/api';
import { describeShiftLength, draftsOf, newDraftKey, scheduleErrors, scheduleOf, type ShiftDraft } from './schedule-form';

interface Props {
  view: ShiftScheduleView;
  onSaved: (view: ShiftScheduleView) => void;
}

/** The centre's shifts: leads and admins add, rename and remove them and set their times; others read them. */
export function ShiftScheduleEditor({ view, onSaved }: Props) {
  if (!view.canEdit) {
    return (
      <div className="stack schedule">
        <ShiftList view={view} />
        <p className="muted">{view.setByPolicy ? 'IT sets the shifts in the machine policy.' : 'A team lead or admin changes the shifts.'}</p>
      </div>
    );
  }
  return <ScheduleForm view={view} onSaved={onSaved} />;
}

function ShiftList({ view }: { view: ShiftScheduleView }) {
  return (
    <table className="report-table schedule-table">
      <caption>Shifts ({view.timeZone})</caption>
      <thead>
        <tr>
          <th scope="col">Shift</th>
          <th scope="col">Starts</th>
          <th scope="col">Ends</th>
          <th scope="col">Length</th>
        </tr>
      </thead>
      <tbody>
        {view.schedule.shifts.map((shift) => (
          <tr key={shift.name}>
            <th scope="row">{shift.name}</th>
            <td>{shift.start}</td>
            <td>{shift.end}</td>
            <td>{describeShiftLength(shift.start, shift.end)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ScheduleForm({ view, onSaved }: Props) {
  const [drafts, setDrafts] = useState<ShiftDraft[]>(() => draftsOf(view.schedule));
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const focusKey = useRef<string | null>(null);
  const errors = checked ? { ...serverErrors, ...scheduleErrors(drafts) } : serverErrors;

  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`${focusKey.current}-name`)?.focus();
    focusKey.current = null;
  });

  const change = (key: string, patch: Partial<ShiftDraft>) => {
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    setServerErrors({});
    setMessage(null);
  };
  const add = () => {
    const key = newDraftKey();
    focusKey.current = key;
    setDrafts((all) => [...all, { key, name: '', start: '09:00', end: '17:00' }]);
  };
  const remove = (key: string) => setDrafts((all) => all.filter((d) => d.key !== key));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setMessage(null);
    const found = scheduleErrors(drafts);
    if (Object.keys(found).length > 0) {
      setMessage({ tone: 'error', text: 'The shifts were not saved: fix the fields marked below.' });
      return;
    }
    setSaving(true);
    try {
      const saved = await request('setShiftSchedule', scheduleOf(drafts));
      setServerErrors({});
      setChecked(false);
      setMessage({ tone: 'ok', text: `Saved ${saved.schedule.shifts.length} shifts. The current shift is ${saved.current.shift}.` });
      onSaved(saved);
    } catch (error) {
      setServerErrors(fieldErrors(error));
      setMessage({ tone: 'error', text: `The shifts were not saved: ${error instanceof DeskError || error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (path: string) =>
    errors[path] ? (
      <span id={`error-${path}`} className="error">
        {errors[path]}
      </span>
    ) : null;
  const invalid = (path: string) => ({ 'aria-invalid': errors[path] !== undefined, 'aria-describedby': errors[path] ? `error-${path}` : undefined });

  return (
    <form className="stack schedule" aria-label="Shift schedule" onSubmit={(event) => void save(event)} noValidate>
      <p className="muted">
        Times are on the centre's clock ({view.timeZone}). An end at or before the start ends the next day (Night 23:00–07:00).
      </p>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`banner ${message.tone === 'error' ? 'error' : 'ok'}`}>
          {message.text}
        </p>
      )}
      {errors.shifts && <p className="error-text">{errors.shifts}</p>}
      <ol className="schedule-rows">
        {drafts.map((draft, i) => (
          <li key={draft.key} className="schedule-row">
            <div className="field">
              <label htmlFor={`${draft.key}-name`}>Name</label>
              <input id={`${draft.key}-name`} className="input" value={draft.name} maxLength={60} onChange={(e) => change(draft.key, { name: e.target.value })} {...invalid(`shifts.${i}.name`)} />
              {fieldError(`shifts.${i}.name`)}
            </div>
            <div className="field">
              <label htmlFor={`${draft.key}-start`}>Starts</label>
              <input id={`${draft.key}-start`} className="input" type="time" value={draft.start} onChange={(e) => change(draft.key, { start: e.target.value })} {...invalid(`shifts.${i}.start`)} />
              {fieldError(`shifts.${i}.start`)}
            </div>
            <div className="field">
              <label htmlFor={`${draft.key}-end`}>Ends</label>
              <input id={`${draft.key}-end`} className="input" type="time" value={draft.end} onChange={(e) => change(draft.key, { end: e.target.value })} {...invalid(`shifts.${i}.end`)} />
              {fieldError(`shifts.${i}.end`)}
            </div>
            <span className="muted schedule-length">{describeShiftLength(draft.start, draft.end)}</span>
            <Button className="btn danger" onPress={() => remove(draft.key)} aria-label={`Remove ${draft.name.trim() || `shift ${i + 1}`}`}>
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button className="btn" onPress={add} isDisabled={drafts.length >= 12}>
          Add a shift
        </Button>
        <Button type="submit" className="btn primary" isDisabled={saving}>
          {saving ? 'Saving…' : 'Save shifts'}
        </Button>
        <Button
          className="btn"
          onPress={() => {
            setDrafts(draftsOf(view.schedule));
            setChecked(false);
            setServerErrors({});
            setMessage(null);
          }}
        >
          Undo changes
        </Button>
      </div>
    </form>
  );
}
