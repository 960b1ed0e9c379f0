import { describe, expect, it } from 'vitest';
import { foldText, markdownToPlainText, queryWords, withinOneEdit } from './search-text';

describe('queryWords', () => {
  it('folds accents and case and drops stop words from a spoken question', () => {
    expect(queryWords('When is my Garbage picked up?')).toEqual({ words: ['garbage', 'picked', 'up'], partial: false });
    expect(foldText('Façade Élan')).toBe('facade elan');
  });
  it('keeps a stop word being typed as the start of a longer word', () => {
    expect(queryWords('large it')).toEqual({ words: ['large', 'it'], partial: true });
    expect(queryWords('large it ')).toEqual({ words: ['large'], partial: false });
  });
  it('says nothing is being typed when the query is only stop words or punctuation', () => {
    expect(queryWords('  ?! ')).toEqual({ words: [], partial: false });
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['licence', 'licence', true],
    ['licnce', 'licence', true],
    ['licencee', 'licence', true],
    ['lisence', 'licence', true],
    ['licecne', 'licence', true],
    ['garbgae', 'garbage', true],
    ['lcnce', 'licence', false],
    ['park', 'bark', true],
    ['recycling', 'recycle', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words a reader sees', () => {
    const text = markdownToPlainText('## Fees\n- **First** pickup is [free](https://x.ca/fees)\n\n| Fare | Price |\n| --- | --- |\n| Cash | $3 |');
    expect(text).toBe('Fees\nFirst pickup is free\n Fare Price \n Cash $3');
  });
});
