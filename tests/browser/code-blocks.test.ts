/**
 * A code block on a real article page in a browser: a box that scrolls sideways on a 375 px phone
 * while the page does not, highlighted token colours in light and dark with the real CSP (no
 * violation, no script), and no axe violation (the scrolling box is focusable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/shared-build.ts';
import { CODE_SAMPLE_SLUG } from '../helpers/shared-fixtures.ts';
import {
  describeViolations,
  horizontalOverflow,
  openPage,
  runAxe,
  startSession,
  type Session,
} from './support.ts';

const PATH = `/articles/${CODE_SAMPLE_SLUG}/`;

let session: Session;
beforeAll(async () => {
  // The embeds site (tests/helpers/shared-fixtures.ts) holds the code sample.
  session = await startSession((await sharedBuild('embeds')).dist);
});
afterAll(() => session?.close());

const colours = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const colour = (selector: string) => getComputedStyle(document.querySelector(selector)!).color;
    return {
      keyword: colour('.article-body .hljs-keyword'),
      string: colour('.article-body .hljs-string'),
      comment: colour('.article-body .hljs-comment'),
      text: colour('.article-body pre'),
    };
  });

describe('a code block at 375 px', () => {
  it.each(['light', 'dark'] as const)(
    'scrolls inside its box, not the page, coloured in the %s scheme under the CSP',
    async (colorScheme) => {
      const { page, problems, close } = await openPage(session, PATH, {
        viewport: { width: 375, height: 800 },
        colorScheme,
      });
      try {
        expect(await horizontalOverflow(page)).toBeUndefined();
        const box = await page.locator('.article-body pre').evaluate((pre) => ({
          scroll: pre.scrollWidth,
          client: pre.clientWidth,
          overflow: getComputedStyle(pre).overflowX,
        }));
        expect(box.scroll).toBeGreaterThan(box.client);
        expect(box.overflow).toBe('auto');
        const shown = await colours(page);
        expect(new Set(Object.values(shown)).size, JSON.stringify(shown)).toBe(4);
        expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('passes axe (the scrolling box takes keyboard focus)', async () => {
    const { page, close } = await openPage(session, PATH, {
      viewport: { width: 375, height: 800 },
    });
    try {
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await close();
    }
  });
});
