/**
 * One Astro option changed at a time in the benchmark's copy of the site, so each option's effect
 * is measured against the site as committed. The committed files are never touched: a variant
 * wraps astro.config.ts in astro.config.bench.mjs and edits only the temp copy of src/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Variant {
  name: string;
  /** Merged over the committed config's `experimental` and `build`. */
  experimental?: Record<string, unknown>;
  build?: Record<string, unknown>;
  /** Options set on the articles collection's glob loader in src/content.config.ts. */
  articlesLoader?: Record<string, boolean>;
  /** Return a `cacheKey` (the entry's digest) from the article route's getStaticPaths. */
  cacheKeys?: boolean;
}

export const VARIANTS: Record<string, Variant> = {
  'as-configured': { name: 'as-configured' },
  'eager-render': { name: 'eager-render', articlesLoader: { deferRender: false } },
  'defer-render': { name: 'defer-render', articlesLoader: { deferRender: true } },
  'single-file-store': { name: 'single-file-store', experimental: { collectionStorage: 'single-file' } },
  chunked: { name: 'chunked', experimental: { collectionStorage: 'chunked' } },
  'chunked-1mb': { name: 'chunked-1mb', experimental: { collectionStorage: { type: 'chunked', chunkSize: 1024 * 1024 } } },
  incremental: { name: 'incremental', experimental: { incrementalBuild: true }, cacheKeys: true },
  'concurrency-2': { name: 'concurrency-2', build: { concurrency: 2 } },
};

/** Sets `option: value` in the articles collection's glob({...}) call, or fails loudly. */
export function setArticlesLoaderOption(source: string, option: string, value: boolean): string {
  const anchor = "base: './content/articles',";
  if (!source.includes(anchor)) throw new Error(`bench variant: src/content.config.ts no longer contains ${anchor}`);
  const existing = new RegExp(`(${anchor}[\\s\\S]*?)${option}: (true|false)`);
  const loaderEnd = source.indexOf('})', source.indexOf(anchor));
  const match = existing.exec(source);
  if (match && match.index + match[0].length < loaderEnd) return source.replace(existing, `$1${option}: ${value}`);
  return source.replace(anchor, `${anchor} ${option}: ${value},`);
}

/** Adds `cacheKey: article.digest` to the article route's getStaticPaths result, or fails loudly. */
export function addCacheKeys(source: string): string {
  const anchor = 'props: { article } }';
  if (!source.includes(anchor)) throw new Error(`bench variant: [slug].astro no longer contains ${anchor}`);
  return source.replace(anchor, 'props: { article }, cacheKey: String(article.digest ?? article.id) }');
}

export function applyVariant(root: string, variant: Variant): void {
  if (variant.experimental || variant.build) {
    writeFileSync(
      join(root, 'astro.config.bench.mjs'),
      `import base from './astro.config.ts';\n` +
        `export default { ...base, experimental: { ...base.experimental, ...${JSON.stringify(variant.experimental ?? {})} }, ` +
        `build: { ...base.build, ...${JSON.stringify(variant.build ?? {})} } };\n`,
    );
  }
  const edit = (path: string, change: (source: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
  for (const [option, value] of Object.entries(variant.articlesLoader ?? {})) {
    edit('src/content.config.ts', (source) => setArticlesLoaderOption(source, option, value));
  }
  if (variant.cacheKeys) edit('src/pages/articles/[slug].astro', addCacheKeys);
}
