import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ArticleView } from '../../../../shared/contract/kb';
import { DeskError, request } from '../../api/api';
import { useCatalog } from '../../components/use-catalog';
import { checkDraft, draftOf, editorField, emptyDraft, type ArticleDraft } from './article-form';

interface Props {
  /** The article to change, or null for a new one. */
  article: ArticleView | null;
  today: string;
  onSaved: (article: ArticleView) => void;
  onCancel: () => void;
}

/** Leads and admins write an article here; it is saved on the sync server and this desk's copy changes at once. */
export function ArticleEditor({ article, today, onSaved, onCancel }: Props) {
  const { catalog } = useCatalog();
  const [draft, setDraft] = useState<ArticleDraft>(() => (article ? draftOf(article) : emptyDraft(today)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (patch: Partial<ArticleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !(field in patch) && !Object.keys(patch).some((p) => field.startsWith(`${p}.`)))));
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setFailure(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('The article was not saved: fix the fields marked below.');
      document.getElementById(`kb-edit-${Object.keys(checked.errors)[0]?.split('.')[0] ?? 'title'}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await request('saveArticle', article ? { id: article.id, expectedVersion: article.version, article: checked.fields } : { article: checked.fields });
      onSaved(saved);
    } catch (error) {
      if (error instanceof DeskError) setErrors(Object.fromEntries(error.error.issues.map((i) => [editorField(i.field), i.message])));
      setFailure(`The article was not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  const error = (field: string) => {
    const message = errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
    return message ? (
      <span id={`kb-error-${field}`} className="error">
        {message}
      </span>
    ) : null;
  };
  const invalid = (field: string) => {
    const has = errors[field] !== undefined || Object.keys(errors).some((key) => key.startsWith(`${field}.`));
    return { id: `kb-edit-${field}`, 'aria-invalid': has, 'aria-describedby': has ? `kb-error-${field}` : undefined };
  };

  const services = catalog?.serviceTypes ?? [];
  const shown = services.filter((t) => t.departmentCode === draft.departmentCode || draft.serviceCodes.includes(t.code));

  return (
    <form className="stack kb-editor" aria-label={article ? `Edit ${article.title}` : 'New article'} onSubmit={(e) => void save(e)} onKeyDown={keys} noValidate>
      <h2>{article ? 'Edit article' : 'New article'}</h2>
      {failure && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      <div className="field">
        <label htmlFor="kb-edit-title" className="required">
          Title
        </label>
        <input {...invalid('title')} value={draft.title} onChange={(e) => change({ title: e.target.value })} autoFocus />
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor="kb-edit-body" className="required">
          Body (Markdown: ## heading, - list, **bold**, | tables |)
        </label>
        <textarea {...invalid('body')} className="kb-body-input" value={draft.body} onChange={(e) => change({ body: e.target.value })} rows={16} />
        {error('body')}
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="kb-edit-keywords">Keywords (comma-separated)</label>
          <input {...invalid('keywords')} value={draft.keywords} onChange={(e) => change({ keywords: e.target.value })} />
          {error('keywords')}
        </div>
        <div className="field">
          <label htmlFor="kb-edit-departmentCode" className="required">
            Department
          </label>
          <select {...invalid('departmentCode')} value={draft.departmentCode} onChange={(e) => change({ departmentCode: e.target.value })}>
            <option value="">Choose…</option>
            {catalog?.departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          {error('departmentCode')}
        </div>
        <div className="field">
          <label htmlFor="kb-edit-owner" className="required">
            Owner
          </label>
          <input {...invalid('owner')} value={draft.owner} onChange={(e) => change({ owner: e.target.value })} placeholder="e.g. Transit — customer service coordinator" />
          {error('owner')}
        </div>
        <div className="field">
          <label htmlFor="kb-edit-reviewBy" className="required">
            Review by
          </label>
          <input {...invalid('reviewBy')} type="date" value={draft.reviewBy} onChange={(e) => change({ reviewBy: e.target.value })} />
          {error('reviewBy')}
        </div>
      </div>
      <fieldset className="field kb-services" aria-describedby={errors.serviceCodes || Object.keys(errors).some((k) => k.startsWith('serviceCodes.')) ? 'kb-error-serviceCodes' : undefined}>
        <legend className="label">Related service types</legend>
        {shown.length === 0 ? (
          <span className="hint">Choose the department to list its service types.</span>
        ) : (
          <div className="choices">
            {shown.map((t) => (
              <label key={t.code} className="kb-check">
                <input
                  type="checkbox"
                  checked={draft.serviceCodes.includes(t.code)}
                  onChange={(e) => change({ serviceCodes: e.target.checked ? [...draft.serviceCodes, t.code] : draft.serviceCodes.filter((c) => c !== t.code) })}
                />{' '}
                {t.name}
              </label>
            ))}
          </div>
        )}
        {error('serviceCodes')}
      </fieldset>
      <div className="row">
        <button type="submit" className="btn primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'} <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
