import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInternalLinks } from '../../scripts/verify/internal-links.ts';

const SITE = { origin: 'https://news.example.org', basePath: '/' };
const dists: string[] = [];

function site(files: Record<string, string>, options = SITE) {
  const dist = mkdtempSync(join(tmpdir(), 'wirepress-links-'));
  dists.push(dist);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), contents);
  }
  return checkInternalLinks(dist, options).map(
    ({ page, attribute, target, reason }) => `${page} ${attribute} ${target}: ${reason}`,
  );
}
afterEach(() => {
  for (const dist of dists.splice(0)) rmSync(dist, { recursive: true, force: true });
});

describe('checkInternalLinks', () => {
  it('accepts links, files, fragments and the site’s own URLs in metadata and JSON-LD', () => {
    expect(
      site({
        'index.html':
          `<a href="/a/">a</a><a href="a/#part">part</a><img src="/img/x.webp" srcset="/img/x.webp 1x, img/y.webp 2x">
          <meta property="og:image" content="https://news.example.org/img/x.webp">` +
          `<meta property="og:url" content="https://news.example.org/">
          <script type="application/ld+json">{"@id":"https://news.example.org/#org",` +
          `"url":"https://news.example.org/a/","logo":{"url":"https://news.example.org/img/y.webp"},` +
          `"sameAs":["https://elsewhere.example/x"]}</script>`,
        'a/index.html': '<h2 id="part">Part</h2><a href="../">home</a>',
        'img/x.webp': '',
        'img/y.webp': '',
      }),
    ).toEqual([]);
  });

  it(
    'reports broken links (through the build’s checker) and ' +
      'broken metadata URLs, naming page, place and reason',
    () => {
      expect(
        site({
          'index.html':
            `<a href="/gone/">gone</a><a href="/a/#nope">nope</a>
          <meta property="og:image" content="https://news.example.org/og.png">` +
            `<meta name="twitter:image" content="/og.png">
          <script type="application/ld+json">{"image":["https://news.example.org/crop.png"]}</script>`,
          'a/index.html': '<p>a</p>',
        }),
      ).toEqual([
        'index.html a[href] /gone/: no such page or file in the build',
        'index.html a[href] /a/#nope: a/index.html has no element with id="nope"',
        'index.html meta[og:image] https://news.example.org/og.png: no such page or file in the build',
        'index.html meta[twitter:image] /og.png: no such page or file in the build',
        'index.html meta[name="twitter:image"] /og.png: is not an absolute URL',
        'index.html JSON-LD https://news.example.org/crop.png: no such page or file in the build',
      ]);
    },
  );

  it('resolves metadata URLs under the base path', () => {
    const options = { ...SITE, basePath: '/news/' };
    expect(
      site(
        {
          'index.html': '<meta property="og:image" content="https://news.example.org/news/og.png">',
          'og.png': '',
        },
        options,
      ),
    ).toEqual([]);
    expect(
      site({ 'index.html': '<meta property="og:image" content="https://news.example.org/og.png">' }, options),
    ).toEqual([
      "index.html meta[og:image] https://news.example.org/og.png: points outside the site's base path /news/",
    ]);
  });
});
