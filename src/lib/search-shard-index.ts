/**
 * Indexes one search shard (src/lib/search-shards.ts) with a Pagefind indexer of its own, on
 * whichever thread calls it: the build's shard threads (src/build-threads/search-shard-threads.ts)
 * or, with BUILD_THREADS=0 or after a thread failed, the main thread.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { pageUrl, type IndexedPage } from './search-shards.ts';

/** Pages sent to the indexer before waiting for the first answer: it indexes them side by side. */
const PAGES_IN_FLIGHT = 64;

/**
 * Indexes `pages` (paths relative to `site`) into `outputPath`, emptied first (a shard whose
 * thread died may have left part of one there); returns how many pages were indexed. Throws with
 * Pagefind's own words when it cannot start, index a page or write the index.
 */
export async function indexShard(
  site: string,
  pages: readonly Pick<IndexedPage, 'path'>[],
  outputPath: string,
): Promise<number> {
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let indexed = 0;
    const add = async (page: Pick<IndexedPage, 'path'>) => {
      const content = readFileSync(join(site, page.path), 'utf8');
      const added = await index.addHTMLFile({ url: pageUrl(page.path), content });
      if (added.errors.length) {
        throw new Error(`Pagefind could not index ${page.path}: ${added.errors.join('; ')}`);
      }
      indexed++;
    };
    for (let start = 0; start < pages.length; start += PAGES_IN_FLIGHT) {
      await Promise.all(pages.slice(start, start + PAGES_IN_FLIGHT).map(add));
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) {
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    }
    return indexed;
  } finally {
    // Ends this module's indexer (SIGTERM): read in /proc right after close() resolved, it was a
    // zombie already, its memory returned; the next shard starts a new one (docs/performance.md).
    await close();
  }
}
