/**
 * The standing pages (content/pages/*.md) at /<slug>/, beside the site's own routes. A slug that
 * would take one of those URLs stops the build, naming the file and the fix.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { oncePerBuild } from './once-per-build.ts';

export type StandingPage = CollectionEntry<'pages'>;

/** First path segments the site's own routes use (src/pages/). */
export const RESERVED_SLUGS = [
  'articles',
  'authors',
  'sections',
  'tags',
  'search',
  'page',
  'og',
  'pagefind',
  '_astro',
  '404',
];

/**
 * The standing pages, read once per build: every page's footer lists them, and Astro warns on each
 * read of a collection that has no files (a site without content/pages/ logged it once a page:
 * 150,842 times at 100,000 articles).
 */
export const standingPages = oncePerBuild(async (): Promise<StandingPage[]> => {
  const pages = await getCollection('pages');
  for (const page of pages) {
    if (RESERVED_SLUGS.includes(page.id)) {
      throw new Error(
        `${page.filePath ?? page.id}: the page's URL /${page.id}/ belongs ` +
          `to the site itself. Fix: rename the file, e.g. about-${page.id}.md.`,
      );
    }
  }
  return pages.sort((a, b) => (a.data.title < b.data.title ? -1 : a.data.title > b.data.title ? 1 : 0));
});
