/**
 * A code block on a real article page in a browser: a box that scrolls sideways on a 375 px phone
 * while the page does not, highlighted token colours in light and dark with the real CSP (no
 * violation, no script), and no axe violation (the scrolling box is focusable).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import {
  describeViolations,
  horizontalOverflow,
  openPage,
  runAxe,
  startSession,
  type Session,
} from './support.ts';

const ARTICLE =
  `---
title: Counting the harbour lights with a script
pubDate: 2026-11-01T09:00:00+00:00
section: news
source:
  relationship: original
---

The script we used:

\`\`\`js
// Count every lamp that was lit between 1986 and 2026, in every harbour on the coast, by year and by keeper.
const lit = lamps.filter((lamp) => lamp.lit && lamp.year >= 1986).map((lamp) ` +
  `=> ({ year: lamp.year, keeper: lamp.keeper, harbour: "Kelmouth" }));
\`\`\`
`;
const PATH = '/articles/code-sample/';

let build: BuildResult;
let session: Session;
beforeAll(async () => {
  build = await buildSite({
    files: { 'content/articles/code-sample.md': ARTICLE },
    imageCache: inject('siteImageCache'),
  });
  expect(build.exitCode, build.output).toBe(0);
  session = await startSession(build.dist);
});
afterAll(async () => {
  await session?.close();
  build?.cleanup();
});

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
