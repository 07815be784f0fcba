/**
 * A GitHub Pages project site lives under a sub-path (https://owner.github.io/news/). Built with
 * BASE_PATH=/news/, every internal link, asset, srcset candidate, feed, sitemap and canonical URL
 * must carry the prefix and name a file the build wrote, with dist/ mounted at /news/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_PATH_MOUNT as mount } from '../helpers/global-build.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import {
  checkInternalLinks,
  describeBrokenLinks,
  type CheckedReference,
} from '../../scripts/verify/internal-links.ts';

const textUrls = { links: false, previews: false, jsonLd: false, textUrls: true };

describe('the site built for a project site under /news/', () => {
  // Built once for the whole suite (tests/helpers/global-build.ts).
  let dist: string;
  const checked: CheckedReference[] = [];
  const htmlFiles = () =>
    readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  const documentAt = (file: string) => parseHTML(readFileSync(join(dist, file), 'utf8')).document;

  beforeAll(async () => {
    ({ dist } = await sharedBuild('basePath'));
    const { siteUrl: origin, basePath } = mount;
    checkInternalLinks(dist, {
      origin,
      basePath,
      sources: textUrls,
      onChecked: (url) => checked.push(url),
    });
  });

  it('links, images and srcsets in every page carry /news/ and name a file the build wrote', () => {
    expect(
      describeBrokenLinks(checkInternalLinks(dist, { origin: mount.siteUrl, basePath: mount.basePath })),
    ).toBe('');
  });

  it('home page links reach every article under /news/', () => {
    const home = documentAt('index.html');
    const hrefs = [...home.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    const articles = htmlFiles().filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) expect(hrefs).toContain(`/news/${article.replace(/index\.html$/, '')}`);
  });

  const urlsOutsideLinks =
    'URLs outside link attributes (JSON-LD, feeds, sitemaps, robots.txt, CSS, redirects) ' +
    'carry /news/ and resolve';
  it(urlsOutsideLinks, () => {
    const broken = checked
      .filter((url) => url.reason)
      .map((url) => `${url.page}: ${url.target} [${url.attribute}] ${url.reason}`);
    expect(broken).toEqual([]);
  });

  it('gives every page a canonical and og:url on SITE_URL under /news/', () => {
    for (const file of htmlFiles()) {
      const document = documentAt(file);
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      // Redirect stubs for old addresses may carry no canonical of their own; real pages must.
      if (document.querySelector('meta[http-equiv="refresh" i]') && !canonical) continue;
      expect(canonical, file).toMatch(/^https:\/\/example\.github\.io\/news\//);
      const ogUrl = document.querySelector('meta[property="og:url"]')?.getAttribute('content');
      if (ogUrl) expect(ogUrl, file).toBe(canonical);
    }
  });

  it('writes feed and sitemap URLs on SITE_URL under /news/', () => {
    const absolute = checked.filter(
      (url) => url.attribute === 'absolute' && /\.(xml|json|txt)$/.test(url.page),
    );
    expect(absolute.length).toBeGreaterThan(0);
    for (const url of absolute)
      expect(url.target, url.page).toMatch(/^https:\/\/example\.github\.io\/news\//);
  });
});
