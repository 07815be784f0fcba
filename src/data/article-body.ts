/**
 * An article's body, rendered when a page asks for it: the content loader keeps front matter only
 * (src/loaders/front-matter-only.ts says why).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderArticleOrTake } from '../build-threads/rendered-ahead.ts';
import type { RenderedArticle } from '../markdown/render-article.ts';
import type { Article } from './articles.ts';
import { perEntryVersion } from './per-entry-version.ts';

/** The project root (astro.config.ts defines it): entries' file paths are relative to it. */
const siteRoot: string = import.meta.env.SITE_ROOT;

/**
 * The text of the article's file and its absolute path. Read synchronously: an article is a few
 * kilobytes, and getStaticPaths reads every one of them in turn; awaiting 10,000 reads one at a
 * time left the main thread idle for half of that phase (docs/performance.md).
 */
export function articleSource(article: Article): { source: string; path: string } {
  if (!article.filePath) throw new Error(`article "${article.id}" has no source file`);
  const path = join(siteRoot, article.filePath);
  return { source: readFileSync(path, 'utf8'), path };
}

async function render(article: Article): Promise<RenderedArticle> {
  const { source, path } = articleSource(article);
  try {
    return await renderArticleOrTake(path, source);
  } catch (error) {
    // remark-limits and the image checks say what is wrong and where; say it is this article's.
    throw new Error(
      `${article.filePath}: the article body could not be rendered: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * The article's rendered body, rendered again whenever its file changes (the digest covers it).
 * The last few are kept, so an article page and its feed items share one render;
 * not all of them: at 100,000 articles their HTML would not fit in memory.
 */
export const articleBody = perEntryVersion(render, 64);
