/**
 * Builds the Pagefind search index into dist/pagefind/ once `astro build` has written the pages,
 * so `npm run build` produces a searchable site with no second command. Only what article pages
 * mark with data-pagefind-body is indexed: headline, dek, byline and body, not the site chrome.
 *
 * Pagefind has no incremental mode and indexing is a fifth of a no-change rebuild at N = 10,000
 * (docs/performance.md), so the last index is kept in Astro's cache dir under a digest of what it
 * was built from (every article page, byte for byte, and Pagefind's version): a rebuild whose
 * article pages are all unchanged copies it instead of indexing again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { close, createIndex } from 'pagefind';
import { fileDigest } from '../lib/file-digest.ts';
import { publishFile } from '../lib/publish-file.ts';

const INDEXED = 'articles';

/** A digest of the pages Pagefind would index (paths and bytes) and of Pagefind itself. */
function indexInputDigest(site: string): { digest: string; pages: number } {
  // A new site, or one whose every article is still scheduled, has no article pages yet.
  const folder = join(site, INDEXED);
  const pages = (existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : [])
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(INDEXED, path));
  return { digest: fileDigest(site, pages, [readFileSync(findPackageJSON('pagefind', import.meta.url)!)]), pages: pages.length };
}

/** Publishes a cached index into dist/, or keeps a built one, file by file (src/lib/publish-file.ts). */
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

async function buildIndex(site: string, outputPath: string): Promise<number> {
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new AstroError(`Pagefind could not start: ${errors.join('; ')}`);
    // Only article pages carry data-pagefind-body; reading the listing, tag and author pages
    // too (a third of the site) only cost time.
    const added = await index.addDirectory({ path: site, glob: `${INDEXED}/**/*.html` });
    if (added.errors.length) throw new AstroError(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new AstroError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
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
        const { digest, pages } = indexInputDigest(site);
        const cached = join(cacheDir, digest);
        if (existsSync(cached)) {
          linkFiles(cached, outputPath);
          logger.info(`Search index reused: the ${pages} article page(s) are unchanged since it was built`);
          return;
        }
        const indexed = await buildIndex(site, outputPath);
        logger.info(`Indexed ${indexed} article page(s) for search into ${outputPath}`);
        // Only the newest index is kept. Copied under a temporary name, then renamed: a build
        // stopped half-way never leaves a partial index to be reused.
        rmSync(cacheDir, { recursive: true, force: true });
        linkFiles(outputPath, `${cached}.partial`);
        renameSync(`${cached}.partial`, cached);
      },
    },
  };
}
