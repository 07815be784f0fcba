/**
 * The dist scanner finds what it is meant to find (so a clean scan means something): a dist/
 * written here with one planted problem per file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDangerousUrl, scanDist, scanFragment } from './scan-dist.ts';

const root = mkdtempSync(join(tmpdir(), 'wirepress-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const PLANTED: Record<string, string> = {
  'clean/index.html': page(
    '<script type="application/ld+json">{"a":"\\u003c/script>"}</script>' +
      '<script type="module" src="/search.js"></script>',
    '<a href="/x/">x</a>',
  ),
  'redirect/index.html': page('<meta http-equiv="refresh" content="0;url=/articles/new/">', ''),
  'search.js': '',
  'inline-script/index.html': page('', '<script>alert(1)</script>'),
  'foreign-script/index.html': page('<script src="https://evil.example/x.js"></script>', ''),
  'handler/index.html': page('', '<img src="/a.png" onerror="alert(1)">'),
  'js-url/index.html': page('', '<a href="java&#x09;script:alert(1)">x</a>'),
  'srcset/index.html': page('', '<img srcset="/a.png 1x, javascript:alert(1) 2x">'),
  'iframe/index.html': page('', '<iframe src="/x/"></iframe>'),
  'refresh/index.html': page('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ''),
  'body-style/index.html': page('', '<style>body{}</style>'),
  'css/index.html': page('', '<p style="background:url(javascript:alert(1))">x</p>'),
  'jsonld/index.html': page('<script type="application/ld+json">{"headline":"</script>"}</script>', ''),
  'rss.xml':
    '<rss><channel><item><link>javascript:alert(1)</link><description>&lt;' +
    'img src=x onerror=alert(1)&gt;</description></item></channel></rss>',
  'broken.xml': '<rss><channel></rss>',
  'feed.json': JSON.stringify({
    items: [{ url: 'data:text/html,x', content_html: '<svg onload=alert(1)>' }],
  }),
  'broken.json': '{"a":',
  '_astro/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
};
for (const [path, contents] of Object.entries(PLANTED)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), contents);
}

describe('scanDist', () => {
  const findings = scanDist(root);
  const filesWithFindings = [...new Set(findings.map((finding) => finding.file.replace(/#.*/, '')))].sort();

  it('reports every planted problem, and nothing in the clean page, the search script or the internal redirect', () => {
    expect(filesWithFindings).toEqual(
      Object.keys(PLANTED)
        .filter((path) => !['clean/index.html', 'redirect/index.html', 'search.js'].includes(path))
        .sort(),
    );
  });

  it('says what it found', () => {
    const problems = findings.map((finding) => `${finding.file}: ${finding.problem}`).join('\n');
    expect(problems).toMatch(/inline-script\/index.html: an inline script the page's CSP does not list/);
    expect(problems).toMatch(/handler\/index.html: an event handler onerror/);
    expect(problems).toMatch(/rss.xml#item 1: an event handler onerror/);
    expect(problems).toMatch(/feed.json#item 1: an event handler onload/);
    expect(problems).toMatch(/jsonld\/index.html: a JSON-LD block does not parse/);
    expect(problems).toMatch(/broken.xml: does not parse as XML/);
  });
});

describe('isDangerousUrl', () => {
  it.each([
    'javascript:alert(1)',
    ' JavaScript:x',
    'java\tscript:x',
    '\u0001javascript:x',
    'vbscript:x',
    'data:text/html,x',
    'DATA:image/svg+xml,x',
    'file:///etc/passwd',
  ])('%j is dangerous', (url) => {
    expect(isDangerousUrl(url)).toBe(true);
  });
  it.each(['https://example.org/', '/articles/x/', '#top', 'mailto:a@example.org', 'javascript-guide/'])(
    '%j is not',
    (url) => {
      expect(isDangerousUrl(url)).toBe(false);
    },
  );
  it('scanFragment flags raw hostile HTML', () => {
    expect(scanFragment('<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>')).toHaveLength(2);
  });
});
