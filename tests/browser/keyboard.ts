/**
 * Keyboard checks on an opened page, as a keyboard user meets it: the first Tab stop, where the
 * skip link takes focus, which links Tab reaches, and whether focus is visible at each stop.
 */
import type { Page } from 'playwright-core';

interface TabStop {
  /** Index among all elements of the page, so stops can be compared and found again. */
  index: number;
  label: string;
  /** Focus indicator styles while focused by keyboard. */
  focused: string;
}

function focusIndicatorOf(page: Page, index: number): Promise<string> {
  return page.evaluate((index) => {
    const style = getComputedStyle(document.querySelectorAll('*')[index]);
    const outline =
      style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0
        ? 'none'
        : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
  }, index);
}

async function pressTab(page: Page): Promise<TabStop | undefined> {
  await page.keyboard.press('Tab');
  const stop = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const text = (element.textContent ?? '').trim().slice(0, 40);
    const label = `${element.tagName.toLowerCase()} "${text}" ${element.getAttribute('href') ?? ''}`.trim();
    return { index: [...document.querySelectorAll('*')].indexOf(element), label };
  });
  return stop && { ...stop, focused: await focusIndicatorOf(page, stop.index) };
}

/** Problems with the skip link: it must be the first Tab stop and move focus to <main>. */
export async function skipLinkProblems(page: Page): Promise<string[]> {
  const first = await pressTab(page);
  if (!first) return ['nothing takes focus on the first Tab'];
  const target = await page.evaluate(() => {
    const href = document.activeElement?.getAttribute('href') ?? '';
    const main = document.querySelector('main');
    return { href, mainId: main?.id ?? '' };
  });
  if (!target.mainId || target.href !== `#${target.mainId}`) {
    return [
      `the first Tab stop is ${first.label}, not a skip link to #${target.mainId || '(main has no id)'}`,
    ];
  }
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.id);
  return focused === target.mainId
    ? []
    : [`after the skip link, focus is on "${focused ?? 'nothing'}", not #${target.mainId}`];
}

/**
 * Tabs through the whole page once and reports visible links Tab never reaches and Tab stops
 * whose computed outline/box-shadow does not change when focused.
 */
export async function tabOrderProblems(
  page: Page,
): Promise<{ unreachable: string[]; invisibleFocus: string[] }> {
  const candidates = await page
    .locator('a[href], button, input, select, textarea, summary, [tabindex]')
    .count();
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
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const unfocused = await Promise.all(stops.map((stop) => focusIndicatorOf(page, stop.index)));
  const reached = stops.map((stop) => stop.index);
  const unreachable = await page.evaluate((reached) => {
    const all = [...document.querySelectorAll('*')];
    return [...document.querySelectorAll('a[href]')]
      .filter(
        (link) =>
          (link.checkVisibility() || link.classList.contains('skip-link')) &&
          !reached.includes(all.indexOf(link)),
      )
      .map((link) => `a "${(link.textContent ?? '').trim().slice(0, 40)}" ${link.getAttribute('href')}`);
  }, reached);
  const invisibleFocus = stops
    .filter((stop, i) => stop.focused === unfocused[i] || stop.focused === 'outline: none; box-shadow: none')
    .map((stop) => stop.label);
  return { unreachable, invisibleFocus };
}
