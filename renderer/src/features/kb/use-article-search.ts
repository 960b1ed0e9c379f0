import { useEffect, useRef, useState } from 'react';
import type { ArticleHit } from '../../../../shared/contract/kb';
import { request } from '../../api/api';

/** Keystrokes closer together than this are one search: the desk answers in milliseconds, the screen need not repaint for each. */
export const SEARCH_PAUSE_MS = 120;

export interface ArticleSearchState {
  hits: ArticleHit[];
  error: string | null;
  searching: boolean;
}

/** Searches the desk's articles as the input changes; an answer to an input since replaced is dropped. */
export interface ArticleSearchInput {
  query: string;
  serviceCode?: string | null;
  staleOnly?: boolean;
  limit: number;
  /** Bumped to search again with the same words (after an article was saved or retired). */
  refresh?: number;
}

export function useArticleSearch(input: ArticleSearchInput | null): ArticleSearchState {
  const [state, setState] = useState<ArticleSearchState>({ hits: [], error: null, searching: false });
  const key = input ? JSON.stringify(input) : null;
  const latest = useRef(0);
  useEffect(() => {
    const ticket = (latest.current += 1);
    if (key === null) {
      setState({ hits: [], error: null, searching: false });
      return;
    }
    const asked = JSON.parse(key) as ArticleSearchInput;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      request('searchArticles', { query: asked.query, serviceCode: asked.serviceCode ?? null, staleOnly: asked.staleOnly ?? false, limit: asked.limit }).then(
        (answer) => ticket === latest.current && setState({ hits: answer.hits, error: null, searching: false }),
        (error: unknown) => ticket === latest.current && setState({ hits: [], error: error instanceof Error ? error.message : String(error), searching: false }),
      );
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return state;
}
