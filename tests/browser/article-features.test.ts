/**
 * Reader-facing behaviour only a browser shows: search with and without JavaScript under the
 * real CSP, the dark scheme without script, and the print stylesheet.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, requireChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { ARTICLE_WITH_IMAGES, SEED_ARTICLE } from '../helpers/page-templates.ts';
import { openPage, startSession, type Session } from './support.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession(inject('siteDist'));
});
afterAll(() => session?.close());

describe('the search page', () => {
  it('finds the seed article by a word of its body, with no console error or failed request', async () => {
    const { page, problems, close } = await openPage(session, '/search/?q=boogers');
    try {
      await page.locator('#page-search-results li').first().waitFor();
      const links = await page
        .locator('#page-search-results a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual([`/articles/${SEED_ARTICLE}/`]);
      expect(await page.locator('#page-search-results mark').first().textContent()).toMatch(/^boogers/);
      expect(await page.locator('#page-search-status').textContent()).toBe('1 article found for “boogers”.');
      expect(await page.locator('#page-search-form').isVisible()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('searches what the reader types, and keeps the query in the address', async () => {
    const { page, close } = await openPage(session, '/search/');
    try {
      await page.locator('#page-search-form:not(.needs-js)').waitFor();
      await page.getByLabel('Search articles').fill('lighthouse');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('#page-search-results li').first().waitFor();
      expect(await page.locator('#page-search-results a').first().getAttribute('href')).toBe(
        `/articles/${ARTICLE_WITH_IMAGES}/`,
      );
      expect(new URL(page.url()).searchParams.get('q')).toBe('lighthouse');
    } finally {
      await close();
    }
  });

  it('without JavaScript, hides the form and offers sections and the latest articles', async () => {
    // Playwright's javaScriptEnabled: false only stops scripts; the page still parses as if
    // scripting were on (no <noscript>). Chromium with scripting off in its settings is a real reader's.
    const browser = await chromium.launch({
      executablePath: requireChromium(),
      args: [...CHROMIUM_ARGS, '--blink-settings=scriptEnabled=false'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${session.server.origin}/search/`);
      expect(await page.locator('#page-search-form').isVisible()).toBe(false);
      expect(await page.locator('main .note').textContent()).toContain('Search needs JavaScript');
      expect(await page.locator('main .note').isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'All the latest articles' }).isVisible()).toBe(true);
      expect(await page.locator('main a[href^="/sections/"]').first().isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});

describe('an article page', () => {
  const path = `/articles/${ARTICLE_WITH_IMAGES}/`;
  const background = (page: Page) =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  it('follows the dark colour scheme with CSS alone (JavaScript off)', async () => {
    const light = await openPage(session, path, { colorScheme: 'light', javaScriptEnabled: false });
    const dark = await openPage(session, path, { colorScheme: 'dark', javaScriptEnabled: false });
    try {
      expect(await background(light.page)).toBe('rgb(253, 252, 249)');
      expect(await background(dark.page)).toBe('rgb(22, 22, 21)');
    } finally {
      await light.close();
      await dark.close();
    }
  });

  it('prints without navigation or tag links, keeps the source attribution, and prints link URLs', async () => {
    const { page, close } = await openPage(session, path);
    try {
      await page.emulateMedia({ media: 'print' });
      const shown = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).display !== 'none');
      expect(await shown('header.site nav')).toBe(false);
      expect(await shown('footer.site')).toBe(false);
      expect(await shown('.tags')).toBe(false);
      expect(await shown('.attribution')).toBe(true);
      expect(await shown('.article-body')).toBe(true);
      const external = page.locator('main a[href^="http"]').first();
      const href = await external.getAttribute('href');
      const after = await external.evaluate((element) => getComputedStyle(element, '::after').content);
      expect(after).toBe(`" (${href})"`);
    } finally {
      await close();
    }
  });
});

describe('search under a base path', () => {
  let basePathDist: string;
  beforeAll(async () => {
    ({ dist: basePathDist } = await sharedBuild('basePath'));
  });

  it('loads Pagefind and its merged shards from the base path and links results into it', async () => {
    // The suite's base-path build (tests/helpers/global-build.ts) has shards of three articles:
    // the seed article (published 29 November) is in the fourth of five, one the page merges into
    // the first (src/lib/search-shards.ts).
    const host = mkdtempSync(join(tmpdir(), 'base-path-host-'));
    try {
      symlinkSync(basePathDist, join(host, 'news'), 'dir');
      const server = await serveStatic(host);
      const page = await session.browser.newPage();
      try {
        await page.goto(`${server.origin}/news/search/?q=boogers`);
        await page.locator('#page-search-results li').first().waitFor();
        const links = await page
          .locator('#page-search-results a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links).toEqual([`/news/articles/${SEED_ARTICLE}/`]);
      } finally {
        await page.close();
        await server.close();
      }
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  });
});
