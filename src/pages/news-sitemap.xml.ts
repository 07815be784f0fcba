/** /news-sitemap.xml — indexable articles of the last two days (build clock PUBLISH_NOW), for Google News. */
import type { APIRoute } from 'astro';
import { listedArticles, now } from '../data/articles';
import { articleSearchPresentation } from '../data/search-presentation';
import { isoWithOffset } from '../lib/dates';
import { isIndexable } from '../lib/indexability';
import { newsSitemapEntries, newsSitemapXml } from '../lib/news-sitemap';
import { absoluteUrl, articlePath } from '../lib/urls';
import { site } from '../site.config';

export const GET: APIRoute = async () => {
  const candidates = (await listedArticles())
    .map((article) => ({
      url: absoluteUrl(site.url, site.basePath, articlePath(article.id)),
      title: article.data.title,
      published: article.data.pubDate,
      search: articleSearchPresentation(article),
    }))
    .filter((candidate) => isIndexable(candidate.url, candidate.search));
  const xml = await newsSitemapXml(newsSitemapEntries(candidates, now), site, (date) =>
    isoWithOffset(date, site.timezone),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
