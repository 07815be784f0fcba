import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyPaths, readRecord } from '../../src/build-threads/bodies-ahead.ts';

const article = (id: string, pubDate: string | undefined, sourceDigest = `digest-of-${id}`) => ({
  id,
  file: `/site/content/articles/${id}.md`,
  data: {},
  parsed: pubDate === undefined ? undefined : { pubDate: new Date(pubDate) },
  sourceDigest,
});

const articles = [
  article('old', '2026-01-01T09:00:00Z'),
  article('new-b', '2026-11-28T09:00:00Z'),
  article('new-a', '2026-11-28T09:00:00Z'),
  article('invalid', undefined),
];

describe('bodyPaths', () => {
  it('lists every article with a page on a cold build, in page order: newest first, then by id', () => {
    expect(bodyPaths(articles, '/site')).toEqual([
      '/site/content/articles/new-a.md',
      '/site/content/articles/new-b.md',
      '/site/content/articles/old.md',
    ]);
  });

  it('lists only the articles whose file changed since the last build on a rebuild', () => {
    const lastBuilt = new Set([
      'content/articles/old.md\u0000digest-of-old',
      'content/articles/new-a.md\u0000an-earlier-digest',
    ]);
    expect(bodyPaths(articles, '/site', lastBuilt)).toEqual([
      '/site/content/articles/new-a.md',
      '/site/content/articles/new-b.md',
    ]);
    expect(bodyPaths(articles, '/site', new Set())).toHaveLength(3);
  });
});

describe('readRecord', () => {
  it(
    'reads the versions the last build rendered, and treats a ' +
      'missing or damaged record as none (a cold build)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'bodies-record-'));
      try {
        const file = join(dir, 'bodies-rendered.json');
        expect(readRecord(file)).toBeUndefined();
        writeFileSync(file, JSON.stringify(['content/articles/a.md\u0000digest']));
        expect(readRecord(file)).toEqual(new Set(['content/articles/a.md\u0000digest']));
        writeFileSync(file, '["content/articles/a.md\u0000dig');
        expect(readRecord(file)).toBeUndefined();
        writeFileSync(file, '{"not": "a list"}');
        expect(readRecord(file)).toBeUndefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
