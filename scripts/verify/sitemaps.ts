/**
 * Sitemaps as a search engine reads them (sitemaps.org protocol, and Google News for
 * news-sitemap.xml): well-formed XML whose root is <urlset> or <sitemapindex>, each entry with an
 * absolute <loc>. Whether each <loc> names a file in dist/ is src/lib/link-check.ts's job (`textUrls`).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isAbsoluteHttpUrl } from './formats.ts';

export function sitemapProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: line ${valid.err.line}: ${valid.err.msg}`];
  const document = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(
    xml,
  ) as Record<string, { url?: { loc?: unknown }[]; sitemap?: { loc?: unknown }[] }>;
  const rootName = ['urlset', 'sitemapindex'].find((name) => name in document);
  if (!rootName) return ['the root element is neither <urlset> nor <sitemapindex>'];
  // An empty <urlset/> (no news in the last two days) parses as an empty string.
  const root = document[rootName] || {};
  const entries = [...(root.url ?? []), ...(root.sitemap ?? [])];
  return entries.flatMap((entry, index) =>
    isAbsoluteHttpUrl(entry.loc)
      ? []
      : [`entry ${index + 1}: <loc> is not an absolute URL: ${String(entry.loc)}`],
  );
}
