/**
 * Writes a new article bundle (content/articles/<slug>/index.md) for the editor CLIs, refusing
 * to touch an article that already has that URL, whether it is a folder or a single file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SLUG_PATTERN } from './slugs.ts';

export class ArticleBundleError extends Error {
  override name = 'ArticleBundleError';
}

/** Creates `<articlesDir>/<slug>/index.md` and returns its path. */
export function writeNewArticle(articlesDir: string, slug: string, markdown: string): string {
  if (!SLUG_PATTERN.test(slug)) {
    throw new ArticleBundleError(
      `cannot make a URL slug from this headline (got "${slug}"); use a headline with letters or digits.`,
    );
  }
  const dir = resolve(articlesDir, slug);
  const target = join(dir, 'index.md');
  for (const existing of [dir, `${dir}.md`]) {
    if (existsSync(existing))
      throw new ArticleBundleError(`${existing} already exists; not overwriting. Rename or remove it first.`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, markdown, { flag: 'wx' });
  return target;
}
