import { Button } from 'react-aria-components';
import type { ShiftScheduleView } from '../../../../shared/contract';
import { isLocalDate } from './report-dates';

export interface PickedShift {
  date: string;
  shift: string;
}

interface Props {
  schedule: ShiftScheduleView;
  value: PickedShift;
  onChange: (next: PickedShift) => void;
  onRefresh: () => void;
  busy: boolean;
}

/** Which shift: the date it starts on and its name; the current shift is one press away. */
export function ShiftPicker({ schedule, value, onChange, onRefresh, busy }: Props) {
  const { current } = schedule;
  const isCurrent = value.date === current.date && value.shift === current.shift;
  const dateProblem = isLocalDate(value.date) ? null : 'Enter the date the shift starts on.';
  return (
    <div className="report-picker" role="group" aria-label="Which shift">
      <div className="field">
        <label htmlFor="shift-date">Shift starts on</label>
        <input
          id="shift-date"
          className="input"
          type="date"
          value={value.date}
          aria-invalid={dateProblem !== null}
          aria-describedby={dateProblem ? 'shift-date-error' : undefined}
          onChange={(event) => onChange({ ...value, date: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="shift-name">Shift</label>
        <select id="shift-name" className="input" value={value.shift} onChange={(event) => onChange({ ...value, shift: event.target.value })}>
          {schedule.schedule.shifts.map((shift) => (
            <option key={shift.name} value={shift.name}>
              {shift.name} ({shift.start}–{shift.end})
            </option>
          ))}
        </select>
      </div>
      <Button className="btn" isDisabled={isCurrent} onPress={() => onChange({ date: current.date, shift: current.shift })}>
        Current shift
      </Button>
      <Button className="btn" isDisabled={busy} onPress={onRefresh}>
        {busy ? 'Loading…' : 'Refresh'}
      </Button>
      {dateProblem && (
        <p id="shift-date-error" className="error-text picker-error" role="alert">
          {dateProblem}
        </p>
      )}
    </div>
  );
}
