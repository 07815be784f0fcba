/**
 * The readers' design on the real site build (fixed clock, the project's own sample content):
 * the front page's lead story, secondary row and section blocks; every story card's image,
 * section label and time; credits as written; the standing pages in the footer.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot, TEST_NOW } from '../helpers/build-site.ts';
import { listedFromContent } from '../helpers/listed-articles.ts';

const dist = () => inject('siteDist');
const documentAt = (path: string): Document =>
  parseHTML(readFileSync(join(dist(), path, 'index.html'), 'utf8')).document;
const slugOf = (link: Element | null | undefined) => link?.getAttribute('href')?.split('/').at(-2);

/** Front matter of every sample article, by slug (folders only: the samples are all folders). */
const frontMatter = new Map(
  globSync('*/index.md', { cwd: join(projectRoot, 'content/articles') }).map((file) => [
    file.split('/')[0]!,
    parse(readFileSync(join(projectRoot, 'content/articles', file), 'utf8').split(/^---$/m)[1]!),
  ]),
);

/** Listing pages of every kind the real build has. */
const LISTINGS = ['', 'page/1/', 'sections/news/', 'tags/coast/', 'authors/amara-okafor/'];

describe('the front page', () => {
  let home: Document;
  beforeAll(() => {
    home = documentAt('');
  });

  it('leads with the story pinned at the build’s clock, large, with its picture loaded first', () => {
    const pinned = [...frontMatter].filter(
      ([, data]) =>
        data.featured &&
        new Date(data.featured.until) > new Date(TEST_NOW) &&
        new Date(data.pubDate) <= new Date(TEST_NOW),
    );
    expect(
      pinned.map(([slug]) => slug),
      'the samples pin one story at the test clock',
    ).toHaveLength(1);
    const lead = home.querySelector('.card-lead');
    expect(slugOf(lead?.querySelector('.card-headline a'))).toBe(pinned[0]![0]);
    const image = lead!.querySelector('img');
    expect(image?.getAttribute('loading')).toBe('eager');
    expect(image?.getAttribute('fetchpriority')).toBe('high');
    expect(lead!.querySelectorAll('picture source[type="image/avif"]')).toHaveLength(1);
  });

  it('follows the lead with three secondary stories, then a block per section with “More in”', () => {
    expect(home.querySelectorAll('.card-row .card')).toHaveLength(3);
    const blocks = [...home.querySelectorAll('.section-block')];
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      const name = block.querySelector('h2')!.textContent;
      const more = block.querySelector('.more a')!;
      expect(more.textContent).toBe(`More in ${name} →`);
      expect(more.getAttribute('href')).toMatch(/^\/sections\/[a-z0-9-]+\/$/);
    }
  });

  it('shows no story twice above the river, and the river is the newest ten as before', () => {
    const above = [
      ...home.querySelectorAll('.front-top .card-headline a, .section-block .card-headline a'),
    ].map(slugOf);
    expect(new Set(above).size).toBe(above.length);
    const newest = listedFromContent(join(projectRoot, 'content'), new Date(TEST_NOW))
      .slice(0, 10)
      .map((article) => article.id);
    expect([...home.querySelectorAll('.river .card-headline a')].map(slugOf)).toEqual(newest);
  });
});

describe.each(LISTINGS)('every story card on /%s', (path) => {
  let cards: Element[];
  beforeAll(() => {
    cards = [...documentAt(path).querySelectorAll('main .card')];
    expect(cards.length).toBeGreaterThan(0);
  });

  it('has its section label, headline link and <time datetime> in the site timezone', () => {
    for (const card of cards) {
      const slug = slugOf(card.querySelector('.card-headline a'))!;
      const data = frontMatter.get(slug)!;
      expect(card.querySelector('.kicker')?.textContent, slug).toMatch(/^[A-Z][a-z]+/);
      const time = card.querySelector('time[datetime]');
      expect(new Date(time!.getAttribute('datetime')!).getTime(), slug).toBe(
        new Date(data.pubDate).getTime(),
      );
      expect(time!.textContent, slug).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/);
    }
  });

  it('has a sized, responsive image exactly when the article has a hero: lazy WebP unless it leads', () => {
    for (const card of cards) {
      const slug = slugOf(card.querySelector('.card-headline a'))!;
      const image = card.querySelector('img.card-image');
      if (!frontMatter.get(slug)!.heroImage) {
        expect(image, slug).toBeNull();
        expect(card.classList.contains('card-no-image'), slug).toBe(true);
        continue;
      }
      expect(image, slug).not.toBeNull();
      expect(Number(image!.getAttribute('width')), slug).toBeGreaterThan(0);
      expect(Number(image!.getAttribute('height')), slug).toBeGreaterThan(0);
      if (card.classList.contains('card-lead')) {
        expect(card.querySelector('source[type="image/avif"]')?.getAttribute('srcset'), slug).toMatch(
          / \d+w/,
        );
        expect(image!.getAttribute('loading'), slug).toBe('eager');
        continue;
      }
      // A thumbnail is one WebP file per width, no <picture> (src/lib/responsive-images.ts says why).
      expect(card.querySelector('picture, source'), slug).toBeNull();
      const files = image!
        .getAttribute('srcset')!
        .split(', ')
        .map((candidate) => candidate.split(' ')[0]!);
      expect(files.length, slug).toBeGreaterThan(0);
      for (const file of [image!.getAttribute('src')!, ...files]) expect(file, slug).toMatch(/\.webp$/);
      expect(image!.getAttribute('srcset'), slug).toMatch(/ \d+w/);
      expect(image!.getAttribute('loading'), slug).toBe('lazy');
    }
  });
});

describe('article pages', () => {
  const articles = () => globSync('articles/*/index.html', { cwd: dist() });

  it('never double a credit’s word: no “Photo: Photo”, credits shown exactly as written', () => {
    for (const file of articles()) {
      const html = readFileSync(join(dist(), file), 'utf8');
      expect(html, file).not.toMatch(/Photo:\s*Photo/i);
      const slug = file.split('/')[1]!;
      const credit = frontMatter.get(slug)?.heroImage?.credit;
      if (credit)
        expect(parseHTML(html).document.querySelector('.hero .credit')?.textContent?.trim(), slug).toBe(
          credit,
        );
    }
  });

  it('label the story with its section, linked to the section page', () => {
    for (const file of articles()) {
      const slug = file.split('/')[1]!;
      const data = frontMatter.get(slug);
      if (!data) continue;
      const kicker = documentAt(`articles/${slug}/`).querySelector('article header .kicker a');
      expect(kicker?.getAttribute('href'), slug).toBe(`/sections/${data.section}/`);
    }
  });

  it('keep the footnotes heading out of the table of contents', () => {
    const document = documentAt('articles/fish-market-reopens/');
    expect(document.querySelector('.toc'), 'the sample has a table of contents').not.toBeNull();
    expect(document.querySelector('#user-content-footnote-label.sr-only')).not.toBeNull();
    expect(document.querySelector('.toc a[href="#user-content-footnote-label"]')).toBeNull();
  });
});

describe('navigation and standing pages', () => {
  it('marks the current section in the header', () => {
    expect(
      documentAt('sections/news/').querySelector('.sections-nav [aria-current="page"]')?.textContent,
    ).toBe('News');
    expect(documentAt('').querySelector('.sections-nav [aria-current="page"]')?.textContent).toBe('Latest');
    expect(
      documentAt('articles/harbour-light-returns/').querySelector('.sections-nav [aria-current]'),
    ).toBeNull();
  });

  it('renders each standing page at /<slug>/, saying it is a sample, and links them all from every footer', () => {
    const pages = globSync('*.md', { cwd: join(projectRoot, 'content/pages') }).map((file) =>
      file.replace(/\.md$/, ''),
    );
    expect(pages.sort()).toEqual(['about', 'contact', 'corrections-policy', 'editorial-standards']);
    const footerLinks = [
      ...documentAt('articles/harbour-light-returns/').querySelectorAll('footer .footer-nav a'),
    ].map((a) => a.getAttribute('href'));
    for (const page of pages) {
      expect(documentAt(`${page}/`).querySelector('main')?.textContent).toContain('This is a sample page');
      expect(footerLinks).toContain(`/${page}/`);
    }
    expect(footerLinks).toEqual(
      expect.arrayContaining(['/search/', '/rss.xml', '/feed.json', '/sections/news/']),
    );
  });
});
