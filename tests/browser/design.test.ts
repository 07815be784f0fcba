/**
 * The article design as a reader sees it in Chromium: a 100-character headline within three
 * lines at 1280 px with the hero's top above the fold of a 1280×800 screen, the footnotes heading
 * hidden from sight (but not from screen readers), code spans at body size, and a header that
 * fits a 375 px phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { layoutShiftTotal, openPage, recordLayoutShifts, startSession, type Session } from './support.ts';

/** A sample story whose headline is about 100 characters and which has a hero. */
const LONG_HEADLINE = '/articles/port-alder-ferry-timetable/';

let session: Session;
beforeAll(async () => {
  session = await startSession(inject('siteDist'));
});
afterAll(() => session?.close());

describe('an article at 1280×800', () => {
  it('keeps a 100-character headline to three lines and the hero’s top above the fold', async () => {
    const { page, close } = await openPage(session, LONG_HEADLINE, {
      viewport: { width: 1280, height: 800 },
    });
    const measured = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      return {
        characters: h1.textContent!.length,
        lines: Math.round(h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight)),
        heroTop: document.querySelector('.hero')!.getBoundingClientRect().top,
      };
    });
    await close();
    expect(measured.characters).toBeGreaterThanOrEqual(95);
    expect(measured.lines).toBeLessThanOrEqual(3);
    expect(measured.heroTop).toBeLessThan(800);
  });

  it('hides the footnotes heading from sight, and sets code spans at the body’s size', async () => {
    const { page, close } = await openPage(session, '/articles/fish-market-reopens/');
    const measured = await page.evaluate(() => {
      const label = document.querySelector('#user-content-footnote-label')!.getBoundingClientRect();
      return { label: [label.width, label.height] };
    });
    await close();
    expect(measured.label[0]).toBeLessThanOrEqual(1);
    expect(measured.label[1]).toBeLessThanOrEqual(1);

    const withCode = await openPage(session, '/articles/high-street-vacancies/');
    const sizes = await withCode.page.evaluate(() => [
      getComputedStyle(document.querySelector('.article-body p code')!).fontSize,
      getComputedStyle(document.querySelector('.article-body p')!).fontSize,
    ]);
    await withCode.close();
    expect(sizes[0]).toBe(sizes[1]);
  });
});

describe('the header at 375 px', () => {
  it('keeps the masthead on one line and the sections on one scrolling line', async () => {
    const { page, close } = await openPage(session, '/', { viewport: { width: 375, height: 800 } });
    const measured = await page.evaluate(() => {
      const brand = document.querySelector('.brand')!;
      const strip = document.querySelector('.sections-nav ul')!;
      const items = [...strip.querySelectorAll('li')].map((item) => item.getBoundingClientRect().top);
      // An inline element has one client rect per line it spans.
      return { brandLines: brand.getClientRects().length, rows: new Set(items).size };
    });
    await close();
    expect(measured.brandLines).toBe(1);
    expect(measured.rows).toBe(1);
  });
});

describe('the front page at 1280 px', () => {
  it('gives no section block an empty column, whether it has one, two or three stories', async () => {
    const { page, close } = await openPage(session, '/', { viewport: { width: 1280, height: 800 } });
    const blocks = await page.evaluate(() =>
      [...document.querySelectorAll('.section-block .card-grid')].map((grid) => ({
        stories: grid.children.length,
        columns: getComputedStyle(grid).gridTemplateColumns.split(' ').length,
      })),
    );
    await close();
    // The sample site has sections of each size, so each layout is looked at.
    expect(new Set(blocks.map((block) => Math.min(block.stories, 3)))).toEqual(new Set([1, 2, 3]));
    for (const block of blocks)
      expect(block.columns, `a block of ${block.stories} stories`).toBe(Math.min(block.stories, 3));
  });
});

describe('typefaces', () => {
  const fontsLoaded = async (path: string) => {
    const { page, close } = await openPage(session, path);
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.woff2')),
    );
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="preload"][as="font"]')].map((link) =>
        link.getAttribute('href'),
      ),
    );
    await close();
    return { serif: loaded.some((name) => name.includes('source-serif')), preloaded };
  };

  it('sets articles in the reading serif and preloads it', async () => {
    const article = await fontsLoaded(LONG_HEADLINE);
    expect(article.serif).toBe(true);
    expect(article.preloaded).toEqual([expect.stringContaining('source-serif')]);
  });

  it('sets listings and search in the interface sans only: they never download the serif', async () => {
    for (const path of ['/', '/sections/news/', '/search/']) {
      const listing = await fontsLoaded(path);
      expect(listing.serif, path).toBe(false);
      expect(listing.preloaded, path).toEqual([expect.stringContaining('inter')]);
    }
  });
});

describe('web fonts that arrive after the first paint (a slow connection)', () => {
  // The fonts are held back until the page has painted with its fallback faces, then released:
  // a face that swapped in then would re-break lines and move the page.
  it.each([
    ['an article', '/articles/harbour-light-returns/', 375],
    ['an article', '/articles/harbour-light-returns/', 1280],
    ['the front page', '/', 375],
  ] as const)('move nothing on %s (%s) at %i px', async (_, path, width) => {
    const context = await session.browser.newContext({ viewport: { width, height: 900 } });
    try {
      await context.addInitScript(recordLayoutShifts);
      let release = () => {};
      const painted = new Promise<void>((resolve) => (release = resolve));
      await context.route(/\.woff2$/, async (route) => {
        await painted;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(session.server.origin + path, { waitUntil: 'domcontentloaded' });
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      release();
      await page.waitForLoadState('networkidle');
      expect(await layoutShiftTotal(page)).toBe(0);
    } finally {
      await context.close();
    }
  });
});
