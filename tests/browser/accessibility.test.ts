/**
 * One page of every template against WCAG 2.2 A/AA as a reader with assistive technology or a
 * keyboard meets it: axe-core finds no violation in either colour scheme; the skip link is the
 * first Tab stop and moves focus to the main content; every visible link is reachable by Tab
 * and shows a visible focus indicator.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findPageTemplates } from '../helpers/page-templates.ts';
import { describeViolations, openPage, runAxe, startSession, type Session } from './support.ts';

const { found } = findPageTemplates(inject('siteDist'));

let session: Session;
beforeAll(async () => {
  session = await startSession(inject('siteDist'));
});
afterAll(() => session?.close());

interface TabStop {
  /** Index among all elements of the page, so stops can be compared and found again. */
  index: number;
  label: string;
  /** Focus indicator styles while focused by keyboard. */
  focused: string;
}

function focusIndicatorOf(page: Page, index: number): Promise<string> {
  return page.evaluate((index) => {
    const element = document.querySelectorAll('*')[index];
    const style = getComputedStyle(element);
    const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
  }, index);
}

async function pressTab(page: Page): Promise<TabStop | undefined> {
  await page.keyboard.press('Tab');
  const stop = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const label = `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ${element.getAttribute('href') ?? ''}`;
    return { index: [...document.querySelectorAll('*')].indexOf(element), label };
  });
  return stop && { ...stop, focused: await focusIndicatorOf(page, stop.index) };
}

/** Tabs through the whole page once, from the top, collecting each stop in order. */
async function tabThrough(page: Page): Promise<TabStop[]> {
  const candidates = await page.locator('a[href], button, input, select, textarea, summary, [tabindex]').count();
  const stops: TabStop[] = [];
  for (let presses = 0; presses < candidates + 2; presses++) {
    const stop = await pressTab(page);
    if (!stop) {
      if (stops.length) break; // focus left the document: the cycle is complete
      continue;
    }
    if (stops.some((seen) => seen.index === stop.index)) break;
    stops.push(stop);
  }
  return stops;
}

describe.each(found)('the $kind page ($path)', ({ path }) => {
  it.each(['light', 'dark'] as const)('has no WCAG 2.2 A/AA violation found by axe-core (%s scheme)', async (colorScheme) => {
    const { page, close } = await openPage(session, path, { bypassCSP: true, colorScheme });
    const violations = await runAxe(page);
    await close();
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('offers a skip link as the first Tab stop, and it moves focus to the main content', async () => {
    const { page, close } = await openPage(session, path);
    const first = await pressTab(page);
    const skip = await page.evaluate(() => ({
      className: document.activeElement?.className,
      href: document.activeElement?.getAttribute('href'),
    }));
    await page.keyboard.press('Enter');
    const focusedAfter = await page.evaluate(() => document.activeElement?.id);
    const mainId = await page.evaluate(() => document.querySelector('main')?.id);
    await close();
    expect(first, 'nothing took focus on the first Tab').toBeDefined();
    expect(skip.className).toContain('skip-link');
    expect(skip.href).toBe(`#${mainId}`);
    expect(focusedAfter).toBe(mainId);
  });

  it('reaches every visible link by Tab, each with a visible focus indicator', async () => {
    const { page, close } = await openPage(session, path);
    const stops = await tabThrough(page);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('a[href]')]
        .filter((link) => link.checkVisibility() || link.classList.contains('skip-link'))
        .map((link) => [...document.querySelectorAll('*')].indexOf(link)),
    );
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const unfocused = await Promise.all(stops.map((stop) => focusIndicatorOf(page, stop.index)));
    await close();

    const reached = new Set(stops.map((stop) => stop.index));
    expect(links.filter((link) => !reached.has(link)), 'links never reached by Tab (indexes in document order)').toEqual([]);
    const invisible = stops.filter((stop, i) => stop.focused === unfocused[i] || stop.focused.startsWith('outline: none; box-shadow: none'));
    expect(invisible.map((stop) => stop.label), 'Tab stops without a visible focus indicator').toEqual([]);
  });
});
