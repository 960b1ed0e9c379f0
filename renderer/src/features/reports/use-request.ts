import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../../../shared/contract';
import { DeskError, request } from '../../api/api';

export interface RequestState<T> {
  /** The last answer; kept while a new one loads, so the screen does not flash empty. */
  value: T | null;
  loading: boolean;
  error: DeskError | Error | null;
  reload: () => void;
}

/**
 * Asks for `name` with `input` whenever the input changes (null: ask nothing yet). An answer to an
 * input the screen has moved past is dropped, so a slow report never overwrites a newer one.
 */
export function useRequest<K extends OperationName>(name: K, input: OperationInput<K> | null): RequestState<OperationOutput<K>> {
  const [value, setValue] = useState<OperationOutput<K> | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [error, setError] = useState<DeskError | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  // The input object is new on every render; its JSON is what decides whether to ask again.
  const current = useRef(input);
  current.current = input;
  const latest = useRef(0);

  useEffect(() => {
    const asked = current.current;
    if (key === null || asked === null) return;
    const ticket = (latest.current += 1);
    setLoading(true);
    request(name, asked).then(
      (answer) => {
        if (ticket !== latest.current) return;
        setValue(answer);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
  }, [name, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { value, loading, error, reload };
}
