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
import { afterAll, describe, expect, it } from 'vitest';
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
  type OpenedPage,
  type OpenOptions,
  type Session,
} from './support.ts';

const SCREENSHOTS = join(projectRoot, 'test-artifacts/screenshots');

/**
 * The views a template is checked in. Each is opened once and its checks run in the order they are
 * declared below, which keeps them from disturbing each other: the layout shift is read first,
 * screenshots are taken before anything moves focus, and the Tab walk comes last. Five page loads
 * a template instead of one per check (twelve) halve the browser gates' time.
 */
const VIEWS = {
  wideLight: { viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  narrowLight: { viewport: { width: 375, height: 900 }, colorScheme: 'light' },
  wideDark: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  narrowDark: { viewport: { width: 375, height: 900 }, colorScheme: 'dark' },
  narrowest: { viewport: { width: 320, height: 640 } },
} satisfies Record<string, OpenOptions>;
type View = keyof typeof VIEWS;

export function describePageChecks({ kind, path }: PageTemplate, session: () => Session): void {
  describe(`the ${kind} page (${path})`, () => {
    const opened = new Map<View, Promise<OpenedPage>>();
    const view = async (name: View) => {
      if (!opened.has(name)) {
        opened.set(
          name,
          openPage(session(), path, VIEWS[name]).then(async (page) => {
            // Shifts from work that finishes after load (a search index arriving) count too.
            await page.page.waitForLoadState('networkidle');
            return page;
          }),
        );
      }
      return opened.get(name)!;
    };
    afterAll(async () => {
      for (const page of opened.values()) await (await page).close();
    });

    it.each(['wideLight', 'narrowLight'] as const)(
      'does not shift its layout while loading (CLS 0, %s)',
      async (name) => {
        const { page } = await view(name);
        expect(await layoutShiftTotal(page)).toBe(0);
      },
    );

    it('loads with no console error and no failed request', async () => {
      expect((await view('wideLight')).problems).toEqual([]);
    });

    it('never scrolls sideways at 320 px', async () => {
      expect(await horizontalOverflow((await view('narrowest')).page)).toBeUndefined();
    });

    it('is photographed at 375 and 1280 px in light and dark', async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const name of ['narrowLight', 'wideLight', 'narrowDark', 'wideDark'] as const) {
        const { page } = await view(name);
        const { viewport, colorScheme } = VIEWS[name];
        await loadLazyImages(page);
        const image = await page.screenshot({
          path: join(SCREENSHOTS, `${kind}-${viewport.width}-${colorScheme}.png`),
          fullPage: true,
        });
        expect(image.subarray(1, 4).toString(), 'a PNG image').toBe('PNG');
      }
    });

    it.each([
      ['light', 'wideLight'],
      ['dark', 'wideDark'],
    ] as const)('has no WCAG 2.2 A/AA violation found by axe-core (%s scheme)', async (_, name) => {
      const violations = await runAxe((await view(name)).page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    it('offers a skip link as the first Tab stop, and it moves focus to the main content', async () => {
      expect(await skipLinkProblems((await view('narrowLight')).page)).toEqual([]);
    });

    it('reaches every visible link by Tab, each with a visible focus indicator', async () => {
      const { unreachable, invisibleFocus } = await tabOrderProblems((await view('wideLight')).page);
      expect(unreachable, 'links Tab never reaches').toEqual([]);
      expect(invisibleFocus, 'Tab stops without a visible focus indicator').toEqual([]);
    });
  });
}
