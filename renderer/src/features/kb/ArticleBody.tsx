import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Links are shown as their text and address, to read out to a caller: the console never
 * navigates (its window refuses it), and an article must not open pages on a specialist's screen.
 * Images are left out: the console loads nothing from the network.
 */
const components: Components = {
  a: ({ children, href }) => (
    <span className="kb-link">
      {children}
      {href && href !== children ? <span className="muted"> ({href})</span> : null}
    </span>
  ),
  img: ({ alt }) => (alt ? <span className="muted">[{alt}]</span> : null),
  // Headings inside an article sit below the article's own title.
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
};

/**
 * An article's Markdown as React elements (react-markdown with GitHub tables and lists), never as
 * HTML strings: raw HTML in the body is dropped, so nothing an editor types can run in the console.
 */
export function ArticleBody({ markdown }: { markdown: string }) {
  return (
    <div className="kb-body">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
