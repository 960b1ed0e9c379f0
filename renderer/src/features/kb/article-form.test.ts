import { describe, expect, it } from 'vitest';
import { checkDraft, defaultReviewBy, editorField, emptyDraft, formatReviewDate, keywordsOf } from './article-form';

describe('the article editor', () => {
  it('reads keywords from one comma-separated line', () => {
    expect(keywordsOf(' dog tag, Licence ,, dog TAG, renewal ')).toEqual(['dog tag', 'Licence', 'renewal']);
  });

  it('names each field that is wrong, before anything is sent', () => {
    const checked = checkDraft({ ...emptyDraft('2026-11-27'), title: 'Hi', body: ' ' });
    expect(checked.ok ? {} : checked.errors).toEqual({
      title: 'must be at least 3 characters',
      body: 'must not be empty',
      departmentCode: 'choose the department',
      owner: 'must not be empty',
    });
  });

  it('gives the contract its fields when the draft is complete', () => {
    const checked = checkDraft({ title: 'Spray parks', body: 'Open in summer.', keywords: 'splash pad', departmentCode: 'parks_trees', serviceCodes: ['park-maintenance'], owner: 'Parks', reviewBy: '2027-06-01' });
    expect(checked).toEqual({ ok: true, fields: { title: 'Spray parks', body: 'Open in summer.', keywords: ['splash pad'], departmentCode: 'parks_trees', serviceCodes: ['park-maintenance'], owner: 'Parks', reviewBy: '2027-06-01' } });
  });

  it('proposes a review a year out and shows dates in words', () => {
    expect(defaultReviewBy('2026-11-27')).toBe('2027-11-27');
    expect(defaultReviewBy('2028-02-29')).toBe('2029-02-28');
    expect(formatReviewDate('2026-11-26')).toBe('November 26, 2026');
    expect(editorField('article.keywords.2')).toBe('keywords');
  });
});
