/**
 * Every check the browser gates make on one page of a template: it loads without a console
 * error or a failed request, nothing shifts while it loads (CLS 0), it never scrolls sideways at
 * 320 px, axe-core finds no WCAG 2.2 A/AA violation in either colour scheme, the skip link is
 * the first Tab stop and moves focus to <main>, every visible link is reachable by Tab with a
 * visible focus indicator; and screenshots at 375 and 1280 px, light and dark, are written to
 * test-artifacts/screenshots/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import type { PageTemplate } from '../helpers/page-templates.ts';
import { skipLinkProblems, tabOrderProblems } from './keyboard.ts';
import {
  describeViolations,
  horizontalOverflow,
  layoutShiftTotal,
  loadLazyImages,
  openPage,
  runAxe,
  type Session,
} from './support.ts';

const SCREENSHOTS = join(projectRoot, 'test-artifacts/screenshots');

export function describePageChecks({ kind, path }: PageTemplate, session: () => Session): void {
  describe(`the ${kind} page (${path})`, () => {
    it('loads with no console error and no failed request', async () => {
      const { problems, close } = await openPage(session(), path);
      await close();
      expect(problems).toEqual([]);
    });

    it('does not shift its layout while loading (CLS 0)', async () => {
      for (const width of [375, 1280]) {
        const { page, close } = await openPage(session(), path, { viewport: { width, height: 800 } });
        // Shifts from work that finishes after load (a search index arriving) count too.
        await page.waitForLoadState('networkidle');
        const shift = await layoutShiftTotal(page);
        await close();
        expect(shift, `layout shift at ${width} px`).toBe(0);
      }
    });

    it('never scrolls sideways at 320 px', async () => {
      const { page, close } = await openPage(session(), path, { viewport: { width: 320, height: 640 } });
      const overflow = await horizontalOverflow(page);
      await close();
      expect(overflow).toBeUndefined();
    });

    it.each(['light', 'dark'] as const)(
      'has no WCAG 2.2 A/AA violation found by axe-core (%s scheme)',
      async (colorScheme) => {
        // The page's CSP forbids the injected axe script: bypass it for this run only.
        const { page, close } = await openPage(session(), path, { bypassCSP: true, colorScheme });
        const violations = await runAxe(page);
        await close();
        expect(violations, describeViolations(violations)).toEqual([]);
      },
    );

    it('offers a skip link as the first Tab stop, and it moves focus to the main content', async () => {
      const { page, close } = await openPage(session(), path);
      const problems = await skipLinkProblems(page);
      await close();
      expect(problems).toEqual([]);
    });

    it('reaches every visible link by Tab, each with a visible focus indicator', async () => {
      const { page, close } = await openPage(session(), path);
      const { unreachable, invisibleFocus } = await tabOrderProblems(page);
      await close();
      expect(unreachable, 'links Tab never reaches').toEqual([]);
      expect(invisibleFocus, 'Tab stops without a visible focus indicator').toEqual([]);
    });

    it('is photographed at 375 and 1280 px in light and dark', async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const width of [375, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const { page, close } = await openPage(session(), path, {
            viewport: { width, height: 900 },
            colorScheme,
          });
          await loadLazyImages(page);
          const image = await page.screenshot({
            path: join(SCREENSHOTS, `${kind}-${width}-${colorScheme}.png`),
            fullPage: true,
          });
          await close();
          expect(image.subarray(1, 4).toString(), 'a PNG image').toBe('PNG');
        }
      }
    });
  });
}
