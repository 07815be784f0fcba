/**
 * Listings, feeds and sitemaps of a generated site: 25 articles in one section, the cases a
 * sitemap must leave out (draft, scheduled, expired, syndicated copies), a hostile headline and
 * an author, built once under a base path with an injected clock (PUBLISH_NOW).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';
import { FEED_LIMIT } from '../../src/lib/feeds.ts';

const NOW = new Date('2026-12-10T12:00:00Z');
const HOUR = 3_600_000;
const ORIGIN = 'https://paper.example';
const BASE = '/news/';
const SITE = `${ORIGIN}${BASE}`;
const HOSTILE_TITLE = 'Q&A: ]]> </title> <script>alert(1)</script> "quoted" & done';
const HOSTILE_TAG = 'R&D ]]>';

const local = (n: number) => `local-${String(n).padStart(2, '0')}`;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

function article(slug: string, front: Record<string, unknown>, body = 'A paragraph of body text.') {
  const yaml = Object.entries({ source: { relationship: 'original' }, ...front })
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return [`articles/${slug}/index.md`, `---\n${yaml}\n---\n\n${body}\n`] as const;
}

/** local-01 … local-25, three hours apart starting three hours before NOW: local-16 is exactly two days old. */
function fixtureContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wirepress-discovery-content-'));
  const files = [
    ...Array.from({ length: 25 }, (_, index) =>
      article(local(index + 1), {
        title: `Local story ${index + 1}`,
        pubDate: at(-(index + 1) * 3 * HOUR),
        section: 'local',
        tags: index % 2 ? ['coast', 'Harbour & Pier'] : ['Coast'],
        authors: ['ada'],
        ...(index === 0 ? { aliases: ['local-story-renamed'] } : {}),
      }),
    ),
    article('outside-by-a-second', {
      title: 'Two days and a second old',
      pubDate: at(-48 * HOUR - 1000),
      section: 'world',
    }),
    article(
      'hostile',
      {
        title: HOSTILE_TITLE,
        description: 'Dek with ]]> and </description>',
        pubDate: at(-HOUR),
        section: 'world',
        tags: [HOSTILE_TAG],
      },
      'Body with control characters: a\u000Bb\u001Bc and a ]]> marker.',
    ),
    article('draft', { title: 'Draft', pubDate: at(-2 * HOUR), section: 'world', draft: true }),
    article('scheduled', { title: 'Scheduled', pubDate: at(HOUR), section: 'world' }),
    article('expired', { title: 'Expired', pubDate: at(-5 * HOUR), expires: at(-HOUR), section: 'world' }),
    article('syndicated-noindex', {
      title: 'Syndicated, default policy',
      pubDate: at(-3 * HOUR),
      section: 'world',
      source: { relationship: 'syndicated', publisher: 'Wire' },
    }),
    article('syndicated-canonical', {
      title: 'Syndicated, canonical to source',
      pubDate: at(-3 * HOUR),
      section: 'world',
      source: {
        relationship: 'syndicated',
        publisher: 'Wire',
        url: 'https://source.example/story',
        policy: 'canonical-to-source',
      },
    }),
    article('syndicated-indexed', {
      title: 'Syndicated, indexed',
      pubDate: at(-4 * HOUR),
      section: 'world',
      source: { relationship: 'syndicated', publisher: 'Wire', policy: 'index' },
    }),
    [
      'authors/ada.yaml',
      'name: Ada Reporter\nbio: Ada covers the coast.\nurl: https://ada.example/\n' +
        'sameAs: ["https://social.example/@ada"]\navatar: ./ada.jpg\n',
    ],
    ['authors/bo.yaml', 'name: Bo Newcomer\nbio: Bo has just joined.\n'],
  ] as const;
  for (const [path, contents] of files) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  copyFileSync(
    join(projectRoot, 'content/articles/harbour-light-returns/harbour-morning.jpg'),
    join(dir, 'authors/ada.jpg'),
  );
  return dir;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'category', 'sitemap'].includes(name),
});

let build: BuildResult;
let contentDir: string;
const read = (path: string) => readFileSync(join(build.dist, path), 'utf8');
const page = (path: string) => parseHTML(read(`${path}index.html`)).document;
const listedSlugs = (path: string) =>
  [...page(path).querySelectorAll('.river .card-headline a')].map((a) =>
    a.getAttribute('href')!.split('/').at(-2),
  );
const headLink = (document: Document, rel: string) =>
  document.querySelector(`head link[rel="${rel}"]`)?.getAttribute('href');
const navLink = (document: Document, rel: string) =>
  document.querySelector(`nav.pagination a[rel="${rel}"]`)?.getAttribute('href');

beforeAll(async () => {
  contentDir = fixtureContent();
  build = await buildSite({
    contentDir,
    env: {
      PUBLISH_NOW: NOW.toISOString(),
      SITE_URL: ORIGIN,
      BASE_PATH: BASE,
      SITE_NAME: 'Paper & Ink',
      SITE_LANG: 'de-AT',
      SITE_TIMEZONE: 'Europe/Vienna',
    },
  });
  if (build.exitCode !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

afterAll(() => {
  build?.cleanup();
  rmSync(contentDir, { recursive: true, force: true });
});

describe('pagination', () => {
  it('splits a section of 25: the newest 10, then archive pages from the oldest, /…/2/ (5), /…/1/ (10)', () => {
    const pages = ['sections/local/', 'sections/local/2/', 'sections/local/1/'].map(listedSlugs);
    expect(pages.map((slugs) => slugs.length)).toEqual([10, 5, 10]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, index) => local(index + 1)));
    expect(existsSync(join(build.dist, 'sections/local/3'))).toBe(false);
    expect(existsSync(join(build.dist, 'sections/local/0'))).toBe(false);
  });

  it('links pages with rel prev/next in the head (absolute) and in a visible nav (with the base path)', () => {
    const [first, second, third] = ['sections/local/', 'sections/local/2/', 'sections/local/1/'].map(page);
    expect(headLink(first!, 'prev')).toBeUndefined();
    expect(headLink(first!, 'next')).toBe(`${SITE}sections/local/2/`);
    expect(headLink(second!, 'prev')).toBe(`${SITE}sections/local/`);
    expect(headLink(second!, 'next')).toBe(`${SITE}sections/local/1/`);
    expect(headLink(third!, 'prev')).toBe(`${SITE}sections/local/2/`);
    expect(headLink(third!, 'next')).toBeUndefined();
    expect(navLink(first!, 'next')).toBe(`${BASE}sections/local/2/`);
    expect(navLink(second!, 'prev')).toBe(`${BASE}sections/local/`);
    expect(navLink(third!, 'next')).toBeUndefined();
    expect(first!.querySelector('nav.pagination [aria-current="page"]')).toBeNull();
    // The span of the page's dates (local-15 to local-11), in the site's language and timezone.
    const span = new Intl.DateTimeFormat('de-AT', {
      dateStyle: 'long',
      timeZone: 'Europe/Vienna',
    }).formatRange(new Date(at(-15 * 3 * HOUR)), new Date(at(-11 * 3 * HOUR)));
    expect(second!.querySelector('nav.pagination [aria-current="page"]')?.textContent).toBe(
      `Archive page 2: ${span}`,
    );
  });

  it('gives every page its own canonical and title', () => {
    const second = page('sections/local/2/');
    expect(headLink(second, 'canonical')).toBe(`${SITE}sections/local/2/`);
    expect(second.querySelector('title')?.textContent).toBe('Local, archive page 2 · Paper & Ink');
  });

  it('puts the home page’s archive at /page/2/ and /page/1/ and shows no pagination on a single page', () => {
    const counts = ['', 'page/2/', 'page/1/'].map((path) => listedSlugs(path).length);
    expect(counts).toEqual([10, 10, 10]);
    expect(headLink(page(''), 'next')).toBe(`${SITE}page/2/`);
    expect(headLink(page('page/2/'), 'prev')).toBe(SITE);
    expect(headLink(page('page/2/'), 'next')).toBe(`${SITE}page/1/`);
    expect(existsSync(join(build.dist, 'page/3'))).toBe(false);
    expect(page('').querySelector('title')?.textContent).toBe('Paper & Ink');
    expect(page('page/2/').querySelector('title')?.textContent).toBe(
      'Latest articles, archive page 2 · Paper & Ink',
    );
    expect(page('sections/world/').querySelector('nav.pagination')).toBeNull();
  });
});

describe('section, tag and author pages', () => {
  it('merges tag spellings that share a slug into one paginated tag page', () => {
    expect(page('tags/coast/').querySelector('h1')?.textContent).toBe('Tagged “Coast”');
    expect(['tags/coast/', 'tags/coast/2/', 'tags/coast/1/'].map((path) => listedSlugs(path).length)).toEqual(
      [10, 5, 10],
    );
    expect(listedSlugs('tags/harbour-pier/')).toHaveLength(10);
  });

  it('links the sections from the site header', () => {
    const links = [...page('').querySelectorAll('header.site nav a')].map((a) => a.getAttribute('href'));
    expect(links).toContain(BASE);
    expect(links.filter((href) => href?.includes('/sections/'))).toEqual([
      `${BASE}sections/local/`,
      `${BASE}sections/world/`,
    ]);
  });

  it('shows an author’s bio, portrait, articles and Person JSON-LD with sameAs', () => {
    const ada = page('authors/ada/');
    expect(ada.querySelector('h1')?.textContent).toBe('Ada Reporter');
    expect(ada.querySelector('.author-card')?.textContent).toContain('Ada covers the coast.');
    const portrait = ada.querySelector('.author-card img');
    expect(portrait?.getAttribute('src')).toMatch(/^\/news\/_astro\/.+\.webp$/);
    expect(existsSync(join(build.dist, portrait!.getAttribute('src')!.slice(BASE.length)))).toBe(true);
    expect(listedSlugs('authors/ada/')).toEqual(Array.from({ length: 10 }, (_, index) => local(index + 1)));
    const ld = JSON.parse(ada.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Ada Reporter',
      url: `${SITE}authors/ada/`,
      sameAs: ['https://ada.example/', 'https://social.example/@ada'],
    });
    expect(ld.mainEntity.image).toMatch(/^https:\/\/paper\.example\/news\/_astro\//);
  });

  it('paginates an author’s articles, with the profile markup on the first page only', () => {
    expect(['authors/ada/2/', 'authors/ada/1/'].map((path) => listedSlugs(path).length)).toEqual([5, 10]);
    const second = page('authors/ada/2/');
    expect(headLink(second, 'prev')).toBe(`${SITE}authors/ada/`);
    expect(second.querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  it('gives an author with no articles a page that says so', () => {
    expect(page('authors/bo/').querySelector('main')?.textContent).toContain(
      'Nothing has been published here yet.',
    );
  });
});

describe('feeds under a base path with a hostile headline', () => {
  it('writes well-formed RSS whose hostile title, dek and tag round-trip exactly', () => {
    const text = read('rss.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const channel = xml.parse(text).rss.channel;
    expect(channel.title).toBe('Paper & Ink');
    expect(channel.link).toBe(SITE);
    expect(channel.item).toHaveLength(FEED_LIMIT);
    const hostile = channel.item.find((item: any) => item.link === `${SITE}articles/hostile/`);
    expect(hostile.title).toBe(HOSTILE_TITLE);
    // <description> is HTML: the plain-text dek arrives HTML-escaped, so readers show it as written.
    expect(hostile.description).toBe('Dek with ]]&gt; and &lt;/description&gt;');
    expect(hostile.category).toEqual([HOSTILE_TAG]);
    expect(hostile['content:encoded']).toBe('<p>Body with control characters: abc and a ]]> marker.</p>');
  });

  it('carries the newest FEED_LIMIT listed articles, in listing order, in RSS and JSON Feed alike', () => {
    const links = xml.parse(read('rss.xml')).rss.channel.item.map((item: any) => item.link);
    const listed = ['', 'page/2/', 'page/1/'].flatMap(listedSlugs).map((slug) => `${SITE}articles/${slug}/`);
    expect(listed).toHaveLength(30);
    expect(links).toEqual(listed.slice(0, FEED_LIMIT));
    for (const slug of ['draft', 'scheduled', 'expired'])
      expect(listed).not.toContain(`${SITE}articles/${slug}/`);
    const feed = JSON.parse(read('feed.json'));
    expect(feed.items.map((item: any) => item.id)).toEqual(links);
    expect(feed.items.find((item: any) => item.id === `${SITE}articles/hostile/`).title).toBe(HOSTILE_TITLE);
  });

  it('writes a section feed with the section’s articles only', () => {
    const localFeed = xml
      .parse(read('sections/local/rss.xml'))
      .rss.channel.item.map((item: any) => item.link.split('/').at(-2));
    const localListed = ['sections/local/', 'sections/local/2/', 'sections/local/1/'].flatMap(listedSlugs);
    expect(localFeed).toEqual(localListed.slice(0, FEED_LIMIT));
    const channel = xml.parse(read('sections/world/rss.xml')).rss.channel;
    expect(channel.link).toBe(`${SITE}sections/world/`);
    expect(channel.item.map((item: any) => item.link.split('/').at(-2))).toEqual([
      'hostile',
      'syndicated-canonical',
      'syndicated-noindex',
      'syndicated-indexed',
      'outside-by-a-second',
    ]);
  });
});

describe('sitemaps', () => {
  const indexablePagesOnly =
    'lists indexable pages and leaves out expired, noindex, canonicalised-elsewhere, redirect, ' +
    'unpublished and 404 pages';
  it(indexablePagesOnly, () => {
    const index = xml.parse(read('sitemap-index.xml')).sitemapindex.sitemap.map((entry: any) => entry.loc);
    expect(index).toEqual([`${SITE}sitemap-0.xml`]);
    const urls: string[] = xml.parse(read('sitemap-0.xml')).urlset.url.map((entry: any) => entry.loc);
    for (const path of [
      '',
      'page/2/',
      'articles/local-01/',
      'articles/hostile/',
      'articles/syndicated-indexed/',
      'sections/local/2/',
      'authors/ada/',
    ]) {
      expect(urls).toContain(`${SITE}${path}`);
    }
    for (const slug of ['expired', 'syndicated-noindex', 'syndicated-canonical', 'draft', 'scheduled']) {
      expect(urls).not.toContain(`${SITE}articles/${slug}/`);
    }
    expect(existsSync(join(build.dist, 'articles/expired/index.html'))).toBe(true);
    // A renamed article's old address is a redirect page, never a sitemap entry.
    expect(existsSync(join(build.dist, 'articles/local-story-renamed/index.html'))).toBe(true);
    expect(urls).not.toContain(`${SITE}articles/local-story-renamed/`);
    expect(urls.filter((url) => url.includes('404'))).toEqual([]);
  });

  it('puts exactly the indexable articles of the last two days in the news sitemap, boundary included', () => {
    const text = read('news-sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const urlset = xml.parse(text).urlset;
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const slugs = urlset.url.map((entry: any) => entry.loc.split('/').at(-2)).sort();
    const recentLocal = Array.from({ length: 16 }, (_, index) => local(index + 1));
    expect(slugs).toEqual(['hostile', ...recentLocal, 'syndicated-indexed'].sort());
  });

  it('names the publication and language from the site config and dates with the site offset', () => {
    const entry = xml
      .parse(read('news-sitemap.xml'))
      .urlset.url.find((url: any) => url.loc === `${SITE}articles/local-16/`);
    expect(entry['news:news']['news:publication']).toEqual({
      'news:name': 'Paper & Ink',
      'news:language': 'de',
    });
    expect(entry['news:news']['news:publication_date']).toBe('2026-12-08T13:00:00+01:00');
    expect(entry['news:news']['news:title']).toBe('Local story 16');
  });

  it('names both sitemaps, under the base path, in robots.txt', () => {
    expect(read('robots.txt')).toContain(
      `Sitemap: ${SITE}sitemap-index.xml\nSitemap: ${SITE}news-sitemap.xml\n`,
    );
  });
});
