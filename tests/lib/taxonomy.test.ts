import { describe, expect, it } from 'vitest';
import { groupBySlug, groupByTag, nameFromSlug, TagSlugError } from '../../src/lib/taxonomy.ts';

const item = (file: string, ...tags: string[]) => ({ file, tags });

describe('groupByTag', () => {
  it('groups articles by tag slug, in slug order, keeping article order', () => {
    const a = item('a.md', 'Harbour', 'Coast');
    const b = item('b.md', 'Coast');
    expect(groupByTag([a, b])).toEqual([
      { slug: 'coast', name: 'Coast', items: [a, b] },
      { slug: 'harbour', name: 'Harbour', items: [a] },
    ]);
  });

  it('merges spellings that share a slug under the most used one, whatever the file order', () => {
    const articles = [
      item('a.md', 'coast'),
      item('b.md', 'Coast'),
      item('c.md', 'Coast'),
      item('d.md', 'Côast'),
    ];
    for (const order of [articles, articles.toReversed()]) {
      const [group] = groupByTag(order);
      expect(group).toMatchObject({ slug: 'coast', name: 'Coast' });
      expect(group!.items).toHaveLength(4);
    }
  });

  it('breaks a tie between spellings by code-point order, and lists an article once', () => {
    const both = item('a.md', 'coast', 'Coast');
    expect(groupByTag([both])).toEqual([{ slug: 'coast', name: 'Coast', items: [both] }]);
  });

  it('stops with the file, the tag and a fix when a tag has no slug', () => {
    expect(() => groupByTag([item('content/articles/tokyo.md', 'Travel', '東京')])).toThrow(TagSlugError);
    expect(() => groupByTag([item('content/articles/tokyo.md', '東京')])).toThrow(
      /content\/articles\/tokyo\.md: tag "東京" has no URL slug.*Fix:/,
    );
    expect(() => groupByTag([item('x.md', '!!!')])).toThrow(/tag "!!!"/);
  });
});

describe('groupBySlug', () => {
  it('groups by an existing slug in slug order and names it for readers', () => {
    const groups = groupBySlug(['news', 'arts-and-culture', 'news'], (value) => value);
    expect(groups).toEqual([
      { slug: 'arts-and-culture', name: 'Arts and culture', items: ['arts-and-culture'] },
      { slug: 'news', name: 'News', items: ['news', 'news'] },
    ]);
    expect(nameFromSlug('technology')).toBe('Technology');
  });
});
