/**
 * One page of every template, loaded in Chromium from a static server: it loads without a
 * console error or a failed request, nothing shifts while it loads, it never scrolls sideways
 * at 320 px, and screenshots at phone and desktop widths in both colour schemes land in
 * test-artifacts/screenshots/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { findPageTemplates } from '../helpers/page-templates.ts';
import { horizontalOverflow, layoutShiftTotal, openPage, startSession, type Session } from './support.ts';

const SCREENSHOTS = join(projectRoot, 'test-artifacts/screenshots');
const { found } = findPageTemplates(inject('siteDist'));

let session: Session;
beforeAll(async () => {
  session = await startSession(inject('siteDist'));
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(() => session?.close());

describe.each(found)('the $kind page ($path)', ({ kind, path }) => {
  it('loads with no console error and no failed request', async () => {
    const { problems, close } = await openPage(session, path);
    await close();
    expect(problems).toEqual([]);
  });

  it('does not shift its layout while loading (CLS 0)', async () => {
    for (const width of [375, 1280]) {
      const { page, close } = await openPage(session, path, { viewport: { width, height: 800 } });
      // Shifts from work that finishes after load (a search index arriving) count too.
      await page.waitForLoadState('networkidle');
      const shift = await layoutShiftTotal(page);
      await close();
      expect(shift, `layout shift at ${width} px`).toBe(0);
    }
  });

  it('never scrolls sideways at 320 px', async () => {
    const { page, close } = await openPage(session, path, { viewport: { width: 320, height: 640 } });
    const overflow = await horizontalOverflow(page);
    await close();
    expect(overflow).toBeUndefined();
  });

  it('is photographed at 375 and 1280 px in light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await openPage(session, path, { viewport: { width, height: 900 }, colorScheme });
        const file = join(SCREENSHOTS, `${kind}-${width}-${colorScheme}.png`);
        const image = await page.screenshot({ path: file, fullPage: true });
        await close();
        // A PNG signature: the file is a real image, not an empty write.
        expect(image.subarray(1, 4).toString()).toBe('PNG');
      }
    }
  });
});

describe('a miss deep in the site', () => {
  it('answers 404 with the styled 404 page and no failed request', async () => {
    const { page, problems, close } = await openPage(session, '/no/such/article/', { expectedStatus: 404 });
    const heading = await page.locator('h1').textContent();
    const styled = await page.evaluate(() => getComputedStyle(document.body).margin === '0px');
    await close();
    expect(problems).toEqual([]);
    expect(heading).toBe('Page not found');
    expect(styled, 'the site stylesheet did not apply').toBe(true);
  });
});
