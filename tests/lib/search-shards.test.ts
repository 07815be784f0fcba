import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARD_SIZE,
  indexedPage,
  pageUrl,
  shardFolder,
  splitIntoShards,
  type IndexedPage,
} from '../../src/lib/search-shards.ts';
import { readEnvironment } from '../../src/lib/environment.ts';

const searchShardSize = (env: Record<string, string>) => readEnvironment(env).WIREPRESS_SEARCH_SHARD_SIZE;

/** An article page as src/build-output/page-facts.ts reads it. */
const articlePage = (datePublished: string | undefined) => ({ searchable: true, datePublished, digest: 'd' });

const page = (path: string, published: string): IndexedPage => ({
  path,
  publishedMs: Date.parse(published),
  digest: path,
});

describe('WIREPRESS_SEARCH_SHARD_SIZE (read through the environment schema)', () => {
  it('is the default unless the variable is set', () => {
    expect(searchShardSize({})).toBe(DEFAULT_SHARD_SIZE);
    expect(searchShardSize({ WIREPRESS_SEARCH_SHARD_SIZE: '' })).toBe(DEFAULT_SHARD_SIZE);
    expect(searchShardSize({ WIREPRESS_SEARCH_SHARD_SIZE: '2' })).toBe(2);
  });

  it.each(['0', '-3', '2.5', 'ten', '1e3', '99999999999999999999'])(
    'refuses %s, naming the variable',
    (raw) => {
      expect(() => searchShardSize({ WIREPRESS_SEARCH_SHARD_SIZE: raw })).toThrow(
        `WIREPRESS_SEARCH_SHARD_SIZE "${raw}" must be a whole number of articles, 1 or more`,
      );
    },
  );
});

describe('indexedPage', () => {
  it('reads the publication time of a page marked for search', () => {
    const found = indexedPage('articles/a/index.html', articlePage('2026-11-27T14:00:00+01:00'));
    expect(found).toEqual({
      path: 'articles/a/index.html',
      publishedMs: Date.parse('2026-11-27T13:00:00Z'),
      digest: 'd',
    });
  });

  it('leaves out a page Pagefind would not index', () => {
    expect(
      indexedPage('articles/x/index.html', { ...articlePage('2026-11-27T14:00:00Z'), searchable: false }),
    ).toBeUndefined();
  });

  it('names the file when a page marked for search has no publication date', () => {
    expect(() => indexedPage('articles/b/index.html', articlePage(undefined))).toThrow(
      /^articles\/b\/index\.html: an article page marked for search has no readable datePublished/,
    );
    expect(() => indexedPage('articles/c/index.html', articlePage('last tuesday'))).toThrow(
      /\(last tuesday\)/,
    );
  });
});

describe('splitIntoShards', () => {
  const pages = [
    page('articles/d/index.html', '2024-03-01T00:00:00Z'),
    page('articles/a/index.html', '2021-01-01T00:00:00Z'),
    page('articles/c/index.html', '2023-01-01T00:00:00Z'),
    page('articles/b/index.html', '2023-01-01T00:00:00Z'),
    page('articles/e/index.html', '2025-06-01T00:00:00Z'),
  ];
  const paths = (shards: IndexedPage[][]) =>
    shards.map((shard) => shard.map((one) => one.path.split('/')[1]));

  it('cuts ranges of a fixed size, oldest first, ties in path order, whatever order the disk gave', () => {
    expect(paths(splitIntoShards(pages, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(paths(splitIntoShards([...pages].reverse(), 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(paths(splitIntoShards(pages, 10))).toEqual([['a', 'b', 'c', 'd', 'e']]);
  });

  it('puts a new article into the last shard and leaves the others as they were', () => {
    const withNew = [...pages, page('articles/0-newest/index.html', '2026-12-01T00:00:00Z')];
    expect(paths(splitIntoShards(withNew, 2))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', '0-newest'],
    ]);
  });

  it('gives a site with no article one empty shard, so it still has an index', () => {
    expect(splitIntoShards([], 3)).toEqual([[]]);
  });
});

describe('where shards go and what their pages are called', () => {
  it('puts the oldest shard at the top of pagefind/ and the others below it', () => {
    expect([0, 1, 2].map(shardFolder)).toEqual(['', 'shards/2/', 'shards/3/']);
  });

  it('gives a page the URL Pagefind gives a folder index', () => {
    expect(pageUrl('articles/harbour-wall/index.html')).toBe('/articles/harbour-wall/');
    expect(pageUrl('articles/old.html')).toBe('/articles/old.html');
  });
});
