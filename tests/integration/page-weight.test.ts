/**
 * The page-weight budget of an article without images, on the real build of the seed article:
 * HTML plus every stylesheet it links or inlines must fit in 14 KB gzipped (what the first
 * round trip of a new TCP connection can carry), and the page must ship no JavaScript at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { site } from '../../src/site.config.ts';

const SLUG = 'chrissy-teigen-breaks-down-in-tears-during-therapy-three';
const BUDGET_BYTES = 14 * 1024;
/** Script types that carry data, not code. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);

const gzipBytes = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

describe('the seed article page weight', () => {
  let dist: string;
  let html: string;
  let document: Document;

  beforeAll(() => {
    dist = inject('siteDist');
    html = readFileSync(join(dist, 'articles', SLUG, 'index.html'), 'utf8');
    document = parseHTML(html).document;
  });

  /** A same-site URL in the page, as a file in dist/. */
  const distFile = (href: string) => {
    const path = new URL(href, new URL(`articles/${SLUG}/`, `https://site.invalid${site.basePath}`)).pathname;
    expect(path.startsWith(site.basePath), `${href} is outside the site`).toBe(true);
    return join(dist, path.slice(site.basePath.length));
  };

  it('has no images, so it measures the text page the budget is for', () => {
    expect(document.querySelectorAll('img, picture, video, iframe')).toHaveLength(0);
  });

  it('fits HTML and all its CSS in 14 KB gzipped', () => {
    const stylesheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link) => distFile(link.getAttribute('href')!));
    for (const file of stylesheets) expect(existsSync(file), file).toBe(true);
    const parts = [
      { what: 'HTML (with inline <style>)', bytes: gzipBytes(html) },
      ...stylesheets.map((file) => ({ what: file.slice(dist.length), bytes: gzipBytes(readFileSync(file)) })),
    ];
    const total = parts.reduce((sum, part) => sum + part.bytes, 0);
    expect(total, `gzipped: ${JSON.stringify(parts)}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('ships no JavaScript: no scripts but structured data, no module preloads, no inline handlers', () => {
    const scripts = [...document.querySelectorAll('script')].map((script) => script.getAttribute('type') ?? 'text/javascript');
    expect(scripts.filter((type) => !DATA_SCRIPT_TYPES.has(type))).toEqual([]);
    expect(document.querySelectorAll('link[rel="modulepreload"], link[as="script"]')).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${element.localName}[${name}]`),
    );
    expect(handlers).toEqual([]);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
  });
});
