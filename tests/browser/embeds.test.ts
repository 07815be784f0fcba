/**
 * A video embed in Chromium: nothing is requested from the provider while the page loads, and
 * opening the player with the keyboard (Tab to its summary, Enter) loads the iframe, served here
 * by a local stand-in for the provider. No request leaves 127.0.0.1: every other remote request
 * is recorded and aborted.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { embedSlug } from '../helpers/shared-fixtures.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { describeViolations, layoutShiftTotal, recordLayoutShifts, runAxe } from './support.ts';

/** The YouTube embed code's article of the embeds site (tests/helpers/shared-fixtures.ts). */
const SLUG = embedSlug('youtube', 'code');

const STAND_IN =
  '<!doctype html><title>Stand-in player</title><p id="stand-in">Stand-in player for aBcDeFgHiJk</p>';

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  // Built once for this file, code-blocks.test.ts and tests/integration/embeds.test.ts.
  server = await serveStatic((await sharedBuild('embeds')).dist);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request that was not for 127.0.0.1, in order. */
  remote: string[];
}

/** Opens the article with the provider's player answered by the stand-in and every other remote request aborted. */
async function openArticle(): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordLayoutShifts);
  const remote: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    const url = route.request().url();
    remote.push(url);
    if (url.startsWith('https://www.youtube-nocookie.com/embed/'))
      await route.fulfill({ status: 200, contentType: 'text/html', body: STAND_IN });
    else await route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/articles/${SLUG}/`, { waitUntil: 'load' });
  return { context, page, remote };
}

describe('a video embed', () => {
  it('requests nothing from any provider while the page loads, even with the player in view', async () => {
    const { context, page, remote } = await openArticle();
    await page.locator('figure.embed-video').scrollIntoViewIfNeeded();
    // A lazy iframe in view would start loading now; a round trip to the page proves the browser had its chance.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(remote).toEqual([]);
    expect(await page.locator('details.embed-player').getAttribute('open')).toBeNull();
    await context.close();
  });

  it(
    'opens with the keyboard and only then loads the player, ' +
      'from the privacy-mode origin the CSP allows',
    async () => {
      const { context, page, remote } = await openArticle();
      const summary = page.locator('details.embed-player > summary');
      expect(await summary.textContent()).toBe(
        'Play video: The Kelmouth harbour light is lit again (YouTube)',
      );
      // Tab until the summary has focus: it is an ordinary stop in the page's tab order.
      let focused = false;
      for (let stop = 0; stop < 40 && !focused; stop++) {
        await page.keyboard.press('Tab');
        focused = await summary.evaluate((element) => element === document.activeElement);
      }
      expect(focused, 'Tab never reached the video summary').toBe(true);
      expect(remote).toEqual([]);

      const playerRequest = page.waitForRequest((request) =>
        request.url().startsWith('https://www.youtube-nocookie.com/embed/'),
      );
      await page.keyboard.press('Enter');
      expect((await playerRequest).url()).toBe('https://www.youtube-nocookie.com/embed/aBcDeFgHiJk');
      expect(await page.locator('details.embed-player').getAttribute('open')).toBe('');
      const frame = page.frameLocator('details.embed-player iframe');
      expect(await frame.locator('#stand-in').textContent()).toBe('Stand-in player for aBcDeFgHiJk');
      // Only the player's own origin was asked, nothing else from any provider.
      expect(remote.every((url) => new URL(url).origin === 'https://www.youtube-nocookie.com')).toBe(true);
      expect(remote.length).toBeGreaterThan(0);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com(;|$)/);
      await context.close();
    },
  );

  it('opens in a 16:9 box without moving the page before it, and passes axe', async () => {
    const { context, page } = await openArticle();
    expect(await layoutShiftTotal(page)).toBe(0);
    await page.locator('details.embed-player > summary').click();
    const box = await page.locator('.embed-frame').boundingBox();
    expect(Math.round((box!.width / box!.height) * 9)).toBe(16);
    await context.close();
    const axeContext = await browser.newContext();
    await axeContext.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const axePage = await axeContext.newPage();
    await axePage.goto(`${server.origin}/articles/${SLUG}/`, { waitUntil: 'load' });
    const violations = await runAxe(axePage);
    expect(violations, describeViolations(violations)).toEqual([]);
    await axeContext.close();
  });
});
