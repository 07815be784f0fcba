/**
 * The page-weight budget of an article page without images: its HTML plus every stylesheet it
 * links must fit in 14 KB gzipped, what the first round trip of a new TCP connection carries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// linkedom: the DOM (querySelector) the tests use too; a devDependency, never in the build,
// which streams pages through htmlparser2 and builds hast trees with parse5.
import { parseHTML } from 'linkedom';

export const PAGE_WEIGHT_BUDGET_BYTES = 14 * 1024;

export interface PageWeight {
  totalBytes: number;
  /** What was weighed: the HTML, then each stylesheet by its path in dist/. */
  parts: { what: string; bytes: number }[];
  /** Stylesheets the page links that are not in dist/. */
  missing: string[];
}

const gzipBytes = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** The gzipped weight of `page` (relative to dist/) and the stylesheets it links. */
export function pageWeight(dist: string, page: string, basePath: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const pageUrl = new URL(page.replace(/index\.html$/, ''), `https://site.invalid${basePath}`);
  const stylesheets = [...parseHTML(html).document.querySelectorAll('link[rel~="stylesheet"]')].map((link) =>
    new URL(link.getAttribute('href')!, pageUrl).pathname.slice(basePath.length),
  );
  const missing = stylesheets.filter((file) => !existsSync(join(dist, file)));
  const parts = [
    { what: 'HTML (with inline <style>)', bytes: gzipBytes(html) },
    ...stylesheets
      .filter((file) => !missing.includes(file))
      .map((file) => ({ what: file, bytes: gzipBytes(readFileSync(join(dist, file))) })),
  ];
  return { totalBytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts, missing };
}
