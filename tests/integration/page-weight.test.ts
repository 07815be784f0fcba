/**
 * The page-weight budget of an article without images, on the real build of the seed article:
 * HTML plus every stylesheet it links or inlines must fit in 14 KB gzipped (what the first
 * round trip of a new TCP connection can carry), and the page must ship no JavaScript at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PAGE_WEIGHT_BUDGET_BYTES, pageWeight } from '../../scripts/verify/page-weight.ts';
import { site } from '../../src/site.config.ts';

const SLUG = 'chrissy-teigen-breaks-down-in-tears-during-therapy-three';
/** public/favicon.png is 48 px; the publisher logo it replaced as the icon was 12 KB. */
const ICON_BUDGET_BYTES = 4096;
/** Script types that carry data, not code. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);

describe('the seed article page weight', () => {
  let dist: string;
  let html: string;
  let document: Document;

  beforeAll(() => {
    dist = inject('siteDist');
    html = readFileSync(join(dist, 'articles', SLUG, 'index.html'), 'utf8');
    document = parseHTML(html).document;
  });

  it('has no images, so it measures the text page the budget is for', () => {
    expect(document.querySelectorAll('img, picture, video, iframe')).toHaveLength(0);
  });

  it('fits HTML and all its CSS in 14 KB gzipped', () => {
    const weight = pageWeight(dist, `articles/${SLUG}/index.html`, site.basePath);
    expect(weight.missing).toEqual([]);
    expect(weight.parts.length).toBeGreaterThan(0);
    expect(weight.totalBytes, `gzipped: ${JSON.stringify(weight.parts)}`).toBeLessThanOrEqual(
      PAGE_WEIGHT_BUDGET_BYTES,
    );
  });

  it('links a small icon, not the 512 px publisher logo: every page view fetches it early', () => {
    const icon = document.querySelector('link[rel="icon"]')!.getAttribute('href')!;
    const file = join(dist, icon.slice(site.basePath.length));
    expect(readFileSync(file).length, icon).toBeLessThanOrEqual(ICON_BUDGET_BYTES);
  });

  it('ships no JavaScript: no scripts but structured data, no module preloads, no inline handlers', () => {
    const scripts = [...document.querySelectorAll('script')].map(
      (script) => script.getAttribute('type') ?? 'text/javascript',
    );
    expect(scripts.filter((type) => !DATA_SCRIPT_TYPES.has(type))).toEqual([]);
    expect(document.querySelectorAll('link[rel="modulepreload"], link[as="script"]')).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      element
        .getAttributeNames()
        .filter((name) => name.startsWith('on'))
        .map((name) => `${element.localName}[${name}]`),
    );
    expect(handlers).toEqual([]);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
  });
});
