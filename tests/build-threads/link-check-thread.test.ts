import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenReferencesOnTwoThreads } from '../../src/build-threads/link-check-thread.ts';
import { ALL_SOURCES, brokenReferences, filesIn, scanOrder } from '../../src/lib/link-check.ts';

const SITE = 'https://example.org';
const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;

/**
 * Twelve pages and a feed: broken links in both halves of the reading order, a feed repeating a
 * link the first half already reported (told once), links to ids of pages in the other half, and
 * a download that is not a page.
 */
const SITE_FILES: Record<string, string> = {
  'index.html': page('<a href="/a0/">a0</a><a href="/a9/#end">end</a>'),
  ...Object.fromEntries(
    Array.from({ length: 10 }, (_, n) => [
      `a${n}/index.html`,
      page(
        `<h2 id="s${n}">S</h2><a href="/a${(n + 5) % 10}/#s${(n + 5) % 10}">next</a>` +
          (n === 2 ? '<a href="/a7/#nowhere">bad id</a>' : '') +
          (n === 8 ? `<a href="${SITE}/gone-2/">gone</a><img src="/missing.webp" alt="">` : '') +
          (n === 9 ? '<p id="end"></p><a href="/a1/#user">prefixed</a>' : '') +
          (n === 1 ? '<p id="user-content-user"></p><a href="/gone-1/">gone</a>' : ''),
      ),
    ]),
  ),
  'a3/notes.html': '<a href="/nowhere/">not a page: not read for links</a>',
  'feed.xml': `<rss><item><link>${SITE}/gone-1/</link><link>${SITE}/gone-3/</link></item></rss>`,
  'style.css': 'body { background: url(/bg.png) }',
};

describe('brokenReferencesOnTwoThreads', () => {
  const dist = mkdtempSync(join(tmpdir(), 'link-check-thread-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(SITE_FILES)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  const input = {
    dist,
    files: filesIn(dist),
    siteUrl: SITE,
    basePath: '/',
    downloads: new Set(['a3/notes.html']),
    sources: ALL_SOURCES,
  };
  const oneThread = brokenReferences({
    ...input,
    readText: (path: string) => SITE_FILES[path]!,
  });

  it('has broken references in both halves of the reading order, and a feed repeating the first', () => {
    const order = scanOrder(input);
    const [first, second] = [
      order.slice(0, Math.ceil(order.length / 2)),
      order.slice(Math.ceil(order.length / 2)),
    ];
    expect(first).toContain('a1/index.html');
    expect(first).toContain('a2/index.html');
    expect(second).toEqual(expect.arrayContaining(['a8/index.html', 'a9/index.html', 'feed.xml']));
  });

  it('finds what one thread finds, in the same order, each broken URL told once', async () => {
    expect(oneThread.map(({ page, target }) => `${page} ${target}`)).toEqual([
      'a1/index.html /gone-1/',
      'a2/index.html /a7/#nowhere',
      'a8/index.html https://example.org/gone-2/',
      'a8/index.html /missing.webp',
      'a9/index.html /a1/#user',
      'feed.xml https://example.org/gone-3/',
      'style.css /bg.png',
    ]);
    const order = scanOrder(input);
    expect(await brokenReferencesOnTwoThreads(input)).toEqual({
      broken: oneThread,
      onThreads: order.length,
    });
    expect(await brokenReferencesOnTwoThreads(input, { threads: false })).toEqual({
      broken: oneThread,
      onThreads: 0,
    });
  });

  it('finds nothing in a site whose links all resolve', async () => {
    const sound = mkdtempSync(join(tmpdir(), 'link-check-thread-'));
    mkdirSync(join(sound, 'a0'));
    writeFileSync(join(sound, 'index.html'), page('<a href="/a0/#s0">a0</a>'));
    writeFileSync(join(sound, 'a0/index.html'), page('<h2 id="s0">S</h2><a href="/">home</a>'));
    const found = await brokenReferencesOnTwoThreads({ ...input, dist: sound, files: filesIn(sound) });
    rmSync(sound, { recursive: true });
    expect(found).toEqual({ broken: [], onThreads: 2 });
  });
});
