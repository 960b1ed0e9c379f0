import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import type { CallerMatch } from '../../../../shared/contract';
import { request } from '../../api/api';
import { Keys } from '../../components/Kbd';
import { useShortcuts } from '../../components/use-shortcuts';
import { useScreenPopLink } from '../screen-pop/intake-link';
import type { IntakeSend } from './use-intake';

const looksLikePhone = (text: string) => /^[\d\s().+-]+$/.test(text.trim()) && text.replace(/\D/g, '').length >= 7;
const OPEN = new Set(['new', 'open', 'in_progress']);
/** The caller's newest open case, if any (recent cases come newest first). */
const openCaseOf = (match: CallerMatch) => match.recentCases.find((c) => OPEN.has(c.status)) ?? null;

/**
 * Who is calling: type a phone number or a name; earlier callers appear with their recent cases.
 * Enter takes the highlighted caller, or a new caller with what was typed; Alt+A is anonymous.
 * A screen-pop fills in the number the phone system sent, so the caller's history shows at once.
 */
export function CallerStep({ send, active: onScreen }: { send: IntakeSend; active: boolean }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<CallerMatch[]>([]);
  const [active, setActive] = useState(-1);
  const [pendingPhone, setPendingPhone] = useState<string | null>(null);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const { popped } = useScreenPopLink();
  const prefilled = useRef(false);

  useShortcuts({ 'Alt+A': () => send({ type: 'ANONYMOUS' }) }, onScreen);
  useEffect(() => input.current?.focus(), []);
  // The pop may reach this step a render after the step itself does; fill in once, and never over typing.
  useEffect(() => {
    const known = popped?.phone ?? popped?.callerName;
    if (prefilled.current || !known) return;
    prefilled.current = true;
    setQuery((typed) => (typed === '' ? known : typed));
    if (popped?.callerName) setName((typed) => (typed === '' ? popped.callerName! : typed));
    requestAnimationFrame(() => input.current?.select());
  }, [popped]);
  useEffect(() => {
    if (pendingPhone !== null) nameInput.current?.focus();
  }, [pendingPhone]);
  useEffect(() => {
    const typed = query.trim();
    if (typed.length < 2) {
      setMatches([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      request('findCallers', { query: typed })
        .then(({ callers }) => {
          if (stale) return;
          setMatches(callers);
          setActive(callers.length > 0 ? 0 : -1);
        })
        .catch(() => !stale && setMatches([]));
    }, 100);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const callerOf = (match: CallerMatch) => ({ anonymous: false as const, name: match.name ?? 'Unknown', ...(match.phone ? { phone: match.phone } : {}) });
  const choose = (match: CallerMatch) => send({ type: 'SELECT_CALLER', caller: callerOf(match) });
  // Alt+O: the caller is ringing about their open case — record this call on it instead of opening another.
  const attachToOpenCase = (match: CallerMatch | undefined) => {
    const open = match && openCaseOf(match);
    if (!match || !open) return;
    send({ type: 'ATTACH_TO_CASE', target: { caseId: open.id, reference: open.reference, reason: 'repeat_contact' }, caller: callerOf(match) });
  };
  useShortcuts({ 'Alt+O': () => attachToOpenCase(matches[active]) }, onScreen);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter' && !event.ctrlKey) {
      event.preventDefault();
      const match = matches[active];
      if (match) choose(match);
      else if (looksLikePhone(query)) setPendingPhone(query.trim());
      else if (query.trim().length > 0) send({ type: 'SELECT_CALLER', caller: { anonymous: false, name: query.trim() } });
    }
  };

  return (
    <div className="stack">
      {popped?.queue && (
        <p className="row">
          <span className="badge queue-badge">Queue: {popped.queue}</span>
        </p>
      )}
      <div className="field">
        <label htmlFor="caller-lookup">Caller's phone number or name</label>
        <input
          id="caller-lookup"
          ref={input}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls="caller-matches"
          aria-activedescendant={active >= 0 ? `caller-match-${active}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setPendingPhone(null);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="hint">
          <Keys combo="↓" /> <Keys combo="↑" /> choose · <Keys combo="Enter" /> take this caller, or a new one with what you typed · <Keys combo="Alt+A" /> anonymous · <Keys combo="Alt+O" /> add the call to the caller's open case
        </span>
      </div>
      {pendingPhone !== null && (
        <div className="field">
          <label htmlFor="caller-name">New caller at {pendingPhone}: name</label>
          <input
            id="caller-name"
            ref={nameInput}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && name.trim()) {
                event.preventDefault();
                send({ type: 'SELECT_CALLER', caller: { anonymous: false, name: name.trim(), phone: pendingPhone } });
              }
            }}
          />
        </div>
      )}
      <ul id="caller-matches" role="listbox" aria-label="Matching callers" className="list caller-matches" hidden={matches.length === 0}>
        {matches.map((match, i) => (
          <li
            key={`${match.name}-${match.phone}`}
            id={`caller-match-${i}`}
            role="option"
            aria-selected={i === active}
            className="list-item caller-match"
            onMouseDown={(event) => {
              event.preventDefault();
              choose(match);
            }}
          >
            <div className="stack caller-who">
              <strong>{match.name}</strong>
              <span className="mono">{match.phone ?? 'no phone'}</span>
              <span className="muted">
                {match.caseCount} case{match.caseCount === 1 ? '' : 's'}
                {match.openCount > 0 && <span className="badge status-open"> {match.openCount} open</span>}
              </span>
            </div>
            {i === active && openCaseOf(match) && (
              <span className="hint attach-hint">
                <Keys combo="Alt+O" /> add this call to their open case {openCaseOf(match)!.reference}
              </span>
            )}
            <ol className="recent-cases">
              {match.recentCases.map((c) => (
                <li key={c.id}>
                  <span className="mono">{c.reference}</span> <span className={`badge status-${c.status}`}>{OPEN.has(c.status) ? 'open' : c.status.replace('_', ' ')}</span>{' '}
                  <span className="muted">{c.summary.slice(0, 70)}</span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      <div className="row">
        <Button className="btn" onPress={() => send({ type: 'ANONYMOUS' })}>
          Anonymous caller <Keys combo="Alt+A" />
        </Button>
      </div>
    </div>
  );
}
