/**
 * The browser gates catch what they claim to: each check runs on a small hand-made site with one
 * known fault per page, and must report that fault. Without this, a check that silently passes
 * everything (axe not injected, a Tab walk that never starts) would look green.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipLinkProblems, tabOrderProblems } from './keyboard.ts';
import {
  horizontalOverflow,
  layoutShiftTotal,
  openPage,
  runAxe,
  startSession,
  type Session,
} from './support.ts';

const STYLE =
  '<style>body{margin:0} a:focus-visible{outline:3px solid #0b57a4} ' +
  '.skip{position:absolute;top:-3rem} .skip:focus{top:0}</style>';
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title><link rel="icon" ` +
  `href="data:,">${STYLE}${head}</head><body><a class="skip" href="#main">Skip to content</a><main ` +
  `id="main" tabindex="-1"><h1>Fixture</h1>${body}</main></body></html>`;

const FIXTURES: Record<string, string> = {
  'good/index.html': page('<p><a href="/good/">A link</a></p>'),
  'no-alt/index.html': page('<img src="/pixel.png" width="1" height="1">'),
  'no-alt-strict-csp/index.html': page(
    '<img src="/pixel.png" width="1" height="1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'">`,
  ),
  'no-skip/index.html': page('').replace(
    '<a class="skip" href="#main">Skip to content</a>',
    '<a href="/good/">Home</a>',
  ),
  'no-focus-style/index.html': page('<p><a href="/good/" style="outline:none">Invisible focus</a></p>'),
  'unreachable/index.html': page('<p><a href="/good/" tabindex="-1">Mouse only</a></p>'),
  'wide/index.html': page('<div class="banner" style="width:500px">Too wide</div>'),
  'shifts/index.html': page(
    '<p>Text that moves.</p><script>addEventListener("load",' +
      '()=>requestAnimationFrame(()=>requestAnimationFrame(()=>{' +
      'document.querySelector("h1").insertAdjacentHTML("beforebegin","<div style=height:300px></div>");' +
      'document.body.dataset.shifted="1"})))</script>',
  ),
  'broken/index.html': page(
    '<img src="/missing.png" alt="Missing" width="1" height="1"><script>console.error("boom")</script>',
  ),
  'pixel.png': '',
};

let root: string;
let session: Session;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wirepress-gates-'));
  for (const [file, html] of Object.entries(FIXTURES)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), html);
  }
  session = await startSession(root);
});
afterAll(async () => {
  await session?.close();
  rmSync(root, { recursive: true, force: true });
});

async function on<T>(
  path: string,
  check: (opened: Awaited<ReturnType<typeof openPage>>) => Promise<T>,
  options = {},
): Promise<T> {
  const opened = await openPage(session, path, options);
  try {
    return await check(opened);
  } finally {
    await opened.close();
  }
}

describe('the browser gates', () => {
  it('pass a page with no fault', async () => {
    expect(await on('/good/', async ({ problems }) => problems)).toEqual([]);
    expect(await on('/good/', ({ page }) => runAxe(page))).toEqual([]);
    expect(await on('/good/', ({ page }) => skipLinkProblems(page))).toEqual([]);
    expect(await on('/good/', ({ page }) => tabOrderProblems(page))).toEqual({
      unreachable: [],
      invisibleFocus: [],
    });
    expect(
      await on('/good/', ({ page }) => horizontalOverflow(page), { viewport: { width: 320, height: 640 } }),
    ).toBeUndefined();
    expect(await on('/good/', ({ page }) => layoutShiftTotal(page))).toBe(0);
  });

  it('catch a console error and a failed request', async () => {
    const problems = await on('/broken/', async ({ problems }) => problems);
    expect(problems.some((problem) => problem.includes('boom'))).toBe(true);
    expect(
      problems.some((problem) => problem.startsWith('HTTP 404') && problem.endsWith('/missing.png')),
    ).toBe(true);
  });

  it('catch an image without alt text with axe-core', async () => {
    const violations = await on('/no-alt/', ({ page }) => runAxe(page));
    expect(violations.map((violation) => violation.id)).toContain('image-alt');
  });

  it('run axe-core on a page whose CSP refuses every script, as every page of the site does', async () => {
    const violations = await on('/no-alt-strict-csp/', ({ page }) => runAxe(page));
    expect(violations.map((violation) => violation.id)).toContain('image-alt');
  });

  it('catch a missing skip link, an unreachable link and an invisible focus', async () => {
    expect(await on('/no-skip/', ({ page }) => skipLinkProblems(page))).toEqual([
      'the first Tab stop is a "Home" /good/, not a skip link to #main',
    ]);
    expect((await on('/unreachable/', ({ page }) => tabOrderProblems(page))).unreachable).toEqual([
      'a "Mouse only" /good/',
    ]);
    expect((await on('/no-focus-style/', ({ page }) => tabOrderProblems(page))).invisibleFocus).toEqual([
      'a "Invisible focus" /good/',
    ]);
  });

  it('catch sideways scrolling at 320 px and name the culprit', async () => {
    const overflow = await on('/wide/', ({ page }) => horizontalOverflow(page), {
      viewport: { width: 320, height: 640 },
    });
    expect(overflow).toMatch(/widest: div\.banner$/);
  });

  it('catch a layout shift', async () => {
    const shift = await on('/shifts/', async ({ page }) => {
      await page.waitForSelector('body[data-shifted]');
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      return layoutShiftTotal(page);
    });
    expect(shift).toBeGreaterThan(0);
  });
});
