import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DuplicateCandidate, DuplicateCheck } from '../../../../shared/contract';
import type { Location } from '../../../../shared/domain';
import { request } from '../../api/api';
import { STATUS_LABELS } from '../../components/labels';
import { describeAge, describeRule, describeWhere } from './duplicate-format';

/** Long enough to skip the positions a map pin passes through while dragged, short enough to feel instant. */
const DEBOUNCE_MS = 250;

interface Props {
  serviceCode: string;
  location: Location | null;
  /** The specialist chose to add this caller to an existing case instead of logging a new one. */
  onLink: (candidate: DuplicateCandidate) => void;
  linkedCaseId?: string | null;
}

/**
 * Open cases of the same type near the location or at its address, while the specialist takes the
 * details: if the problem is already reported, the caller joins that case. Shows nothing when there
 * is no type, no location or no match; a failed check is not worth interrupting the call for.
 */
export function DuplicateSuggestions({ serviceCode, location, onLink, linkedCaseId = null }: Props) {
  const [check, setCheck] = useState<DuplicateCheck | null>(null);
  // Primitives, so a new Location object with the same place does not ask again.
  const addressId = location?.addressId;
  const addressText = location?.addressText?.trim() || undefined;
  const lat = location?.lat;
  const lng = location?.lng;

  useEffect(() => {
    const hasPlace = Boolean(addressId || addressText || (lat !== undefined && lng !== undefined));
    if (!serviceCode || !hasPlace) {
      setCheck(null);
      return;
    }
    let stale = false;
    const place: Location = {
      ...(addressId ? { addressId } : {}),
      ...(addressText ? { addressText } : {}),
      ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
    };
    const timer = setTimeout(() => {
      request('findDuplicates', { serviceCode, location: place })
        .then((result) => !stale && setCheck(result))
        .catch(() => !stale && setCheck(null));
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [serviceCode, addressId, addressText, lat, lng]);

  if (!check || check.items.length === 0) return null;
  const now = Date.now();
  return (
    <section className="stack duplicate-suggestions" aria-labelledby="duplicate-suggestions-title" aria-describedby="duplicate-suggestions-rule">
      <h3 id="duplicate-suggestions-title">Possible duplicates</h3>
      <p id="duplicate-suggestions-rule" className="hint">
        {describeRule(check.rule)}
      </p>
      <ul className="list">
        {check.items.map((candidate) => {
          const linked = candidate.id === linkedCaseId;
          return (
            <li key={candidate.id} className="list-item duplicate-suggestion">
              <div className="stack">
                <div className="row">
                  <span className="mono">{candidate.reference}</span>
                  <strong>{describeWhere(candidate)}</strong>
                  <span className="muted">logged {describeAge(candidate.createdAt, now)}</span>
                  <span className={`badge status-${candidate.status}`}>{STATUS_LABELS[candidate.status]}</span>
                  {candidate.callerCount > 1 && <span className="muted">{candidate.callerCount} callers</span>}
                </div>
                {candidate.addressText && <span>{candidate.addressText}</span>}
                <span className="muted">{candidate.summary}</span>
              </div>
              {linked ? (
                <span className="badge" role="status">
                  Caller linked to this case
                </span>
              ) : (
                <Button className="btn" aria-label={`Link caller to this case, ${candidate.reference}`} onPress={() => onLink(candidate)}>
                  Link caller to this case
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
