/**
 * The URLs of a built site that live outside HTML link attributes, checked with the site mounted
 * under a base path the way a GitHub Pages project site is (https://owner.github.io/repo/):
 * absolute URLs on the site's origin anywhere in any text file (JSON-LD, feeds, sitemaps,
 * robots.txt, web manifests), CSS url()s, meta refreshes and `_redirects` targets. Each must sit
 * under the base path and name a file in dist/. HTML href/src/srcset are checked, with their
 * fragments, by scripts/verify/internal-links.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { Parser } from 'htmlparser2';

export interface SiteMount {
  /** The site's origin, e.g. https://owner.github.io */
  siteUrl: string;
  /** Slash-terminated path prefix the site is served under, e.g. /repo/ */
  basePath: string;
}

export interface CheckedUrl {
  /** The file the URL was found in, relative to dist/. */
  file: string;
  url: string;
  /** Where in the file: `absolute`, `css url()`, `style url()`, `meta refresh` or `_redirects target`. */
  source: string;
  /** Why it is broken; undefined when it resolves. */
  problem?: string;
}

const TEXT_EXTENSIONS = new Set(['.html', '.xml', '.json', '.txt', '.css', '.xsl', '.webmanifest']);

/** Those URLs of the site in `dist`, each with the problem that breaks it, if any. */
export function checkSiteLinks(dist: string, mount: SiteMount): CheckedUrl[] {
  const checked = new Map<string, CheckedUrl>();
  for (const path of filesUnder(dist)) {
    const file = relative(dist, path).split('\\').join('/');
    const isRedirects = file === '_redirects';
    if (!isRedirects && !TEXT_EXTENSIONS.has(extname(file))) continue;
    const text = readFileSync(path, 'utf8');
    const pageUrl = new URL(pageUrlOf(file, mount.basePath), mount.siteUrl);
    const found: [string, string][] = [];
    if (file.endsWith('.html')) found.push(...refreshAndStyleUrls(text));
    if (file.endsWith('.css')) found.push(...cssUrls(text).map((url): [string, string] => [url, 'css url()']));
    if (isRedirects) found.push(...redirectUrls(text));
    found.push(...absoluteUrlsOn(text, mount.siteUrl).map((url): [string, string] => [url, 'absolute']));
    for (const [url, source] of found) {
      // The first sighting names the most telling source (a meta refresh rather than `absolute`).
      const key = `${file} ${url}`;
      if (!checked.has(key)) checked.set(key, { file, url, source, problem: problemWith(url, pageUrl, dist, mount) });
    }
  }
  return [...checked.values()];
}

/** The URL path a file in dist/ is served at: articles/x/index.html -> /base/articles/x/ */
function pageUrlOf(file: string, basePath: string): string {
  return basePath + file.replace(/(^|\/)index\.html$/, '$1');
}

function problemWith(raw: string, pageUrl: URL, dist: string, mount: SiteMount): string | undefined {
  const url = raw.trim();
  if (url === '' || url.startsWith('#')) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(url, pageUrl);
  } catch {
    return 'is not a valid URL';
  }
  if (resolved.origin !== new URL(mount.siteUrl).origin) return undefined; // mailto:, data:, another host
  if (!resolved.pathname.startsWith(mount.basePath)) return `points outside the base path ${mount.basePath}`;
  const path = decodeURIComponent(resolved.pathname.slice(mount.basePath.length));
  const target = join(dist, path === '' || path.endsWith('/') ? join(path, 'index.html') : path);
  if (relative(dist, target).startsWith('..')) return 'climbs out of dist/';
  if (!existsSync(target) || !statSync(target).isFile()) return `no file ${relative(dist, target)} in dist/`;
  return undefined;
}

/** Meta refresh targets and CSS url()s in <style> and style="", streamed (no DOM per page). */
function refreshAndStyleUrls(html: string): [string, string][] {
  const found: [string, string][] = [];
  let style: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
        const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attributes.content ?? '')?.[1];
        if (target) found.push([target, 'meta refresh']);
      }
      if (attributes.style !== undefined) for (const url of cssUrls(attributes.style)) found.push([url, `${name} url()`]);
      if (name === 'style') style = '';
    },
    ontext(text) {
      if (style !== undefined) style += text;
    },
    onclosetag(name) {
      if (name === 'style' && style !== undefined) for (const url of cssUrls(style)) found.push([url, 'style url()']);
      if (name === 'style') style = undefined;
    },
  });
  parser.end(html);
  return found;
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2]!).filter((url) => !url.startsWith('data:'));
}

/** Targets of Netlify/Cloudflare `_redirects` lines (`from to [status]`): each must be a page here. */
function* redirectUrls(text: string): Generator<[string, string]> {
  for (const line of text.split('\n')) {
    const [from, to] = line.trim().split(/\s+/);
    if (from && to && !from.startsWith('#')) yield [to, '_redirects target'];
  }
}

/** Absolute URLs on the site's own origin, wherever they appear (attributes, JSON-LD, XML, text). */
function absoluteUrlsOn(text: string, siteUrl: string): string[] {
  const origin = siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`${origin}(?![\\w.-])[^\\s"'<>&\\\\)]*`, 'g'))].map((match) => match[0].replace(/[.,;:]+$/, ''));
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
