import { lazy, Suspense } from 'react';
import type { ArticleView as Article } from '../../../../shared/contract/kb';
import { useCatalog } from '../../components/use-catalog';
import { formatReviewDate } from './article-form';

// The Markdown renderer loads with the first article opened, not with the console's first paint.
const ArticleBody = lazy(() => import('./ArticleBody').then((module) => ({ default: module.ArticleBody })));

/** One article to read to a caller: its facts, a flag when its review is overdue, and its body. */
export function ArticleView({ article, headingLevel = 2 }: { article: Article; headingLevel?: 2 | 3 }) {
  const { serviceName } = useCatalog();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="kb-article stack" aria-labelledby={`kb-article-${article.id}`}>
      <Heading id={`kb-article-${article.id}`}>{article.title}</Heading>
      {article.stale && (
        <p className="banner warn" role="note">
          Review was due on {formatReviewDate(article.reviewBy)}: check the facts before reading them out, and tell {article.owner}.
        </p>
      )}
      <dl className="kb-facts">
        <dt>Department</dt>
        <dd>{article.departmentName}</dd>
        {article.serviceCodes.length > 0 && (
          <>
            <dt>Service types</dt>
            <dd>{article.serviceCodes.map(serviceName).join(', ')}</dd>
          </>
        )}
        <dt>Owner</dt>
        <dd>{article.owner}</dd>
        <dt>Review by</dt>
        <dd>{formatReviewDate(article.reviewBy)}</dd>
        {article.keywords.length > 0 && (
          <>
            <dt>Keywords</dt>
            <dd>{article.keywords.join(', ')}</dd>
          </>
        )}
      </dl>
      <Suspense fallback={<pre className="kb-body-plain">{article.body}</pre>}>
        <ArticleBody markdown={article.body} />
      </Suspense>
    </article>
  );
}

/** Matched words of a snippet, marked. */
export function Snippet({ parts }: { parts: readonly { text: string; match: boolean }[] }) {
  return (
    <span className="kb-snippet">
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
