import { describe, expect, it } from 'vitest';
import { bodyPaths } from '../../src/integrations/bodies-ahead.ts';

const article = (id: string, pubDate: string | undefined) => ({
  id,
  file: `/site/content/articles/${id}.md`,
  data: {},
  parsed: pubDate === undefined ? undefined : { pubDate: new Date(pubDate) },
});

describe('bodyPaths', () => {
  it('lists the files of the articles with pages in page order: newest first, then by id', () => {
    const articles = [article('old', '2026-01-01T09:00:00Z'), article('new-b', '2026-11-28T09:00:00Z'), article('new-a', '2026-11-28T09:00:00Z'), article('invalid', undefined)];
    const content = { articles: () => articles, articlesWithPages: (command: string) => (command === 'build' ? articles : []) };
    expect(bodyPaths(content, 'build')).toEqual(['/site/content/articles/new-a.md', '/site/content/articles/new-b.md', '/site/content/articles/old.md']);
  });
});
