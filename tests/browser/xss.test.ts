/**
 * The hostile-input corpus (tests/security/corpus: 70 articles and a hostile author, each
 * noting the cheat sheet or paper it comes from) built in one real `astro build`, then checked twice:
 * 1. a static scan of every HTML, XML, SVG and JSON file in dist/ (tests/security/scan-dist.ts);
 * 2. every page loaded in Chromium with the CSP switched off (bypassCSP), so the markup alone
 *    must be inert: any dialog, marker console message, `__xss` window property, request to
 *    xss.invalid, or live DOM node that could run script fails the test. tests/browser/csp.test.ts
 *    checks the CSP separately.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { urlPathOf } from '../helpers/page-templates.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { scanDist } from '../security/scan-dist.ts';

const CORPUS = join(import.meta.dirname, '../security/corpus');
const CASES = readdirSync(join(CORPUS, 'articles'));
const MARKER_HOST = 'xss.invalid';

let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Another host than the corpus's example.org links, so the link check treats those as external.
  build = await buildSite({ contentDir: CORPUS, env: { SITE_URL: 'https://news.wirepress.test' } });
  if (build.exitCode !== 0)
    throw new Error(`The hostile corpus did not build (exit ${build.exitCode}):\n${build.output}`);
  server = await serveStatic(build.dist);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.cleanup();
});

const htmlPages = () =>
  (readdirSync(build.dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.html'))
    .sort();

const page = (path: string) => parseHTML(readFileSync(join(build.dist, path), 'utf8')).document;

describe('the hostile corpus', () => {
  it('has at least 60 cases, and every one is published', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const missing = CASES.filter((id) => !htmlPages().includes(`articles/${id}/index.html`));
    expect(missing).toEqual([]);
  });

  it('the static scan finds nothing executable in any file of dist/', () => {
    expect(scanDist(build.dist)).toEqual([]);
  });

  it('never ships an SVG that carries script', () => {
    const svgs = (readdirSync(build.dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) =>
      file.endsWith('.svg'),
    );
    for (const svg of svgs)
      expect(readFileSync(join(build.dist, svg), 'utf8'), svg).not.toMatch(/<script|\son\w+\s*=/i);
  });

  it('shows hostile front-matter values as text in <title>, meta, JSON-LD and the feeds', () => {
    const title = '</title><script>alert(1)</script><title>';
    const document = page('articles/fm-title-breakout/index.html');
    expect(document.title.startsWith(title)).toBe(true);
    expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(title);
    expect(document.querySelector('h1')?.textContent).toBe(title);

    const jsonLd = page('articles/fm-jsonld-breakout/index.html').querySelector(
      'script[type="application/ld+json"]',
    )!.textContent!;
    expect(jsonLd).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(jsonLd)).toMatchObject({
      headline: '</script><script>alert(1)</script>',
      description: '<!--<script>alert(1)</script>-->',
    });

    const description = page('articles/fm-description-attribute/index.html').querySelector(
      'meta[name="description"]',
    );
    expect(description?.getAttribute('content')).toBe('"><script>alert(1)</script><meta name="x" content="');

    const feed = JSON.parse(readFileSync(join(build.dist, 'feed.json'), 'utf8')) as {
      items: { title: string }[];
    };
    expect(feed.items.map((item) => item.title)).toContain(
      ']]><item><title>injected</title></item><![CDATA[',
    );
    const rss = readFileSync(join(build.dist, 'rss.xml'), 'utf8');
    expect(rss.match(/<item>/g)?.length).toBe(feed.items.length);
  });

  it("prefixes editors' ids and names so they cannot clobber the page or DOM globals", () => {
    const document = page('articles/clobber-chrome-ids/index.html');
    expect(document.querySelectorAll('#page-main')).toHaveLength(1);
    expect(document.querySelector('#page-main')?.localName).toBe('main');
    const clobber = page('articles/clobber-globals/index.html');
    const names = [...clobber.querySelectorAll('.article-body [id], .article-body [name]')].flatMap(
      (element) =>
        [element.getAttribute('id'), element.getAttribute('name')].filter(
          (value): value is string => value !== null,
        ),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^user-content-/);
  });
});

/**
 * Loads every page of a served dist/ with the CSP bypassed and returns what fired: dialogs,
 * marker console messages, popups, requests to the marker host, navigation away, and live DOM
 * nodes that could run script (as Chromium itself parsed them: mXSS shows up here).
 */
async function probePages(origin: string, paths: string[]): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  const fired: string[] = [];
  // Nothing leaves 127.0.0.1: requests to the marker host are recorded, all other remote ones dropped.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    if (new URL(route.request().url()).hostname === MARKER_HOST)
      fired.push(`request to ${route.request().url()}`);
    await route.abort();
  });
  const tab = await context.newPage();
  let current = '';
  tab.on('dialog', async (dialog) => {
    fired.push(`${current}: ${dialog.type()}("${dialog.message()}")`);
    await dialog.dismiss();
  });
  tab.on('console', (message) => {
    if (/xss|alert/i.test(message.text())) fired.push(`${current}: console ${message.text()}`);
  });
  tab.on('popup', (popup) => fired.push(`${current}: opened ${popup.url()}`));

  for (const path of paths) {
    current = path;
    await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
    const live = await tab.evaluate(() => {
      const problems: string[] = [];
      const own = (script: HTMLScriptElement) =>
        script.type === 'application/ld+json' ||
        (script.src !== '' && new URL(script.src).origin === location.origin);
      for (const script of document.querySelectorAll('script'))
        if (!own(script)) problems.push(`script: ${script.outerHTML.slice(0, 80)}`);
      for (const element of document.querySelectorAll(
        'iframe, frame, object, embed, applet, base, portal, foreignObject, animate, set',
      )) {
        problems.push(`<${element.localName}>`);
      }
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) problems.push(`${attribute.name} on <${element.localName}>`);
        }
        // The browser's own URL parsing, after entity decoding and whitespace stripping.
        for (const name of ['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'background']) {
          const value = (element as unknown as Record<string, unknown>)[name];
          if (typeof value === 'string' && /^(javascript|vbscript|data):/i.test(value))
            problems.push(`${name}=${value.slice(0, 60)} on <${element.localName}>`);
        }
        // Fire what a reader could trigger by pointing, focusing or toggling.
        for (const type of [
          'mouseover',
          'mouseenter',
          'pointerenter',
          'focus',
          'toggle',
          'animationstart',
          'error',
          'load',
        ]) {
          element.dispatchEvent(new Event(type));
        }
      }
      if ('__xss' in window)
        problems.push(`window.__xss = ${String((window as unknown as { __xss: unknown }).__xss)}`);
      return problems;
    });
    fired.push(...live.map((problem) => `${path}: ${problem}`));
    if (tab.url() !== `${origin}${path}`) fired.push(`${path}: navigated to ${tab.url()}`);
  }
  await context.close();
  return fired;
}

describe('the hostile corpus in Chromium (markup alone, CSP bypassed)', () => {
  it(
    'no page runs a vector, loads from the marker host or keeps an executable node',
    { timeout: 900_000 },
    async () => {
      expect(await probePages(server.origin, htmlPages().map(urlPathOf))).toEqual([]);
    },
  );

  it(
    'the probe reports vectors that do run (so a clean run means something)',
    { timeout: 60_000 },
    async () => {
      const planted = mkdtempSync(join(tmpdir(), 'wirepress-planted-'));
      writeFileSync(
        join(planted, 'index.html'),
        '<!doctype html><html><body><img src="missing.png" onerror="alert(1)"><script>top.__xss = 1</script>' +
          '<a href="javascript:alert(1)">x</a><img src="https://xss.invalid/pixel.png">' +
          '<p onmouseover="console.log(\'xss\')">p</p></body></html>',
      );
      const plantedServer = await serveStatic(planted);
      try {
        const fired = (await probePages(plantedServer.origin, ['/'])).join('\n');
        expect(fired).toMatch(/alert\("1"\)/);
        expect(fired).toMatch(/window\.__xss = 1/);
        expect(fired).toMatch(/href=javascript:alert\(1\)/);
        expect(fired).toMatch(/request to https:\/\/xss\.invalid\/pixel\.png/);
        expect(fired).toMatch(/console xss/);
        expect(fired).toMatch(/onerror on <img>/);
      } finally {
        await plantedServer.close();
        rmSync(planted, { recursive: true, force: true });
      }
    },
  );
});
