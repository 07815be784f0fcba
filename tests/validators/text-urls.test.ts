/**
 * The link check's `textUrls` source (src/lib/link-check.ts: URLs outside HTML link attributes),
 * with the site mounted under a base path, on a hand-made dist/, so that a clean result over a real
 * build means the URLs are right, not that the checker looked at nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInternalLinks, type CheckedReference } from '../../scripts/verify/internal-links.ts';

const mount = { origin: 'https://octo.github.io', basePath: '/news/' };
const sources = { links: false, previews: false, jsonLd: false, textUrls: true };
const MISSING = 'no such page or file in the build';
const OUTSIDE = "points outside the site's base path /news/";

const site: Record<string, string> = {
  'index.html':
    `<!doctype html><html><head>
      <link rel="canonical" href="https://octo.github.io/news/">
      <meta property="og:image" content="https://octo.github.io/news/_astro/gone.jpg">
      <style>body { background: url(/_astro/paper.png) }</style>
      <script type="application/ld+json">{"url":"https://octo.github.io/articles/one/",` +
    `"logo":"https://octo.github.io/news/logo.png"}</script>
    </head><body>
      <a href="https://octo.github.io.evil.example/news/">lookalike host</a>
      <a href="mailto:desk@example.org">mail</a>
      <p style="background: url('data:image/png;base64,AAAA')">inline data</p>
    </body></html>`,
  'old/index.html': '<meta http-equiv="refresh" content="0; url=/news/articles/one/">',
  'older/index.html': '<meta http-equiv="refresh" content="0;URL=\'/articles/one/\'">',
  'articles/one/index.html': '<p>one</p>',
  'logo.png': 'png',
  '_astro/site.css': '@font-face { src: url(./inter.woff2) } .x { background: url("/news/_astro/none.png") }',
  '_astro/inter.woff2': 'font',
  'rss.xml':
    '<rss><channel><link>https://octo.github.io/news/</link><item>' +
    '<link>https://octo.github.io/news/articles/two/</link></item></channel></rss>',
  'robots.txt': 'Sitemap: https://octo.github.io/news/sitemap-index.xml\n',
  'feed.json': JSON.stringify({
    home_page_url: 'https://octo.github.io/news/',
    items: [{ url: 'https://octo.github.io/news/articles/one/' }],
  }),
  _redirects: '# aliases\n/news/old/ /news/articles/one/ 301\n/news/older/ /news/articles/two/ 301\n',
};

describe('the base-path checker for URLs outside link attributes', () => {
  let dist: string;
  const results: CheckedReference[] = [];
  const resultFor = (file: string, url: string) => results.find((r) => r.page === file && r.target === url);

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'text-urls-'));
    for (const [file, text] of Object.entries(site)) {
      mkdirSync(dirname(join(dist, file)), { recursive: true });
      writeFileSync(join(dist, file), text);
    }
    checkInternalLinks(dist, { ...mount, sources, onChecked: (reference) => results.push(reference) });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('accepts URLs under the base path that name a file, wherever they are written', () => {
    for (const [file, url] of [
      ['index.html', 'https://octo.github.io/news/'],
      ['index.html', 'https://octo.github.io/news/logo.png'],
      ['old/index.html', '/news/articles/one/'],
      ['_astro/site.css', './inter.woff2'],
      ['rss.xml', 'https://octo.github.io/news/'],
      ['feed.json', 'https://octo.github.io/news/articles/one/'],
      ['_redirects', '/news/articles/one/'],
    ]) {
      const result = resultFor(file!, url!);
      expect(result, `${file} ${url} was checked`).toBeDefined();
      expect(result!.reason, `${file} ${url}`).toBeUndefined();
    }
  });

  it('flags URLs that lose the base path', () => {
    expect(resultFor('index.html', 'https://octo.github.io/articles/one/')?.reason).toBe(OUTSIDE);
    expect(resultFor('index.html', '/_astro/paper.png')?.reason).toBe(OUTSIDE);
    expect(resultFor('older/index.html', '/articles/one/')?.reason).toBe(OUTSIDE);
  });

  it('flags URLs with no file behind them', () => {
    expect(resultFor('index.html', 'https://octo.github.io/news/_astro/gone.jpg')?.reason).toBe(MISSING);
    expect(resultFor('_astro/site.css', '/news/_astro/none.png')?.reason).toBe(MISSING);
    expect(resultFor('rss.xml', 'https://octo.github.io/news/articles/two/')?.reason).toBe(MISSING);
    expect(resultFor('robots.txt', 'https://octo.github.io/news/sitemap-index.xml')?.reason).toBe(MISSING);
    expect(resultFor('_redirects', '/news/articles/two/')?.reason).toBe(MISSING);
  });

  it('flags nothing else: other hosts, lookalike hosts, mailto: and data: URLs are not its business', () => {
    expect(
      results
        .filter((r) => r.reason)
        .map((r) => `${r.page} ${r.target}`)
        .sort(),
    ).toEqual([
      '_astro/site.css /news/_astro/none.png',
      '_redirects /news/articles/two/',
      'index.html /_astro/paper.png',
      'index.html https://octo.github.io/articles/one/',
      'index.html https://octo.github.io/news/_astro/gone.jpg',
      'older/index.html /articles/one/',
      'robots.txt https://octo.github.io/news/sitemap-index.xml',
      'rss.xml https://octo.github.io/news/articles/two/',
    ]);
  });
});
