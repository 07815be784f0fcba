/**
 * The site's feeds, read by a real feed parser and checked against RSS 2.0 and JSON Feed 1.1:
 * required elements, absolute URLs, spec dates, and every item pointing at a page that exists.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, inject, it } from 'vitest';
import { readSiteConfig } from '../../src/lib/site-config.ts';
import { jsonFeedProblems, rssProblems } from '../../scripts/verify/feed-spec.ts';

const dist = inject('siteDist');
const site = readSiteConfig(process.env);

function read(file: string): string {
  const path = join(dist, file);
  if (!existsSync(path))
    throw new Error(`dist/${file} is missing: the site must publish it (issue 4: feeds)`);
  return readFileSync(path, 'utf8');
}

/** The built page an absolute item URL points at, or undefined when there is none. */
function pageFileOf(url: string): string | undefined {
  const prefix = `${site.url}${site.basePath}`;
  if (!url.startsWith(prefix)) return undefined;
  const file = join(dist, url.slice(prefix.length), 'index.html');
  return existsSync(file) ? file : undefined;
}

describe('the RSS feeds', () => {
  const files = ['rss.xml', ...globSync('**/rss.xml', { cwd: dist }).filter((file) => file !== 'rss.xml')];

  it.each(files)('%s is valid RSS 2.0 with absolute URLs and RFC 822 dates', (file) => {
    expect(rssProblems(read(file))).toEqual([]);
  });

  it('rss.xml links every item to a built article page', () => {
    const items = parseRssFeed(read('rss.xml')).items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((item) => !pageFileOf(item.link ?? '')).map((item) => item.link)).toEqual([]);
  });
});

describe('the JSON Feed', () => {
  it('feed.json is valid JSON Feed 1.1 with absolute URLs and RFC 3339 dates', () => {
    expect(jsonFeedProblems(read('feed.json'))).toEqual([]);
  });

  it('links every item to a built article page, and lists the same articles as rss.xml', () => {
    const items = parseJsonFeed(JSON.parse(read('feed.json'))).items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((item) => !pageFileOf(item.url ?? '')).map((item) => item.url)).toEqual([]);
    const rssLinks = (parseRssFeed(read('rss.xml')).items ?? []).map((item) => item.link);
    expect(items.map((item) => item.url)).toEqual(rssLinks);
  });
});
