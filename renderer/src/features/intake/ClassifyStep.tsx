import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CASE_KINDS, type CaseKind, type ServiceType } from '../../../../shared/domain';
import type { IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';
import { useShortcuts } from '../../components/use-shortcuts';
import { searchTypes } from './type-search';
import { useCatalog } from '../../components/use-catalog';
import { KIND_LABELS } from '../../components/labels';
import type { IntakeSend } from './use-intake';


/**
 * The kind a type usually means, unless the specialist says otherwise with Alt+1…4: field work
 * (a type that needs a location) is a service request; a complaint type is feedback; the rest are
 * questions answered on the call.
 */
export function usualKind(type: ServiceType): CaseKind {
  if (type.code === 'agency-transfer') return 'transfer';
  if (type.code.includes('complaint')) return 'feedback';
  return type.locationRequired ? 'service_request' : 'information';
}

export function ClassifyStep({ send, context, active: onScreen }: { send: IntakeSend; context: IntakeContext; active: boolean }) {
  const { catalog } = useCatalog();
  const [query, setQuery] = useState(context.serviceType?.name ?? '');
  const [active, setActive] = useState(0);
  const [chosenKind, setChosenKind] = useState<CaseKind | null>(context.kind);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = useMemo(() => (catalog ? searchTypes(catalog, query) : []), [catalog, query]);
  useEffect(() => setActive(0), [query]);

  const pickKind = (kind: CaseKind) => {
    setChosenKind(kind);
    send({ type: 'SET_KIND', kind });
  };
  useShortcuts(Object.fromEntries(CASE_KINDS.map((kind, i) => [`Alt+${i + 1}`, () => pickKind(kind)])), onScreen);

  const choose = (type: ServiceType) => {
    if (!chosenKind) send({ type: 'SET_KIND', kind: usualKind(type) });
    send({ type: 'SET_SERVICE_TYPE', serviceType: type });
    send({ type: 'NEXT' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter' && !event.ctrlKey && matches[active]) {
      event.preventDefault();
      choose(matches[active].type);
    }
  };

  return (
    <div className="stack">
      <div role="radiogroup" aria-label="Kind of interaction" className="choices">
        {CASE_KINDS.map((kind, i) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={chosenKind === kind}
            data-selected={chosenKind === kind || undefined}
            className="choice"
            onClick={() => pickKind(kind)}
          >
            {KIND_LABELS[kind]} <Keys combo={`Alt+${i + 1}`} />
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="type-search">What is it about? Service type, department or keyword</label>
        <input
          id="type-search"
          ref={input}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls="type-matches"
          aria-activedescendant={matches[active] ? `type-match-${matches[active].type.code}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <span className="hint">
          <Keys combo="↓" /> <Keys combo="↑" /> choose · <Keys combo="Enter" /> take it · <Keys combo="Alt+1…4" /> kind (otherwise the type's usual kind)
        </span>
      </div>
      <ul id="type-matches" role="listbox" aria-label="Matching service types" className="list type-matches">
        {matches.map((match, i) => (
          <li
            key={match.type.code}
            id={`type-match-${match.type.code}`}
            role="option"
            aria-selected={i === active}
            className="list-item"
            onMouseDown={(event) => {
              event.preventDefault();
              choose(match.type);
            }}
          >
            <strong>{match.type.name}</strong>
            <span className="muted">{match.departmentName}</span>
            <span className="muted type-kind">{KIND_LABELS[chosenKind ?? usualKind(match.type)]}</span>
          </li>
        ))}
        {catalog && matches.length === 0 && <li className="list-item muted">No service type matches “{query}”.</li>}
      </ul>
    </div>
  );
}
