import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, ListBox, ListBoxItem, Modal, ModalOverlay } from 'react-aria-components';
import type { ArticleView as Article } from '../../../../shared/contract/kb';
import { request } from '../../api/api';
import { ArticleView, Snippet } from './ArticleView';
import { useArticleSearch } from './use-article-search';
import './kb.css';

export interface ArticleSuggestionsProps {
  /** The caller's question as the specialist types it. */
  question: string;
  /** The case's service type, once chosen: its articles rank first, and are suggested before any question is typed. */
  serviceCode?: string | null;
  onChoose(article: { id: string; title: string }): void;
  /** The article already linked to the case. */
  chosenId?: string | null;
  /** How many to show (3–5). */
  limit?: number;
}

/**
 * Articles that may answer the question being typed, for the intake. ↓/↑ move through them,
 * Enter opens one to read while on the call, and "Use this article" links it to the case.
 */
export function ArticleSuggestions({ question, serviceCode = null, onChoose, chosenId = null, limit = 5 }: ArticleSuggestionsProps) {
  const wanted = question.trim() !== '' || serviceCode !== null;
  const { hits, error } = useArticleSearch(wanted ? { query: question, serviceCode, limit: Math.min(5, Math.max(3, limit)) } : null);
  const [reading, setReading] = useState<Article | null>(null);
  const [openFailure, setOpenFailure] = useState<string | null>(null);
  const chosenTitle = useChosenTitle(chosenId, hits);

  const open = (id: string) => {
    setOpenFailure(null);
    request('getArticle', { id }).then(setReading, (failure: unknown) => setOpenFailure(failure instanceof Error ? failure.message : String(failure)));
  };

  return (
    <section className="kb-suggestions stack" aria-labelledby="kb-suggestions-title">
      <h3 id="kb-suggestions-title">Suggested articles</h3>
      {chosenId && chosenTitle && (
        <p className="kb-chosen" role="status">
          Answered from: <strong>{chosenTitle}</strong>
        </p>
      )}
      {error && <p className="error-text">Articles cannot be searched: {error}</p>}
      {openFailure && <p className="error-text">That article cannot be opened: {openFailure}</p>}
      {!wanted ? (
        <p className="muted">Type the caller's question to see articles that answer it.</p>
      ) : hits.length === 0 ? (
        <p className="muted" role="status">
          No article matches yet.
        </p>
      ) : (
        <ListBox aria-label="Suggested articles (Enter opens one)" className="list kb-hits" items={hits} onAction={(key) => open(String(key))} selectionMode="none">
          {(hit) => (
            <ListBoxItem id={hit.id} textValue={hit.title} className="list-item kb-hit">
              <span className="kb-hit-title">
                {hit.title}
                {hit.id === chosenId && <span className="badge kb-linked">Linked</span>}
                {hit.stale && <span className="badge kb-stale">Review overdue</span>}
              </span>
              <span className="muted kb-hit-meta">{hit.departmentName}</span>
            </ListBoxItem>
          )}
        </ListBox>
      )}
      <ModalOverlay className="modal-overlay" isOpen={reading !== null} onOpenChange={(isOpen) => !isOpen && setReading(null)} isDismissable>
        <Modal className="modal kb-modal">
          <Dialog aria-label={reading ? `Article: ${reading.title}` : 'Article'} className="stack">
            {reading && (
              <>
                <Heading slot="title" className="visually-hidden">
                  {reading.title}
                </Heading>
                <div className="row">
                  <Button
                    className="btn primary"
                    autoFocus
                    onPress={() => {
                      onChoose({ id: reading.id, title: reading.title });
                      setReading(null);
                    }}
                  >
                    {reading.id === chosenId ? 'Linked to this case' : 'Use this article'}
                  </Button>
                  <Button className="btn" slot="close">
                    Close <kbd>Esc</kbd>
                  </Button>
                </div>
                <div className="sheet-scroll" tabIndex={0} role="region" aria-label="Article text">
                  <ArticleView article={reading} headingLevel={3} />
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
      {hits.length > 0 && <Snippets hits={hits} />}
    </section>
  );
}

/** The first suggestion's snippet: what the best match says about the question, without opening it. */
function Snippets({ hits }: { hits: { id: string; title: string; snippet: { text: string; match: boolean }[] }[] }) {
  const best = hits[0];
  if (!best || !best.snippet.some((p) => p.match)) return null;
  return (
    <p className="kb-best muted" aria-label={`From ${best.title}`}>
      <Snippet parts={best.snippet} />
    </p>
  );
}

/** The linked article's title: from the suggestions when it is among them, else from the desk. */
function useChosenTitle(chosenId: string | null, hits: readonly { id: string; title: string }[]): string | null {
  const listed = chosenId ? (hits.find((h) => h.id === chosenId)?.title ?? null) : null;
  const [fetched, setFetched] = useState<{ id: string; title: string } | null>(null);
  useEffect(() => {
    if (!chosenId || listed) return;
    let live = true;
    request('getArticle', { id: chosenId }).then(
      (article) => live && setFetched({ id: article.id, title: article.title }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [chosenId, listed]);
  return listed ?? (fetched && fetched.id === chosenId ? fetched.title : null);
}
