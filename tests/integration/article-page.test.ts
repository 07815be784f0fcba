/**
 * The article pages of the real site build (inject('siteDist')): images, scripts, JSON-LD, links
 * and ids as readers and crawlers get them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const IMAGE_ARTICLE = 'harbour-light-returns';

function page(slug: string): Document {
  return parseHTML(readFileSync(join(inject('siteDist'), 'articles', slug, 'index.html'), 'utf8')).document;
}

describe('every article page', () => {
  let pages: [string, Document][];
  beforeAll(() => {
    const slugs = readdirSync(join(inject('siteDist'), 'articles'), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    );
    pages = slugs.map((entry) => [entry.name, page(entry.name)]);
    expect(pages.map(([slug]) => slug)).toContain(IMAGE_ARTICLE);
  });

  it('has no script but its JSON-LD, and the JSON-LD parses as a NewsArticle', () => {
    for (const [slug, document] of pages) {
      const scripts = [...document.querySelectorAll('script')];
      expect(
        scripts.map((script) => script.getAttribute('type')),
        slug,
      ).toEqual(['application/ld+json']);
      expect(JSON.parse(scripts[0]!.textContent!)['@type'], slug).toBe('NewsArticle');
    }
  });

  it('has unique ids, none of the article body’s in the page chrome’s page- namespace', () => {
    for (const [slug, document] of pages) {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      expect(new Set(ids).size, `${slug}: ${ids.join(' ')}`).toBe(ids.length);
      for (const element of document.querySelectorAll('.article-body [id]'))
        expect(element.id, slug).not.toMatch(/^page-/);
    }
  });

  it('gives every external body link rel="noopener noreferrer" and no internal one', () => {
    for (const [slug, document] of pages) {
      for (const link of document.querySelectorAll('.article-body a[href]')) {
        const external = /^https?:\/\//.test(link.getAttribute('href')!);
        expect(link.getAttribute('rel'), `${slug}: ${link.getAttribute('href')}`).toBe(
          external ? 'noopener noreferrer' : null,
        );
      }
    }
  });

  it('has fragment links that land on an element of the page', () => {
    for (const [slug, document] of pages) {
      for (const link of document.querySelectorAll('a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
        expect(document.getElementById(id), `${slug}: #${id}`).not.toBeNull();
      }
    }
  });
});

describe('the image article', () => {
  let document: Document;
  beforeAll(() => {
    document = page(IMAGE_ARTICLE);
  });

  it('shows the hero and the in-body image as AVIF and WebP with width and height', () => {
    // The related stories' cards show WebP thumbnails, checked with every card (story-cards.test.ts).
    const pictures = [...document.querySelectorAll('article picture')];
    expect(pictures).toHaveLength(2);
    for (const picture of pictures) {
      expect([...picture.querySelectorAll('source')].map((source) => source.getAttribute('type'))).toEqual([
        'image/avif',
        'image/webp',
      ]);
      for (const source of picture.querySelectorAll('source'))
        expect(source.getAttribute('srcset')).toMatch(/\.(avif|webp) 480w, .+ 800w/);
      const image = picture.querySelector('img')!;
      expect(Number(image.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(image.getAttribute('height'))).toBeGreaterThan(0);
      expect(image.getAttribute('alt')).not.toBe('');
    }
    const [hero, inBody] = pictures.map((picture) => picture.querySelector('img')!);
    expect(hero!.getAttribute('loading')).toBe('eager');
    expect(hero!.getAttribute('fetchpriority')).toBe('high');
    expect(inBody!.closest('.article-body')).not.toBeNull();
    expect(inBody!.getAttribute('loading')).toBe('lazy');
  });

  it('keeps the intrinsic aspect ratio of the in-body image (1600×1200 source)', () => {
    const image = document.querySelector('.article-body picture img')!;
    expect(Number(image.getAttribute('width')) / Number(image.getAttribute('height'))).toBeCloseTo(4 / 3, 2);
  });

  it('gives its section headings stable slug ids', () => {
    expect([...document.querySelectorAll('.article-body h2')].map((heading) => heading.id)).toEqual([
      'a-lamp-restored-by-hand',
      'what-happens-next',
    ]);
  });

  it('renders the editor’s straight quotes as curly ones (smart punctuation on)', () => {
    expect(document.querySelector('.article-body')?.textContent).toContain(
      '“We didn’t want a modern beacon bolted on top,”',
    );
  });
});
