/**
 * Every URL a built page points at inside the site (href, src, srcset, og:image, canonical,
 * JSON-LD url/image/logo…),
 * resolved against dist/ the way a static host does: a path ending in `/` is its index.html,
 * anything else must be that exact file, and a `#fragment` must name an id on the target page.
 */
import { globSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export interface BrokenLink {
  /** dist-relative file the link is in. */
  page: string;
  /** The attribute it came from, e.g. `a[href]`. */
  attribute: string;
  url: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The site's own origin, e.g. https://example.org: absolute URLs there are internal too. */
  origin: string;
  /** '/' or '/repo/': where dist/ is served. */
  basePath: string;
}

const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['source[src]', 'src'],
  ['video[poster]', 'poster'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];
const SRCSET_ELEMENTS = ['img[srcset]', 'source[srcset]'];

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/**
 * The site's own URLs among a JSON-LD block's values (url, image, logo…). `@id` values are
 * node names, not links, so they are left out. A block that does not parse is the structured
 * data gate's business.
 */
function jsonLdUrls(json: string, origin: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const urls: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (key !== '@id' && node.startsWith(`${origin}/`)) urls.push(node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(value);
  return urls;
}

export function checkInternalLinks(dist: string, options: LinkCheckOptions): BrokenLink[] {
  const pages = globSync('**/*.html', { cwd: dist }).sort();
  const idsByPage = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsByPage.get(file);
    if (!ids) {
      const { document } = parseHTML(readFileSync(join(dist, file), 'utf8'));
      ids = new Set([...document.querySelectorAll('[id], a[name]')].map((el) => el.getAttribute('id') ?? el.getAttribute('name')!));
      idsByPage.set(file, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const { document } = parseHTML(readFileSync(join(dist, page), 'utf8'));
    const pageUrl = new URL(`${options.basePath}${page.replace(/(^|\/)index\.html$/, '$1')}`, options.origin);
    const found: [string, string][] = [];
    for (const [selector, attribute] of URL_ATTRIBUTES) {
      for (const element of document.querySelectorAll(selector)) found.push([`${selector.split('[')[0]}[${attribute}]`, element.getAttribute(attribute)!]);
    }
    for (const selector of SRCSET_ELEMENTS) {
      for (const element of document.querySelectorAll(selector)) {
        for (const url of srcsetUrls(element.getAttribute('srcset')!)) found.push([`${selector.split('[')[0]}[srcset]`, url]);
      }
    }
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
      for (const url of jsonLdUrls(script.textContent ?? '', options.origin)) found.push(['JSON-LD', url]);
    }
    for (const [attribute, raw] of found) {
      const reason = problemWith(raw, pageUrl, page, options, dist, idsOf);
      if (reason) broken.push({ page, attribute, url: raw, reason });
    }
  }
  return broken;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function problemWith(
  raw: string,
  pageUrl: URL,
  page: string,
  options: LinkCheckOptions,
  dist: string,
  idsOf: (file: string) => Set<string>,
): string | undefined {
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    return 'not a valid URL';
  }
  if (url.origin !== new URL(options.origin).origin) return undefined; // external, mailto:, data:
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(options.basePath)) return `outside the base path ${options.basePath}`;
  const relative = path.slice(options.basePath.length);
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  if (!isFile(join(dist, file))) {
    const asDirectory = isFile(join(dist, relative, 'index.html'));
    return asDirectory ? 'missing its trailing slash (the site uses trailingSlash: always)' : `no file dist/${file}`;
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
    return `no element with id "${fragment}" in dist/${file}${file === page ? ' (this page)' : ''}`;
  }
  return undefined;
}

export function describeBrokenLinks(broken: BrokenLink[]): string {
  return broken.map((link) => `dist/${link.page} ${link.attribute}="${link.url}": ${link.reason}`).join('\n');
}
