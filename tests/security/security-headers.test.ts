/**
 * The CSP and _headers builder (src/lib/security-headers.ts). The built file itself is checked
 * on a real build in tests/browser/csp.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  CACHE,
  frameSrcDirective,
  framesSomething,
  headerPolicy,
  headersFile,
  META_CSP_DIRECTIVES,
  metaPolicyOf,
  parsePolicy,
  unionOfPolicies,
} from '../../src/lib/security-headers.ts';
import { parseHeadersFile } from '../helpers/headers-file.ts';

const ARTICLE =
  "script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB='; default-src 'self'; object-src 'none'";
const SEARCH =
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src " +
  "'self' 'sha256-BBB='; default-src 'self'; object-src 'none'";

describe('the header CSP', () => {
  it("is the union of the pages' meta policies plus frame-ancestors and upgrade-insecure-requests", () => {
    const policy = parsePolicy(headerPolicy([ARTICLE, SEARCH]));
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-AAA='", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-BBB='"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('upgrade-insecure-requests')).toEqual([]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it("refuses to write a policy that allows 'unsafe-inline' or 'unsafe-eval' scripts", () => {
    expect(() => headerPolicy(["script-src 'self' 'unsafe-inline'"])).toThrow(/unsafe-inline/);
    expect(() => headerPolicy(["default-src 'self' 'unsafe-eval'"])).toThrow(/unsafe-eval/);
    expect(() => headerPolicy([])).toThrow(/no page carries/);
  });

  it('keeps directive names case-insensitive and the first occurrence, as browsers do', () => {
    expect(parsePolicy("Object-Src 'none'; object-src *").get('object-src')).toEqual(["'none'"]);
    expect(unionOfPolicies(["img-src 'self'", 'img-src https:']).get('img-src')).toEqual([
      "'self'",
      'https:',
    ]);
  });

  it('the meta directives never allow inline script, plugins, base or framing', () => {
    const meta = parsePolicy(META_CSP_DIRECTIVES.join('; '));
    expect(meta.get('default-src')).toEqual(["'self'"]);
    expect(meta.get('object-src')).toEqual(["'none'"]);
    expect(meta.get('base-uri')).toEqual(["'none'"]);
    expect(META_CSP_DIRECTIVES.join(' ')).not.toMatch(/unsafe|frame-ancestors/);
  });

  it("frames nothing unless a page embeds a video, and then only that player's origin", () => {
    expect(frameSrcDirective([])).toBe("frame-src 'none'");
    expect(frameSrcDirective(['https://www.youtube-nocookie.com'])).toBe(
      'frame-src https://www.youtube-nocookie.com',
    );
    expect(() => frameSrcDirective(['*'])).toThrow(/not an https origin/);
    expect(() => frameSrcDirective(["https://a.example 'unsafe-inline'"])).toThrow(/not an https origin/);
    expect(framesSomething("default-src 'self'; frame-src 'none'")).toBe(false);
    expect(framesSomething("default-src 'self'; frame-src https://player.vimeo.com")).toBe(true);
  });

  it("joins 'none' and a source into the source", () => {
    expect(
      unionOfPolicies(["frame-src 'none'", 'frame-src https://player.vimeo.com']).get('frame-src'),
    ).toEqual(['https://player.vimeo.com']);
    expect(unionOfPolicies(["frame-src 'none'", "frame-src 'none'"]).get('frame-src')).toEqual(["'none'"]);
  });

  it('reads the meta policy Astro writes', () => {
    expect(
      metaPolicyOf(`<head><meta http-equiv="content-security-policy" content="${ARTICLE}"></head>`),
    ).toBe(ARTICLE);
    expect(metaPolicyOf('<head></head>')).toBeUndefined();
  });
});

describe('the _headers file', () => {
  const file = headersFile("default-src 'self'", {
    folders: ['_astro', 'articles', 'tags', '2', '17', 'pagefind'],
    files: [
      'index.html',
      '404.html',
      'rss.xml',
      'feed.json',
      'sitemap-index.xml',
      'logo.png',
      '_redirects',
      '_headers',
    ],
  });
  const rules = new Map(
    file
      .split(/\n\n+/)
      .filter((block) => block.startsWith('/'))
      .map((block) => {
        const [path, ...headers] = block.split('\n');
        return [
          path!,
          Object.fromEntries(
            headers.map((line) =>
              line
                .trim()
                .split(/:\s(.*)/s)
                .slice(0, 2),
            ),
          ),
        ];
      }),
  );

  it('puts the security headers and CSP on every path, and nothing that could conflict', () => {
    expect(rules.get('/*')).toEqual({
      'Strict-Transport-Security': 'max-age=63072000',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringContaining('camera=()'),
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Content-Security-Policy': "default-src 'self'",
    });
  });

  it('caches hashed assets for a year and everything else briefly, in disjoint rules', () => {
    expect(rules.get('/_astro/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(rules.get('/articles/*')).toEqual({ 'Cache-Control': CACHE.html });
    expect(rules.get('/')).toEqual({ 'Cache-Control': CACHE.html });
    expect(rules.get('/404.html')).toEqual({ 'Cache-Control': CACHE.html });
    expect(rules.get('/rss.xml')).toEqual({ 'Cache-Control': CACHE.feed });
    expect(rules.get('/feed.json')).toEqual({ 'Cache-Control': CACHE.feed });
    expect(rules.get('/sitemap-index.xml')).toEqual({ 'Cache-Control': CACHE.feed });
    expect(rules.get('/logo.png')).toEqual({ 'Cache-Control': CACHE.other });
    const withCache = [...rules].filter(([, headers]) => 'Cache-Control' in headers).map(([path]) => path);
    expect(rules.get('/*')).not.toHaveProperty('Cache-Control');
    expect(withCache).not.toContain('/2/*');
    expect(withCache.filter((path) => path.startsWith('/_'))).toEqual(['/_astro/*']);
  });
});

describe('the _headers file of a site with video embeds', () => {
  const layout = { folders: ['articles'], files: ['index.html'] };
  const pages = [
    {
      path: '/articles/harbour-video/',
      policy: "default-src 'self'; frame-src https://www.youtube-nocookie.com",
    },
  ];

  it(
    'gives each embedding page its own CSP, detaching the site-wide one ' +
      "(Cloudflare joins them otherwise); /* keeps frame-src 'none'",
    () => {
      const file = headersFile("default-src 'self'; frame-src 'none'", layout, pages);
      expect(file).toContain('/*\n  Strict-Transport-Security');
      expect(file).toContain("Content-Security-Policy: default-src 'self'; frame-src 'none'");
      expect(file).toContain(
        '/articles/harbour-video/\n  ! Content-Security-Policy\n' +
          "  Content-Security-Policy: default-src 'self'; frame-src https://www.youtube-nocookie.com",
      );
    },
  );

  it('leaves out the detach line Netlify would reject; there the later rule wins', () => {
    const file = headersFile("default-src 'self'; frame-src 'none'", layout, pages, 'netlify');
    expect(file).not.toContain('!');
    expect(file.indexOf('/articles/harbour-video/')).toBeGreaterThan(file.indexOf('/*'));
  });
});

describe('the _headers file of a site with files linked from articles', () => {
  it('makes each file a browser would render a download (nosniff comes from /*), path-encoded', () => {
    const file = headersFile("default-src 'self'", { folders: ['articles'], files: [] }, [], 'any', [
      '/articles/vote/results.csv',
      '/articles/vote/Old page.html',
    ]);
    const rules = new Map(parseHeadersFile(file).map((rule) => [rule.path, rule.headers]));
    expect(rules.get('/articles/vote/results.csv')).toEqual({ 'Content-Disposition': 'attachment' });
    expect(rules.get('/articles/vote/Old%20page.html')).toEqual({ 'Content-Disposition': 'attachment' });
    expect(rules.get('/*')).toMatchObject({ 'X-Content-Type-Options': 'nosniff' });
  });
});
