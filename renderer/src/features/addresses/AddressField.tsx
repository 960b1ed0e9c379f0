import { useEffect, useState, type KeyboardEvent } from 'react';
import type { AddressMatch } from '../../../../shared/contract/addresses';
import type { Location } from '../../../../shared/domain';
import { request } from '../../api/api';
import { Keys } from '../../components/Kbd';
import { addressFlag, FLAG_TEXT, locationFromMatch, locationFromText } from './address-location';

/** Lookups answer in a few milliseconds on the desk: a short pause only spares the ones a fast typist overtakes. */
const TYPING_PAUSE_MS = 40;

interface AddressFieldProps {
  id: string;
  label: string;
  required: boolean;
  value: Location | null;
  onChange: (location: Location | null) => void;
  /** Enter with no suggestion open: on to the next field. */
  onDone: () => void;
  error?: string;
}

/**
 * The location as a combobox over the city's address list: as the specialist types, the desk's
 * best matches appear (↓/↑ to move, Enter to take one); taking one fills the address id, the
 * full address and the coordinates. Text left as typed is kept, and flagged as not in the list.
 */
export function AddressField({ id, label, required, value, onChange, onDone, error }: AddressFieldProps) {
  const text = value?.addressText ?? '';
  const [matches, setMatches] = useState<AddressMatch[]>([]);
  const [listSize, setListSize] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = `${id}-matches`;

  useEffect(() => {
    const typed = text.trim();
    if (!open || typed === '' || value?.addressId) {
      setMatches([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      request('lookupAddress', { query: text, limit: 8 })
        .then((answer) => {
          if (stale) return;
          setMatches(answer.matches);
          setListSize(answer.listSize);
          setActive(0);
        })
        .catch(() => !stale && setMatches([]));
    }, TYPING_PAUSE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, open, value?.addressId]);

  const choose = (match: AddressMatch) => {
    onChange(locationFromMatch(match));
    setOpen(false);
  };
  const showing = open && matches.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && showing) {
      event.preventDefault();
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (event.key === 'ArrowUp' && showing) {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Escape' && showing) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Enter' && !event.ctrlKey) {
      event.preventDefault();
      const match = showing ? matches[active] : undefined;
      if (match) choose(match);
      else onDone();
    }
  };

  const flag = addressFlag(value, listSize);
  const describedBy = [error ? `${id}-error` : null, flag ? `${id}-flag` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field address-field" data-field>
      <label htmlFor={id} className={required ? 'required' : ''}>
        {label}
      </label>
      <input
        id={id}
        data-focus-target="location"
        role="combobox"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showing && matches[active] ? `${id}-match-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        value={text}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          setOpen(true);
          onChange(locationFromText(event.target.value));
        }}
      />
      {showing && (
        <ul id={listId} role="listbox" aria-label="Addresses in the city's list" className="list address-matches">
          {matches.map((match, i) => (
            <li
              key={match.addressId}
              id={`${id}-match-${i}`}
              role="option"
              aria-selected={i === active}
              className="list-item"
              onMouseDown={(event) => {
                event.preventDefault();
                choose(match);
              }}
            >
              {match.fullAddress}
            </li>
          ))}
        </ul>
      )}
      {showing && (
        <span className="hint">
          <Keys combo="↓" /> <Keys combo="↑" /> choose · <Keys combo="Enter" /> take it · <Keys combo="Esc" /> keep what I typed
        </span>
      )}
      {flag && (
        <span id={`${id}-flag`} role="status" className={flag === 'listed' ? 'hint' : 'banner warn'} data-address-flag={flag}>
          {FLAG_TEXT[flag]}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      )}
    </div>
  );
}
