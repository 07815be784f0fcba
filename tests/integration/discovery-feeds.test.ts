/**
 * Feeds, sitemaps and autodiscovery of the real site (project content, fixed clock): parsed with
 * real XML/HTML parsers and compared with the content files and the built article pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot, TEST_NOW } from '../helpers/build-site.ts';
import { listedFromContent, type SourceArticle } from '../helpers/listed-articles.ts';
import { FEED_LIMIT } from '../../src/lib/feeds.ts';

const SITE = 'https://example.org/';
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'category', 'sitemap'].includes(name),
});

let dist: string;
let all: SourceArticle[];
let listed: SourceArticle[];
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const html = (path: string) => parseHTML(read(path)).document;
const articleUrl = (id: string) => `${SITE}articles/${id}/`;

/** The paragraphs of a built article page's body, with the content note first when it has one. */
function pageParagraphs(id: string): string[] {
  const page = html(`articles/${id}/index.html`);
  const note = page.querySelector('[role="note"]')?.textContent;
  const body = [...page.querySelectorAll('.article-body p')].map((p) => p.textContent);
  return note ? [note, ...body] : body;
}

function urlsIn(fragment: string): string[] {
  const { document } = parseHTML(`<!doctype html><body>${fragment}</body>`);
  return [...document.querySelectorAll('[href], [src], [srcset]')].flatMap((element) => [
    ...['href', 'src']
      .map((name) => element.getAttribute(name))
      .filter((value): value is string => value !== null),
    ...(element.getAttribute('srcset') ?? '')
      .split(/,\s+/)
      .filter(Boolean)
      .map((candidate) => candidate.trim().split(/\s+/)[0]!),
  ]);
}

beforeAll(() => {
  dist = inject('siteDist');
  // Feeds carry the newest FEED_LIMIT articles; the project's own content has fewer.
  all = listedFromContent(join(projectRoot, 'content'), new Date(TEST_NOW));
  listed = all.slice(0, FEED_LIMIT);
  expect(listed.length).toBeGreaterThan(0);
});

describe('RSS 2.0 at /rss.xml', () => {
  let channel: any;
  beforeAll(() => {
    const text = read('rss.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    channel = xml.parse(text).rss.channel;
  });

  it('describes the site with absolute links and points at itself', () => {
    expect(channel.link).toBe(SITE);
    expect(channel.language).toBe('en-gb');
    expect(channel['atom:link']['@_href']).toBe(`${SITE}rss.xml`);
    expect(channel['atom:link']['@_rel']).toBe('self');
  });

  const oneItemPerArticle =
    'has one item per published article (up to FEED_LIMIT), newest first, ' +
    'with absolute links and RFC 822 dates';
  it(oneItemPerArticle, () => {
    expect(channel.item.map((item: any) => item.link)).toEqual(
      listed.map((article) => articleUrl(article.id)),
    );
    for (const [index, item] of channel.item.entries()) {
      const article = listed[index]!;
      expect(item.title).toBe(article.title);
      expect(item.guid['#text']).toBe(item.link);
      expect(item.pubDate).toBe(article.pubDate.toUTCString());
      expect(item.pubDate).toMatch(
        new RegExp(
          /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} /.source +
            /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/.source,
        ),
      );
    }
  });

  it('carries the full body exactly as the article page shows it, content note first', () => {
    for (const item of channel.item) {
      const id = new URL(item.link).pathname.split('/')[2]!;
      const { document } = parseHTML(`<!doctype html><body>${item['content:encoded']}</body>`);
      expect([...document.querySelectorAll('p')].map((p) => p.textContent)).toEqual(pageParagraphs(id));
    }
  });

  it('uses only absolute http(s) URLs inside content, and every local image exists in dist/', () => {
    const urls = channel.item.flatMap((item: any) => urlsIn(item['content:encoded']));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https?:\/\//);
      if (url.startsWith(`${SITE}_astro/`)) expect(() => read(new URL(url).pathname)).not.toThrow();
    }
    expect(urls.some((url: string) => url.startsWith(`${SITE}_astro/`))).toBe(true);
  });

  it('credits our authors as dc:creator and invents none for uncredited wire copy', () => {
    const creators = Object.fromEntries(
      channel.item.map((item: any) => [new URL(item.link).pathname.split('/')[2], item['dc:creator']]),
    );
    expect(creators['harbour-light-returns']).toBe('Amara Okafor');
    expect(creators['chrissy-teigen-breaks-down-in-tears-during-therapy-three']).toBeUndefined();
  });
});

describe('per-section RSS at /sections/<section>/rss.xml', () => {
  it('lists exactly the section’s published articles', () => {
    for (const section of new Set(all.map((article) => article.section))) {
      const text = read(`sections/${section}/rss.xml`);
      expect(XMLValidator.validate(text)).toBe(true);
      const channel = xml.parse(text).rss.channel;
      expect(channel.link).toBe(`${SITE}sections/${section}/`);
      expect(channel.item.map((item: any) => item.link)).toEqual(
        all
          .filter((article) => article.section === section)
          .slice(0, FEED_LIMIT)
          .map((article) => articleUrl(article.id)),
      );
    }
  });
});

describe('JSON Feed 1.1 at /feed.json', () => {
  let feed: any;
  beforeAll(() => {
    feed = JSON.parse(read('feed.json'));
  });

  it('has the spec’s required top-level fields', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.title.length).toBeGreaterThan(0);
    expect(feed.home_page_url).toBe(SITE);
    expect(feed.feed_url).toBe(`${SITE}feed.json`);
    expect(Array.isArray(feed.items)).toBe(true);
  });

  it('has every published article with id, content, absolute URLs and RFC 3339 dates', () => {
    expect(feed.items.map((item: any) => item.id)).toEqual(listed.map((article) => articleUrl(article.id)));
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    for (const [index, item] of feed.items.entries()) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      expect(item.url).toMatch(/^https:\/\//);
      expect(item.date_published).toMatch(rfc3339);
      expect(new Date(item.date_published).getTime()).toBe(listed[index]!.pubDate.getTime());
      if (item.date_modified !== undefined) expect(item.date_modified).toMatch(rfc3339);
      for (const url of [item.image, ...(item.authors ?? []).map((author: any) => author.url)].filter(
        Boolean,
      )) {
        expect(url).toMatch(/^https:\/\//);
      }
      for (const url of urlsIn(item.content_html)) expect(url).toMatch(/^https?:\/\//);
    }
  });

  it('uses the article page’s own social image as the item image, a file that exists', () => {
    for (const item of feed.items) {
      const page = html(`${new URL(item.id).pathname}index.html`);
      expect(item.image).toBe(page.querySelector('meta[property="og:image"]')?.getAttribute('content'));
      if (item.image) expect(() => read(new URL(item.image).pathname)).not.toThrow();
    }
  });

  it('credits our authors with a link to their author page', () => {
    const harbour = feed.items.find((item: any) => item.id === articleUrl('harbour-light-returns'));
    expect(harbour.authors).toEqual([{ name: 'Amara Okafor', url: `${SITE}authors/amara-okafor/` }]);
  });
});

describe('feed autodiscovery', () => {
  it('announces the site feeds on every kind of page, and the section feed on its section page', () => {
    for (const path of [
      'index.html',
      `articles/${listed[0]!.id}/index.html`,
      'sections/news/index.html',
      '404.html',
    ]) {
      const links = [...html(path).querySelectorAll('head link[rel="alternate"]')].map((link) => [
        link.getAttribute('type'),
        link.getAttribute('href'),
      ]);
      expect(links).toContainEqual(['application/rss+xml', `${SITE}rss.xml`]);
      expect(links).toContainEqual(['application/feed+json', `${SITE}feed.json`]);
    }
    const section = [...html('sections/news/index.html').querySelectorAll('head link[rel="alternate"]')].map(
      (link) => link.getAttribute('href'),
    );
    expect(section).toContain(`${SITE}sections/news/rss.xml`);
  });
});

describe('sitemaps and robots.txt', () => {
  let urls: string[];
  beforeAll(() => {
    const index = xml.parse(read('sitemap-index.xml')).sitemapindex.sitemap.map((entry: any) => entry.loc);
    urls = index.flatMap((loc: string) =>
      xml.parse(read(new URL(loc).pathname)).urlset.url.map((entry: any) => entry.loc),
    );
  });

  it('lists original articles, listings and author pages', () => {
    expect(urls).toContain(SITE);
    expect(urls).toContain(articleUrl('harbour-light-returns'));
    expect(urls).toContain(`${SITE}sections/news/`);
    expect(urls).toContain(`${SITE}authors/amara-okafor/`);
  });

  it('leaves out the syndicated seed (noindex by default) and the 404 page', () => {
    expect(urls).not.toContain(articleUrl('chrissy-teigen-breaks-down-in-tears-during-therapy-three'));
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });

  it('lists only pages whose own head allows indexing', () => {
    for (const url of urls) {
      const head = html(`${new URL(url).pathname}index.html`);
      expect(head.querySelector('meta[name="robots"]')?.getAttribute('content')).not.toMatch(/noindex/);
      expect(head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    }
  });

  it('names both sitemaps in robots.txt', () => {
    const lines = read('robots.txt').split('\n');
    expect(lines).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    expect(lines).toContain(`Sitemap: ${SITE}news-sitemap.xml`);
  });
});
