/**
 * Article-page features on the real site build: NewsArticle images cropped by the image
 * pipeline, the generated Open Graph card, the publisher logo, the search index and page,
 * and the article page's weight and lack of client JavaScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTICLE_WITH_IMAGES, SEED_ARTICLE } from '../helpers/page-templates.ts';
import { searchBuiltSite } from '../helpers/pagefind-search.ts';

const SITE = 'https://example.org';
let dist: string;
beforeAll(() => {
  dist = inject('siteDist');
});

const pageOf = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const documentOf = (path: string) => parseHTML(pageOf(path)).document;
const newsArticle = (document: Document) =>
  JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<
    string,
    unknown
  >;
/** The file in dist/ an absolute site URL points to. */
const fileOf = (url: string) => {
  expect(url.startsWith(`${SITE}/`), url).toBe(true);
  return join(dist, new URL(url).pathname);
};
const sizeOf = async (url: string) => {
  const { width, height } = await sharp(fileOf(url)).metadata();
  return { width, height };
};
const ogImageOf = (document: Document) =>
  Object.fromEntries(
    [...document.querySelectorAll('meta[property^="og:image"]')].map((meta) => [
      meta.getAttribute('property'),
      meta.getAttribute('content'),
    ]),
  );

describe('NewsArticle images', () => {
  it('gives an article with a hero 16×9, 4×3 and 1×1 crops, 1200 px wide, as files in the build', async () => {
    const ld = newsArticle(documentOf(`articles/${ARTICLE_WITH_IMAGES}`));
    const images = ld.image as string[];
    expect(images).toHaveLength(3);
    expect(await Promise.all(images.map(sizeOf))).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 1200, height: 1200 },
    ]);
  });

  it('gives an article without a hero its generated 1200×630 card', async () => {
    const ld = newsArticle(documentOf(`articles/${SEED_ARTICLE}`));
    expect(ld.image).toEqual([`${SITE}/og/${SEED_ARTICLE}.png`]);
    expect(await sizeOf(`${SITE}/og/${SEED_ARTICLE}.png`)).toEqual({ width: 1200, height: 630 });
  });

  it('names the publisher with a logo that is a real square PNG of at least 112 px', async () => {
    const publisher = newsArticle(documentOf(`articles/${ARTICLE_WITH_IMAGES}`)).publisher as {
      logo: { url: string; width: number; height: number };
    };
    const meta = await sharp(fileOf(publisher.logo.url)).metadata();
    expect(meta.format).toBe('png');
    expect({ width: meta.width, height: meta.height }).toEqual({
      width: publisher.logo.width,
      height: publisher.logo.height,
    });
    expect(meta.width).toBeGreaterThanOrEqual(112);
  });

  it('dates the article with the timezone offset and lists authors with their pages', () => {
    const ld = newsArticle(documentOf(`articles/${ARTICLE_WITH_IMAGES}`));
    expect(ld.datePublished).toBe('2026-11-28T18:00:00+00:00');
    expect(ld.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    const authors = ld.author as { name: string; url: string }[];
    expect(authors).toEqual([
      { '@type': 'Person', name: 'Amara Okafor', url: `${SITE}/authors/amara-okafor/` },
    ]);
    expect(existsSync(join(fileOf(authors[0]!.url), 'index.html'))).toBe(true);
  });
});

describe('Open Graph image', () => {
  it('uses a 1200×630 crop of the hero, with its alt text', async () => {
    const og = ogImageOf(documentOf(`articles/${ARTICLE_WITH_IMAGES}`));
    expect(og['og:image:alt']).toBe(
      'The white harbour lighthouse with a red band, at dusk, beside the stone pier.',
    );
    expect([og['og:image:width'], og['og:image:height']]).toEqual(['1200', '630']);
    expect(await sizeOf(og['og:image']!)).toEqual({ width: 1200, height: 630 });
  });

  it('uses the generated card for an article without a hero, with the headline as alt text', async () => {
    const document = documentOf(`articles/${SEED_ARTICLE}`);
    const og = ogImageOf(document);
    expect(og['og:image']).toBe(`${SITE}/og/${SEED_ARTICLE}.png`);
    expect([og['og:image:width'], og['og:image:height']]).toEqual(['1200', '630']);
    expect(og['og:image:alt']).toBe(document.querySelector('h1')!.textContent);
    expect(await sizeOf(og['og:image']!)).toEqual({ width: 1200, height: 630 });
  });

  it('generates no card for an article that has a hero', () => {
    expect(existsSync(join(dist, 'og', `${ARTICLE_WITH_IMAGES}.png`))).toBe(false);
  });
});

describe('search', () => {
  it('finds the seed article by a word of its body in the built Pagefind index', async () => {
    const hits = await searchBuiltSite(dist, 'boogers');
    expect(hits.map((hit) => hit.url)).toEqual([`/articles/${SEED_ARTICLE}/`]);
    expect(hits[0]!.excerpt).toContain('<mark>boogers');
  });

  it('indexes article bodies only, not the site chrome or the source note', async () => {
    // "Skip to content" is on every page, and the source note ("This is wire copy republished by …",
    // "Original reporting by …") only on article pages; no sample story's text says "republished".
    expect(await searchBuiltSite(dist, 'skip')).toEqual([]);
    expect(await searchBuiltSite(dist, 'republished')).toEqual([]);
  });

  it('has a search page that, without JavaScript, says so and links the sections and latest articles', () => {
    const document = documentOf('search');
    // The form stays invisible until the script reveals it (.needs-js); the rest is <noscript>.
    expect(document.querySelector('form[role="search"]')?.classList.contains('needs-js')).toBe(true);
    const fallback = document.querySelector('noscript#page-search-fallback')!;
    expect(fallback.textContent).toContain('Search needs JavaScript');
    const links = [...fallback.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        '/sections/entertainment/',
        '/sections/news/',
        `/articles/${SEED_ARTICLE}/`,
        '/',
      ]),
    );
    for (const href of links) expect(existsSync(join(dist, href!, 'index.html')), href!).toBe(true);
  });

  it("allows WebAssembly in the search page's CSP and nowhere else", () => {
    const csp = (path: string) =>
      documentOf(path).querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
    expect(csp('search')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(csp(`articles/${SEED_ARTICLE}`)).not.toContain('wasm-unsafe-eval');
    expect(csp('')).not.toContain('wasm-unsafe-eval');
  });

  it('loads its script from the site itself', () => {
    const scripts = [...documentOf('search').querySelectorAll('script[src]')].map((script) =>
      script.getAttribute('src'),
    );
    expect(scripts).toEqual(['/search.js']);
    expect(existsSync(join(dist, 'search.js'))).toBe(true);
  });
});

describe('article pages', () => {
  for (const slug of [ARTICLE_WITH_IMAGES, SEED_ARTICLE]) {
    it(`${slug}: runs no client JavaScript`, () => {
      const scripts = [...documentOf(`articles/${slug}`).querySelectorAll('script')];
      expect(
        scripts
          .filter((script) => script.getAttribute('type') !== 'application/ld+json')
          .map((script) => script.outerHTML),
      ).toEqual([]);
    });

    it(`${slug}: HTML and CSS together stay under 14 KB gzipped`, () => {
      const document = documentOf(`articles/${slug}`);
      const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
        readFileSync(join(dist, link.getAttribute('href')!)),
      );
      const bytes = gzipSync(Buffer.concat([Buffer.from(pageOf(`articles/${slug}`)), ...stylesheets])).length;
      expect(bytes).toBeLessThan(14 * 1024);
    });
  }

  it('marks the article, and only the article, for the search index', () => {
    const document = documentOf(`articles/${SEED_ARTICLE}`);
    expect([...document.querySelectorAll('[data-pagefind-body]')].map((element) => element.tagName)).toEqual([
      'ARTICLE',
    ]);
    expect(documentOf('').querySelector('[data-pagefind-body]')).toBeNull();
  });

  it('shows a reading time', () => {
    // 19 paragraphs of wire copy: a few minutes, never zero.
    expect(documentOf(`articles/${SEED_ARTICLE}`).querySelector('.reading-time')?.textContent).toMatch(
      /^[1-9]\d* min read$/,
    );
  });

  it('has no table of contents with fewer than three h2 sections', () => {
    const document = documentOf(`articles/${ARTICLE_WITH_IMAGES}`);
    expect(document.querySelectorAll('.article-body h2')).toHaveLength(2);
    expect(document.querySelector('nav.toc')).toBeNull();
  });
});
