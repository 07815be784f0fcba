/**
 * What the browser gates share: a browser and a static server over the built site, pages opened
 * with every console error and failed request recorded, axe-core, and the layout-shift total.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { findPageTemplates, type PageTemplate, type TemplateKind } from '../helpers/page-templates.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

export interface Session {
  browser: Browser;
  server: StaticServer;
  templates: PageTemplate[];
  missing: TemplateKind[];
  close: () => Promise<void>;
}

export async function startSession(dist: string): Promise<Session> {
  const { found, missing } = findPageTemplates(dist);
  const server = await serveStatic(dist);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    browser,
    server,
    templates: found,
    missing,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions, failed and >= 400 requests, in order. */
  problems: string[];
  close: () => Promise<void>;
}

export interface OpenOptions extends BrowserContextOptions {
  /** The HTTP status the page itself is expected to answer with (404 for a miss). */
  expectedStatus?: number;
}

/** Opens `path` in a fresh context and waits until it has loaded, fonts included. */
export async function openPage(
  session: Session,
  path: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const { expectedStatus = 200, ...contextOptions } = options;
  const context = await session.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
  await context.addInitScript(recordLayoutShifts);
  const page = await context.newPage();
  const problems: string[] = [];
  const url = session.server.origin + path;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs the expected status of the page itself (a 404 page) as an error too.
    const isExpectedStatus =
      message.location().url === url && message.text().includes(`status of ${expectedStatus} `);
    if (!isExpectedStatus) problems.push(`console error: ${message.text()} ${message.location().url}`.trim());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    const isDocument =
      response.request().isNavigationRequest() && response.request().frame() === page.mainFrame();
    const expected = isDocument ? expectedStatus : 200;
    if (response.status() >= 400 && response.status() !== expected) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== expectedStatus) {
    problems.push(`the page answered HTTP ${response?.status()}, expected ${expectedStatus}`);
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, problems, close: () => context.close() };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page with the WCAG 2.2 A/AA rules. axe is evaluated through the DevTools
 * protocol, which the page's CSP does not govern (a `<script>` tag would be refused), so the page
 * keeps its real CSP and the same load can serve the other checks.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** Readable one-line-per-node summary of axe violations for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}`,
      ),
    )
    .join('\n');
}

/**
 * Runs in every page before its own scripts: records layout shifts not caused by input (the
 * CLS numerator) from the very start of loading.
 */
export function recordLayoutShifts() {
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
  let total = 0;
  const add = (entries: PerformanceEntry[]) => {
    for (const shift of entries as Shift[]) if (!shift.hadRecentInput) total += shift.value;
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  // takeRecords() hands over shifts whose callback has not run yet, so the total is complete.
  (window as unknown as { layoutShiftTotal: () => number }).layoutShiftTotal = () => {
    add(observer.takeRecords());
    return total;
  };
}

/** Every layout shift since navigation start that was not caused by input. */
export function layoutShiftTotal(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { layoutShiftTotal: () => number }).layoutShiftTotal());
}

/** When the page scrolls sideways: how far, and the element that sticks out furthest. */
export function horizontalOverflow(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return undefined;
    const widest = [...document.body.querySelectorAll('*')]
      .map((element) => ({ element, right: element.getBoundingClientRect().right }))
      .sort((a, b) => b.right - a.right)[0]?.element;
    const classes = widest?.classList.length ? `.${[...widest.classList].join('.')}` : '';
    const name = widest
      ? `${widest.tagName.toLowerCase()}${widest.id ? `#${widest.id}` : ''}${classes}`
      : 'unknown';
    return `${root.scrollWidth} px wide in a ${root.clientWidth} px viewport; widest: ${name}`;
  });
}

/**
 * Loads the page's lazy images now and waits until each has decoded (or failed), so a full-page
 * screenshot shows what a reader who scrolls down sees, not the grey placeholders below the fold.
 */
export function loadLazyImages(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  });
}
