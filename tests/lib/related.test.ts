import { describe, expect, it } from 'vitest';
import { relatedArticles, relatedness, type RelatedCandidate } from '../../src/lib/related.ts';

const article = (id: string, section: string, tags: string[], day: number): RelatedCandidate => ({
  id,
  section,
  tags,
  pubDate: new Date(Date.UTC(2026, 10, day, 9)),
});

const current = article('harbour-light', 'news', ['Coast', 'Heritage', 'Volunteers'], 28);

describe('relatedness', () => {
  it('counts shared tags by slug and one point for the same section', () => {
    expect(relatedness(current, article('a', 'news', ['coast', 'HERITAGE'], 1))).toBe(3);
    expect(relatedness(current, article('b', 'sport', ['Coast'], 1))).toBe(1);
    expect(relatedness(current, article('c', 'news', [], 1))).toBe(1);
    expect(relatedness(current, article('d', 'sport', ['Football'], 1))).toBe(0);
  });

  it('counts a tag repeated on the other article once', () => {
    expect(relatedness(current, article('e', 'sport', ['Coast', 'coast'], 1))).toBe(1);
  });
});

describe('relatedArticles', () => {
  it('orders by score, then newest, then slug, and leaves out the article itself and unrelated ones', () => {
    const candidates = [
      article('unrelated', 'sport', ['Football'], 29),
      article('same-section-old', 'news', [], 1),
      article('two-tags', 'culture', ['Coast', 'Heritage'], 2),
      article('tag-and-section', 'news', ['Volunteers'], 3),
      article('zeta-same-day', 'news', [], 20),
      article('alpha-same-day', 'news', [], 20),
      current,
    ];
    // two-tags and tag-and-section both score 2: the newer one (day 3) comes first.
    expect(relatedArticles(current, candidates, 10).map((c) => c.id)).toEqual([
      'tag-and-section',
      'two-tags',
      'alpha-same-day',
      'zeta-same-day',
      'same-section-old',
    ]);
  });

  it('gives the same order whatever order the candidates arrive in', () => {
    const candidates = ['c', 'a', 'b', 'd'].map((id) => article(id, 'news', ['Coast'], 5));
    const forwards = relatedArticles(current, candidates).map((c) => c.id);
    const backwards = relatedArticles(current, [...candidates].reverse()).map((c) => c.id);
    expect(forwards).toEqual(['a', 'b', 'c']);
    expect(backwards).toEqual(forwards);
  });

  it('keeps the extra fields of the candidates it returns', () => {
    const [first] = relatedArticles(current, [{ ...article('x', 'news', [], 1), title: 'X' }]);
    expect(first?.title).toBe('X');
  });

  it('returns nothing when nothing is shared', () => {
    expect(relatedArticles(current, [article('d', 'sport', ['Football'], 1)])).toEqual([]);
  });
});
