/**
 * dist/_headers as Netlify and Cloudflare Pages apply it to the real build: every URL a reader
 * or crawler requests gets the caching the issue asks for (hashed assets for a year, pages,
 * feeds and sitemaps briefly), from at most one rule, since Cloudflare joins two matching
 * Cache-Control values with a comma.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parseHeadersFile, ruleMatches, type HeaderRule } from '../helpers/headers-file.ts';

/** What a reader requests for a file: a folder's URL for its index.html, the file's path otherwise. */
const requestPathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Both hosts send this for a URL no rule gives a Cache-Control. */
const HOST_DEFAULT = 'public, max-age=0, must-revalidate';
const maxAge = (cacheControl: string) => Number(/max-age=(\d+)/.exec(cacheControl)?.[1]);

describe('dist/_headers applied to the built site', () => {
  let rules: HeaderRule[];
  let requests: string[];
  const cacheControlRules = (path: string) =>
    rules.filter((rule) => ruleMatches(rule.path, path) && rule.headers['Cache-Control']);
  const cacheControl = (path: string) => cacheControlRules(path)[0]?.headers['Cache-Control'] ?? HOST_DEFAULT;

  beforeAll(() => {
    const dist = inject('siteDist');
    rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    requests = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('_'))
      .map((entry) =>
        requestPathOf(
          join(entry.parentPath, entry.name)
            .slice(dist.length + 1)
            .split('\\')
            .join('/'),
        ),
      );
  });

  it('gives each URL at most one Cache-Control rule', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((path) => cacheControlRules(path).length > 1)).toEqual([]);
  });

  it('caches hashed assets under /_astro/ for a year, immutable, and nothing else', () => {
    const assets = requests.filter((path) => path.startsWith('/_astro/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const path of assets) expect(cacheControl(path), path).toBe('public, max-age=31536000, immutable');
    for (const path of requests.filter((path) => !path.startsWith('/_astro/')))
      expect(cacheControl(path), path).not.toContain('immutable');
  });

  it('makes browsers revalidate every page, so corrections and expiries show at once', () => {
    const pages = requests.filter((path) => path.endsWith('/') || path.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html']));
    for (const path of pages) expect(maxAge(cacheControl(path)), path).toBe(0);
  });

  it('caches feeds and sitemaps for minutes, not days', () => {
    const feeds = requests.filter((path) => /(rss|sitemap[^/]*)\.xml$|feed\.json$/.test(path));
    expect(feeds).toEqual(expect.arrayContaining(['/rss.xml', '/sitemap-index.xml']));
    for (const path of feeds) expect(maxAge(cacheControl(path)), path).toBeLessThanOrEqual(3600);
  });
});
