/**
 * Builds the Pagefind search index into dist/pagefind/ once `astro build` has written the pages,
 * so `npm run build` (and `astro build` alone) produces a searchable site with no second command.
 * Only what article pages mark with data-pagefind-body is indexed: headline, dek, byline and body,
 * not the site chrome.
 *
 * The index is built in shards of a fixed number of articles (src/lib/search-shards.ts says why),
 * two at a time, on two worker threads (src/build-threads/search-shard-threads.ts), when the
 * build's memory leaves room for two indexers (each a native process holding its shard's whole
 * index in memory), else one at a time; each has ended before its thread starts the next. The
 * search page merges the shards (public/search.js).
 *
 * Pagefind has no incremental mode, so each shard is kept in Astro's cache dir under a digest of
 * what it was built from (its article pages, path and bytes, and Pagefind's version): a rebuild
 * indexes again only the shards whose pages changed, and copies the others.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { pageFacts } from '../build-output/page-facts.ts';
import {
  indexerBytes,
  indexerThreads,
  indexShardsOnTwoThreads,
} from '../build-threads/search-shard-threads.ts';
import { jsonDigest } from '../lib/file-digest.ts';
import { publishFile } from '../lib/publish-file.ts';
import {
  indexedPage,
  shardFolder,
  SHARDS_MANIFEST,
  splitIntoShards,
  type IndexedPage,
} from '../lib/search-shards.ts';
import { readEnvironment } from '../lib/environment.ts';

const INDEXED = 'articles';

/** Every article page Pagefind would index, with its date and digest. */
function indexedPages(site: string): IndexedPage[] {
  // A new site, or one whose every article is still scheduled, has no article pages yet.
  const folder = join(site, INDEXED);
  if (!existsSync(folder)) return [];
  const pages: IndexedPage[] = [];
  for (const path of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.html')) continue;
    const page = indexedPage(`${INDEXED}/${path}`, pageFacts(join(folder, path)));
    if (page) pages.push(page);
  }
  return pages;
}

/** A shard's cache key: its pages (paths and bytes) and the Pagefind that indexes them. */
const shardDigest = (pagefindVersion: string, shard: readonly IndexedPage[]) =>
  jsonDigest([pagefindVersion, shard.map((page) => [page.path, page.digest])]);

/** Publishes a cached shard into dist/, file by file (src/lib/publish-file.ts). */
function linkFiles(from: string, to: string) {
  const made = new Set<string>();
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const target = join(to, entry.parentPath.slice(from.length), entry.name);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    publishFile(join(entry.parentPath, entry.name), target);
  }
}

export default function pagefind(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'wirepress:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('pagefind-index/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        const pages = indexedPages(site);
        const shards = splitIntoShards(pages, readEnvironment(process.env).WIREPRESS_SEARCH_SHARD_SIZE);
        const pagefindVersion = readFileSync(findPackageJSON('pagefind', import.meta.url)!, 'utf8');
        const digests = shards.map((shard) => shardDigest(pagefindVersion, shard));
        const total = shards.length;
        // Written under a temporary name, then renamed: a build stopped half-way never leaves a
        // partial shard to be reused.
        const toIndex = shards.flatMap((pages, position) => {
          const cached = join(cacheDir, digests[position]!);
          return existsSync(cached) ? [] : [{ pages, position, cached, outputPath: `${cached}.partial` }];
        });
        const reused = total - toIndex.length;
        const environment = readEnvironment(process.env);
        const budget = environment.BUILD_MEMORY_BYTES ?? totalmem();
        const largest = Math.max(0, ...toIndex.map((job) => job.pages.length));
        const used = process.memoryUsage().rss;
        const threads = environment.BUILD_THREADS ? indexerThreads(budget, used, largest) : 0;
        const onThreads = await indexShardsOnTwoThreads(
          site,
          toIndex,
          ({ outputPath: partial, cached, position }, indexed) => {
            renameSync(partial, cached);
            logger.info(`Indexed ${indexed} article page(s) for search (shard ${position + 1} of ${total})`);
          },
          { threads },
        ).catch((error: Error) => {
          throw new AstroError(error.message);
        });
        if (toIndex.length > 1 && threads) {
          const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
          logger.info(
            threads === 2
              ? `${onThreads} of the ${toIndex.length} shard(s) indexed were indexed two at a time`
              : `Shards indexed one at a time: two indexers (~${gib(2 * indexerBytes(largest))}) beside the ` +
                  `build's ${gib(used)} would not fit in ${gib(budget)} (BUILD_MEMORY_BYTES)`,
          );
        }
        for (const position of shards.keys()) {
          linkFiles(join(cacheDir, digests[position]!), join(outputPath, shardFolder(position)));
        }
        const merged = shards.slice(1).map((_, position) => shardFolder(position + 1));
        writeFileSync(join(outputPath, SHARDS_MANIFEST), `${JSON.stringify({ merged })}\n`);
        if (reused === total) {
          const unchanged = `the ${pages.length} article page(s) are unchanged since it was built`;
          logger.info(`Search index reused: ${unchanged} (${total} shard(s))`);
        } else if (reused) {
          logger.info(`Search index: ${reused} of ${total} shard(s) reused, their article pages unchanged`);
        }
        // Only the shards of this build are kept.
        const current = new Set(digests);
        for (const entry of readdirSync(cacheDir)) {
          if (!current.has(entry)) rmSync(join(cacheDir, entry), { recursive: true, force: true });
        }
      },
    },
  };
}
