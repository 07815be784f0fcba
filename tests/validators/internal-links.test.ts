import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInternalLinks } from './internal-links.ts';

const SITE = { origin: 'https://news.example.org', basePath: '/' };
let dist: string;

function site(files: Record<string, string>, options = SITE) {
  dist = mkdtempSync(join(tmpdir(), 'wirepress-links-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), contents);
  }
  return checkInternalLinks(dist, options).map(({ page, url, reason }) => `${page} ${url}: ${reason}`);
}
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('checkInternalLinks', () => {
  it('accepts links to pages, files, fragments and the site’s own absolute URLs', () => {
    expect(
      site({
        'index.html': `<a href="/a/">a</a><a href="a/#part">part</a><a href="#top" id="top">top</a>
          <link rel="canonical" href="https://news.example.org/"><img src="/img/x.webp" srcset="/img/x.webp 1x, img/y.webp 2x">
          <meta property="og:image" content="https://news.example.org/img/x.webp">
          <a href="https://elsewhere.example/">out</a><a href="mailto:desk@example.org">mail</a>`,
        'a/index.html': '<h2 id="part">Part</h2><a href="../">home</a>',
        'img/x.webp': '',
        'img/y.webp': '',
      }),
    ).toEqual([]);
  });

  it('reports a missing page, file, srcset candidate and fragment, naming page and reason', () => {
    expect(
      site({
        'index.html': `<a href="/gone/">gone</a><img src="/x.png" srcset="/x.png 1x, /x2.png 2x"><a href="/a/#nope">nope</a>
          <meta property="og:image" content="https://news.example.org/og.png">
          <script type="application/ld+json">{"@id":"https://news.example.org/#org","image":["https://news.example.org/x.png","https://news.example.org/crop.png"]}</script>`,
        'a/index.html': '<p>a</p>',
        'x.png': '',
      }),
    ).toEqual([
      'index.html /gone/: no file dist/gone/index.html',
      'index.html /a/#nope: no element with id "nope" in dist/a/index.html',
      'index.html https://news.example.org/og.png: no file dist/og.png',
      'index.html /x2.png: no file dist/x2.png',
      'index.html https://news.example.org/crop.png: no file dist/crop.png',
    ]);
  });

  it('flags a directory link without its trailing slash and links outside the base path', () => {
    expect(
      site({ 'index.html': '<a href="/repo/a">a</a><a href="/elsewhere/">x</a>', 'a/index.html': '' }, { ...SITE, basePath: '/repo/' }),
    ).toEqual([
      'index.html /repo/a: missing its trailing slash (the site uses trailingSlash: always)',
      'index.html /elsewhere/: outside the base path /repo/',
    ]);
  });
});
