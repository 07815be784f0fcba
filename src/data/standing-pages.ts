/**
 * The standing pages (content/pages/*.md) at /<slug>/, beside the site's own routes. A slug that
 * would take one of those URLs stops the build, naming the file and the fix.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

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

export async function standingPages(): Promise<StandingPage[]> {
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
}
