import { memo, useCallback, type KeyboardEvent, type RefObject } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { CASE_KINDS, CASE_STATUSES, CHANNELS, CaseKindSchema, CaseStatusSchema, ChannelSchema, type Catalog } from '../../../../shared/domain';
import { NO_FILTERS, hasFilters, type FilterState } from './case-filters';
import { CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS } from '../../components/labels';

interface Props {
  value: FilterState;
  /** A state setter: changes are applied to the latest filters, so the handlers below stay stable. */
  onChange: (next: FilterState | ((current: FilterState) => FilterState)) => void;
  catalog: Catalog | null;
  problem: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  /** ↓ in the search box moves on to the list. */
  onLeaveSearch: () => void;
  /** Called with the new text from the keystroke's handler, before the re-render. */
  onSearchTyped?: (text: string) => void;
}

/** Search box and filters; memoised because the list re-renders on every scroll frame. */
export const CaseFilterBar = memo(function CaseFilterBar({ value, onChange, catalog, problem, searchRef, onLeaveSearch, onSearchTyped }: Props) {
  const set = useCallback(
    <K extends keyof FilterState>(field: K, next: FilterState[K]) => onChange((current) => ({ ...current, [field]: next })),
    [onChange],
  );
  const onStatus = useCallback((next: string[]) => set('status', next.flatMap((s) => CaseStatusSchema.safeParse(s).data ?? [])), [set]);
  const departments = [...(catalog?.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.nativeEvent.isComposing)) {
      event.preventDefault();
      onLeaveSearch();
    } else if (event.key === 'Escape' && value.text !== '') {
      event.preventDefault();
      set('text', '');
    }
  };

  return (
    <section className="case-filters" aria-label="Search and filters">
      <div className="case-filter-row">
        <div className="case-filter case-search">
          <label htmlFor="case-search">Search cases</label>
          <div className="case-search-box">
            <input
              id="case-search"
              ref={searchRef}
              type="search"
              className="input"
              aria-label="Search cases"
              placeholder="Reference, name, phone, address or any words"
              value={value.text}
              maxLength={200}
              onChange={(event) => {
                onSearchTyped?.(event.target.value);
                set('text', event.target.value);
              }}
              onKeyDown={onSearchKey}
            />
            <span className="case-search-key" aria-hidden>
              <kbd>/</kbd>
            </span>
          </div>
        </div>
        <div className="case-filter case-filter-wide">
          <label htmlFor="case-filter-department">Department</label>
          <select
            id="case-filter-department"
            className="input"
            value={value.departmentCode}
            onChange={(event) => set('departmentCode', event.target.value)}
          >
            <option value="">All departments</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <DateFilter id="case-filter-from" label="Created from" value={value.createdFrom} max={value.createdTo} problem={problem} onChange={(d) => set('createdFrom', d)} />
        <DateFilter id="case-filter-to" label="Created to" value={value.createdTo} min={value.createdFrom} problem={problem} onChange={(d) => set('createdTo', d)} />
      </div>
      <div className="case-filter-row">
        <StatusFilter value={value.status} onChange={onStatus} />
        <ChoiceFilter
          id="case-filter-channel"
          label="Channel"
          all="All channels"
          value={value.channel}
          options={CHANNELS}
          labels={CHANNEL_LABELS}
          onChange={(raw) => set('channel', ChannelSchema.safeParse(raw).data ?? '')}
        />
        <ChoiceFilter
          id="case-filter-kind"
          label="Kind"
          all="All kinds"
          value={value.kind}
          options={CASE_KINDS}
          labels={KIND_LABELS}
          onChange={(raw) => set('kind', CaseKindSchema.safeParse(raw).data ?? '')}
        />
        {hasFilters(value) && (
          <Button className="btn case-clear" onPress={() => onChange(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </div>
      {problem && (
        <p id="case-filter-problem" className="error-text" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
});

/**
 * The status checkboxes, memoised: React Aria's checkboxes are the costliest part of this bar, and
 * a keystroke in the search box must not re-render them.
 */
const StatusFilter = memo(function StatusFilter({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  return (
    <CheckboxGroup className="case-filter case-status-filter" value={value} onChange={onChange}>
      <Label className="label">Status</Label>
      <div className="choices">
        {CASE_STATUSES.map((status) => (
          <Checkbox key={status} value={status} className="choice choice-compact">
            {({ isSelected }) => (
              <>
                <span className="choice-box" aria-hidden>
                  {isSelected ? '✓' : ''}
                </span>
                {STATUS_LABELS[status]}
              </>
            )}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
});

/** One end of the created-date range; `problem` (a bad range) marks whichever end is filled in. */
function DateFilter(props: { id: string; label: string; value: string; min?: string; max?: string; problem: string | null; onChange: (date: string) => void }) {
  return (
    <div className="case-filter">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        className="input"
        value={props.value}
        min={props.min || undefined}
        max={props.max || undefined}
        aria-invalid={props.problem !== null && props.value !== ''}
        aria-describedby={props.problem ? 'case-filter-problem' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/** One labelled drop-down over a code list, with "all" as the empty choice. */
function ChoiceFilter<T extends string>(props: {
  id: string;
  label: string;
  all: string;
  value: T | '';
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (raw: string) => void;
}) {
  return (
    <div className="case-filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} className="input" value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
