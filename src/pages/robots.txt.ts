/**
 * /robots.txt — points crawlers at the sitemaps. Crawlers only read it at the origin's root, so
 * with a BASE_PATH it must be copied (or merged) into the root robots.txt of that origin.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/urls';
import { site } from '../site.config';

export const GET: APIRoute = () => {
  const url = (path: string) => absoluteUrl(site.url, site.basePath, path);
  const body = [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${url('sitemap-index.xml')}`,
    `Sitemap: ${url('news-sitemap.xml')}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
