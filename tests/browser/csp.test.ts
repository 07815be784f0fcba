/**
 * The Content Security Policy of the real site, as a browser enforces it: the meta policy Astro
 * writes and the header policy in dist/_headers (applied to every response here the way
 * Netlify/Cloudflare would). Every page template loads without a single CSP violation, and a
 * script injected into a loaded page is refused (so the check can fail).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parsePolicy } from '../../src/lib/security-headers.ts';
import { parseHeadersFile, ruleMatches, type HeaderRule } from '../helpers/headers-file.ts';
import { urlPathOf } from '../helpers/page-templates.ts';
import { startSession, type Session } from './support.ts';

let dist: string;
let rules: HeaderRule[];
let session: Session;

beforeAll(async () => {
  dist = inject('siteDist');
  rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  session = await startSession(dist);
});

afterAll(() => session?.close());

/** A context whose responses carry the _headers rules, and which records CSP violations. */
async function hostedContext(): Promise<BrowserContext> {
  const context = await session.browser.newContext();
  await context.route(`${session.server.origin}/**`, async (route) => {
    try {
      const response = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      const headers = { ...response.headers() };
      for (const rule of rules.filter((candidate) => ruleMatches(candidate.path, path))) {
        for (const [name, value] of Object.entries(rule.headers)) headers[name.toLowerCase()] = value;
      }
      await route.fulfill({ response, headers });
    } catch (error) {
      // A request still in flight when a test closes its context (the icon, a lazy image) has no
      // page left to answer; anything else is a real failure.
      if (!/disposed|closed/i.test(String(error))) throw error;
    }
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  return context;
}

describe('dist/_headers', () => {
  it('carries the security headers on every path', () => {
    const all = rules.find((rule) => rule.path === '/*')?.headers ?? {};
    expect(all['Strict-Transport-Security']).toMatch(/max-age=\d{8,}/);
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(all['Permissions-Policy']).toContain('camera=()');
    expect(all['X-Frame-Options']).toBe('DENY');
  });

  it("has a strict CSP header with every page's hashed sources and frame-ancestors 'none'", () => {
    const header = parsePolicy(rules.find((rule) => rule.path === '/*')!.headers['Content-Security-Policy']!);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('base-uri')).toEqual(["'none'"]);
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(header.get('script-src')).not.toContain("'unsafe-inline'");
    expect(header.get('script-src')).not.toContain("'unsafe-eval'");
    for (const template of session.templates) {
      const file = template.path === '/404.html' ? '404.html' : join(template.path, 'index.html');
      const meta = parseHTML(readFileSync(join(dist, file), 'utf8')).document.querySelector(
        'meta[http-equiv="content-security-policy"]',
      );
      expect(meta, `${template.path} has no CSP meta`).not.toBeNull();
      const pagePolicy = parsePolicy(meta!.getAttribute('content')!);
      expect(pagePolicy.get('script-src')).not.toContain("'unsafe-inline'");
      expect(pagePolicy.get('frame-ancestors'), 'ignored in meta; belongs in the header').toBeUndefined();
      for (const directive of ['script-src', 'style-src']) {
        for (const source of pagePolicy.get(directive) ?? [])
          expect(header.get(directive), `${directive} ${source} of ${template.path}`).toContain(source);
      }
    }
  });

  it('caches hashed assets for a year and pages, feeds and sitemaps briefly', () => {
    const cacheOf = (path: string) =>
      rules
        .filter((rule) => ruleMatches(rule.path, path) && rule.headers['Cache-Control'])
        .map((rule) => rule.headers['Cache-Control']);
    expect(cacheOf('/_astro/anything.css')).toEqual(['public, max-age=31536000, immutable']);
    expect(cacheOf('/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheOf('/articles/harbour-light-returns/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheOf('/rss.xml')).toEqual(['public, max-age=300']);
    expect(cacheOf('/sitemap-index.xml')).toEqual(['public, max-age=300']);
  });
});

describe('the CSP in Chromium', () => {
  it('every page template loads without a CSP violation', { timeout: 300_000 }, async () => {
    const context = await hostedContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`);
    });
    for (const template of session.templates) {
      await page.goto(session.server.origin + template.path, { waitUntil: 'networkidle' });
      const seen = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      violations.push(...seen.map((violation) => `${template.kind} ${template.path}: ${violation}`));
    }
    await context.close();
    expect(violations).toEqual([]);
  });

  it(
    'refuses an injected inline script and event handler, and reports them',
    { timeout: 60_000 },
    async () => {
      const context = await hostedContext();
      const page = await context.newPage();
      await page.goto(`${session.server.origin}${urlPathOf('index.html')}`, { waitUntil: 'load' });
      const result = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = true';
        document.body.append(script);
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.handlerRan = true');
        image.src = 'data:,not-an-image';
        document.body.append(image);
        await new Promise((done) => setTimeout(done, 200));
        const state = window as unknown as {
          injectedRan?: boolean;
          handlerRan?: boolean;
          cspViolations: string[];
        };
        return {
          injectedRan: state.injectedRan ?? false,
          handlerRan: state.handlerRan ?? false,
          violations: state.cspViolations,
        };
      });
      await context.close();
      expect(result.injectedRan).toBe(false);
      expect(result.handlerRan).toBe(false);
      expect(result.violations.some((violation) => violation.startsWith('script-src'))).toBe(true);
    },
  );
});
