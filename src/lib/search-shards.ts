/**
 * How the search index is split into shards, each one Pagefind index built, cached and published
 * on its own (src/integrations/pagefind.ts); the search page merges them into one ranked list
 * (public/search.js, Pagefind's mergeIndex).
 *
 * Why shards: Pagefind's indexer holds the whole index in memory, 14.9 GiB at 100,000 articles
 * (docs/performance.md), more than a 7 GB runner has. Indexed two at a time (on two threads,
 * src/build-threads/search-shard-threads.ts), two shards' indexers are alive at most.
 *
 * Why fixed-size ranges of articles in publication order, not one shard per year: a fixed size
 * bounds the indexer's memory whatever the archive looks like (a newsroom's years are uneven, and
 * an imported archive can put most articles in one year). Publication order keeps the ranges
 * stable where archives change: a new article is the newest and lands in the last shard, an edit
 * or a correction changes the one shard that holds the article, so a rebuild indexes one shard
 * again and copies the others. Only taking an article down or backdating one shifts the ranges
 * after it. Ties (same minute) are broken by path, so the order never depends on the disk.
 */

/**
 * Articles per shard. Pagefind's indexer peaked at 0.87 GiB for a shard of 5,000 articles here,
 * beside a build process of up to 5.3 GiB at N = 100,000 (docs/performance.md): one such indexer
 * and the build stay under a 7 GB runner's memory, and a second runs beside them only when the
 * build's memory leaves room (src/build-threads/search-shard-threads.ts). A search fetches an
 * index chunk a shard: 20 at N = 100,000.
 * WIREPRESS_SEARCH_SHARD_SIZE changes it, for tests (src/lib/environment.ts).
 */
export const DEFAULT_SHARD_SIZE = 5_000;

/** The shards' list beside the first shard's index in dist/pagefind/, read by the search page. */
export const SHARDS_MANIFEST = 'shards.json';

export interface IndexedPage {
  /** Relative to the built site, e.g. articles/harbour-wall/index.html. */
  path: string;
  publishedMs: number;
  /** Of the page's bytes: a shard's cache key is made of its pages' paths and digests. */
  digest: string;
}

/**
 * The page as the search index sees it, or undefined when Pagefind would not index it: only a
 * published article's page marks its <article> with data-pagefind-body (an expired or scheduled
 * one does not), and every such page carries its NewsArticle JSON-LD, with datePublished, in its
 * <head> (src/build-output/page-facts.ts reads both).
 */
export function indexedPage(
  path: string,
  page: { searchable: boolean; datePublished: string | undefined; digest: string },
): IndexedPage | undefined {
  if (!page.searchable) return undefined;
  const published = page.datePublished;
  const publishedMs = published === undefined ? Number.NaN : Date.parse(published);
  if (Number.isNaN(publishedMs)) {
    throw new Error(
      `${path}: an article page marked for search has no readable datePublished in the JSON-LD ` +
        `of its <head> (${published ?? 'none'}), which orders the search shards.`,
    );
  }
  return { path, publishedMs, digest: page.digest };
}

/** Oldest first, in ranges of `size`; one shard at least, so a site with no article still has an index. */
export function splitIntoShards(pages: readonly IndexedPage[], size: number): IndexedPage[][] {
  const byPath = (a: IndexedPage, b: IndexedPage) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const ordered = [...pages].sort((a, b) => a.publishedMs - b.publishedMs || byPath(a, b));
  const shards: IndexedPage[][] = [];
  for (let start = 0; start < ordered.length; start += size) shards.push(ordered.slice(start, start + size));
  return shards.length ? shards : [[]];
}

/**
 * Where shard `position` (0 = oldest) goes, relative to dist/pagefind/. The oldest shard is the
 * index the search page loads (with pagefind.js, the path it always had); the others sit below it,
 * where Pagefind's mergeIndex accepts them (it skips a path its first index's path starts with).
 */
export const shardFolder = (position: number): string => (position === 0 ? '' : `shards/${position + 1}/`);

/** The search page's URL of a built page: Pagefind's own for articles/x/index.html. */
export const pageUrl = (path: string): string => `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
