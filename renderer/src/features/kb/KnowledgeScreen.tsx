import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ListBox, ListBoxItem } from 'react-aria-components';
import type { ArticleView as Article } from '../../../../shared/contract/kb';
import type { Role } from '../../../../shared/domain';
import { request } from '../../api/api';
import { useShortcuts } from '../../components/use-shortcuts';
import { ArticleEditor } from './ArticleEditor';
import { ArticleView, Snippet } from './ArticleView';
import { useArticleSearch } from './use-article-search';
import './kb.css';

export { ArticleSuggestions, type ArticleSuggestionsProps } from './ArticleSuggestions';

type Pane = { kind: 'none' } | { kind: 'read'; article: Article } | { kind: 'edit'; article: Article | null };

const localToday = () => new Date().toLocaleDateString('en-CA');

/**
 * The knowledge base: search the desk's copy (it works offline), read an article, and — for leads
 * and admins — write, change and retire articles on the sync server.
 */
export function KnowledgeScreen({ role, active }: { role: Role; active: boolean }) {
  const canEdit = role === 'lead' || role === 'admin';
  const [query, setQuery] = useState('');
  const [staleOnly, setStaleOnly] = useState(false);
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const { hits, error, searching } = useArticleSearch({ query, staleOnly, limit: 50, refresh });
  const searchBox = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (active) searchBox.current?.focus();
  }, [active]);

  const focusSearch = () => searchBox.current?.focus();
  useShortcuts({ 'Alt+F': focusSearch, '/': focusSearch, ...(canEdit ? { 'Alt+E': () => setPane({ kind: 'edit', article: null }) } : {}) }, active);

  const open = (id: string) => {
    setMessage(null);
    request('getArticle', { id }).then(
      (article) => {
        setConfirmingRetire(false);
        setPane({ kind: 'read', article });
      },
      (failure: unknown) => setMessage({ tone: 'error', text: `That article cannot be opened: ${failure instanceof Error ? failure.message : String(failure)}` }),
    );
  };

  const [confirmingRetire, setConfirmingRetire] = useState(false);
  const retire = async (article: Article) => {
    setConfirmingRetire(false);
    try {
      await request('retireArticle', { id: article.id });
      setPane({ kind: 'none' });
      setRefresh((n) => n + 1);
      setMessage({ tone: 'ok', text: `Retired "${article.title}".` });
    } catch (failure) {
      setMessage({ tone: 'error', text: `"${article.title}" was not retired: ${failure instanceof Error ? failure.message : String(failure)}` });
    }
  };

  const searchKeys = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      results.current?.querySelector<HTMLElement>('[role="option"]')?.focus();
    }
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <section aria-labelledby="kb-title" className="screen kb-screen">
      <div className="row kb-toolbar">
        <h1 id="kb-title">Knowledge base</h1>
        {canEdit && (
          <button type="button" className="btn" onClick={() => setPane({ kind: 'edit', article: null })}>
            New article <kbd>Alt</kbd>+<kbd>E</kbd>
          </button>
        )}
      </div>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`banner ${message.tone === 'error' ? 'error' : 'info'}`}>
          {message.text}
        </p>
      )}
      <div className="kb-layout">
        <div className="stack kb-search">
          <div className="field">
            <label htmlFor="kb-query">
              Search articles <kbd>Alt</kbd>+<kbd>F</kbd>
            </label>
            <input
              id="kb-query"
              ref={searchBox}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={searchKeys}
              placeholder="e.g. large item pickup, dog licence, pay bill"
              aria-describedby="kb-count"
              autoComplete="off"
            />
          </div>
          <label className="kb-check">
            <input type="checkbox" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} /> Only articles due for review
          </label>
          <p id="kb-count" className="muted" role="status">
            {error ? `Articles cannot be searched: ${error}` : hits.length === 0 ? (searching ? 'Searching…' : 'No article matches.') : `${hits.length}${hits.length === 50 ? '+' : ''} articles${query.trim() ? ' match' : ''}. ↓ to go through them, Enter to open.`}
          </p>
          <div ref={results}>
            {hits.length > 0 && (
              <ListBox aria-label="Articles found" className="list kb-hits" items={hits} onAction={(key) => open(String(key))} selectionMode="none">
                {(hit) => (
                  <ListBoxItem id={hit.id} textValue={hit.title} className="list-item kb-hit">
                    <span className="kb-hit-title">
                      {hit.title}
                      {hit.stale && <span className="badge kb-stale">Review overdue</span>}
                    </span>
                    <span className="muted kb-hit-meta">{hit.departmentName}</span>
                    {query.trim() !== '' && <Snippet parts={hit.snippet} />}
                  </ListBoxItem>
                )}
              </ListBox>
            )}
          </div>
        </div>
        <div className="kb-pane">
          {pane.kind === 'read' && (
            <div className="stack">
              {canEdit && (
                <div className="row">
                  <button type="button" className="btn" onClick={() => setPane({ kind: 'edit', article: pane.article })}>
                    Edit
                  </button>
                  <button type="button" className="btn danger" onClick={() => setConfirmingRetire(true)}>
                    Retire
                  </button>
                </div>
              )}
              {canEdit && confirmingRetire && (
                <div className="banner warn row" role="group" aria-label="Confirm retiring">
                  <span>Retire "{pane.article.title}"? It leaves every desk at its next sync.</span>
                  <button type="button" className="btn danger" autoFocus onClick={() => void retire(pane.article)}>
                    Retire it
                  </button>
                  <button type="button" className="btn" onClick={() => setConfirmingRetire(false)}>
                    Keep it
                  </button>
                </div>
              )}
              <ArticleView article={pane.article} />
            </div>
          )}
          {pane.kind === 'edit' && (
            <ArticleEditor
              key={pane.article?.id ?? 'new'}
              article={pane.article}
              today={localToday()}
              onSaved={(article) => {
                setPane({ kind: 'read', article });
                setRefresh((n) => n + 1);
                setMessage({ tone: 'ok', text: `Saved "${article.title}". Other desks get it at their next sync.` });
              }}
              onCancel={() => setPane(pane.article ? { kind: 'read', article: pane.article } : { kind: 'none' })}
            />
          )}
          {pane.kind === 'none' && <p className="muted">Open an article to read it here.</p>}
        </div>
      </div>
    </section>
  );
}
