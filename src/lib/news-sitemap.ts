/**
 * The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * only articles published in the last two days, at most 1,000 of them, each with the
 * publication's name and language. XML writing and escaping are left to the `sitemap` package.
 */
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { NEWS_WINDOW_MS } from './news-window.ts';

export { NEWS_WINDOW_MS } from './news-window.ts';
export const NEWS_LIMIT = 1000;

export interface NewsCandidate {
  /** Absolute URL of the article. */
  url: string;
  title: string;
  published: Date;
}

/**
 * The candidates published within the window that ends at `now`, newest first, capped at
 * NEWS_LIMIT. The window is closed: an article exactly two days old is still in it.
 */
export function newsSitemapEntries<T extends NewsCandidate>(candidates: T[], now: Date): T[] {
  return candidates
    .filter((candidate) => {
      const age = now.getTime() - candidate.published.getTime();
      return age >= 0 && age <= NEWS_WINDOW_MS;
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime() || (a.url < b.url ? -1 : 1))
    .slice(0, NEWS_LIMIT);
}

/** Google wants an ISO 639 code ("en" for en-GB), except zh-cn and zh-tw, which it keeps. */
export function newsLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-hans' || lower.startsWith('zh-hans-')) return 'zh-cn';
  if (lower === 'zh-tw' || lower === 'zh-hant' || lower.startsWith('zh-hant-')) return 'zh-tw';
  return lower.split('-')[0]!;
}

const EMPTY_NEWS_SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
  'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

export interface NewsPublication {
  name: string;
  /** BCP 47 tag from the site config; reduced to what Google accepts. */
  lang: string;
}

/** The sitemap document. `formatDate` gives W3C date-times (with the site's offset). */
export async function newsSitemapXml(
  entries: NewsCandidate[],
  publication: NewsPublication,
  formatDate: (date: Date) => string,
): Promise<string> {
  const items: SitemapItemLoose[] = entries.map((entry) => ({
    url: entry.url,
    news: {
      publication: { name: publication.name, language: newsLanguage(publication.lang) },
      publication_date: formatDate(entry.published),
      title: entry.title,
    },
  }));
  // The sitemap package refuses to write an empty document; a quiet news day still needs one.
  if (items.length === 0) return EMPTY_NEWS_SITEMAP;
  const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}
