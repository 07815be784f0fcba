/**
 * Static scan of a built site for anything that could run code nobody shipped on purpose.
 *
 * Reads every HTML, XML, SVG and JSON file under dist/ and reports, per file:
 * - scripts other than the site's own: JSON-LD blocks (which must parse), root-relative .js files
 *   present in dist/, and inline scripts whose hash the page's own CSP lists;
 * - event-handler (`on*`) attributes, anywhere;
 * - javascript:, vbscript:, data:, file: (and similar) URLs in any URL-bearing attribute,
 *   after the entity decoding and whitespace/control-character stripping a browser does;
 * - elements content must never produce: iframe, frame, object, embed, applet, base, portal,
 *   meta refresh (except Astro's redirects to a page of the same site), SVG animation,
 *   foreignObject, <style> outside <head>;
 * - CSS in style attributes that can fetch or run things (expression(), url(), @import, binding);
 * - XML that does not parse, JSON that does not parse, and the HTML inside RSS/Atom items and
 *   JSON Feed `content_html`, scanned like a page body (feed readers render it).
 *
 * Usable on any dist/: `scanDist(dist)` returns findings; an empty list means clean.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';

export interface Finding {
  /** dist/-relative path, plus `#item n` for a feed item. */
  file: string;
  problem: string;
}

/** Attributes whose value a browser treats as a URL (or a list of them). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'imagesrcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'cite',
  'background',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'ping',
  'manifest',
  'codebase',
  'archive',
  'usemap',
  'icon',
  'profile',
  'classid',
  'itemtype',
  'itemid',
  'content-location',
]);

const DANGEROUS_SCHEME =
  /^(?:javascript|vbscript|data|file|blob|filesystem|livescript|mocha|jar|view-source):/;

/** Elements that must never come out of content. */
const FORBIDDEN_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'portal',
  'fencedframe',
  'foreignobject',
  'animate',
  'set',
  'animatemotion',
  'animatetransform',
  'handler',
  'listener',
  'xss',
]);

const DANGEROUS_CSS = /expression\s*\(|url\s*\(|@import|-moz-binding|behavior\s*:|javascript:/i;

/** Keys in feeds and sitemaps whose value is a URL. */
const XML_URL_KEYS = new Set([
  'link',
  'loc',
  'url',
  'href',
  '@_href',
  '@_url',
  '@_src',
  'guid',
  'comments',
  'docs',
  'image:loc',
]);
const JSON_URL_KEYS = new Set([
  'url',
  'external_url',
  'home_page_url',
  'feed_url',
  'image',
  'banner_image',
  'icon',
  'favicon',
  'avatar',
  'next_url',
]);

/** What a browser does to a URL before looking at its scheme: decode, drop controls and whitespace, lowercase. */
export function normalizedScheme(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '').toLowerCase();
}

export function isDangerousUrl(url: string): boolean {
  return DANGEROUS_SCHEME.test(normalizedScheme(url));
}

export function scanDist(dist: string): Finding[] {
  const findings: Finding[] = [];
  for (const path of filesUnder(dist)) {
    const file = relative(dist, path);
    const text = readFileSync(path, 'utf8');
    const report = (problem: string, where = file) => findings.push({ file: where, problem });
    switch (extname(path).toLowerCase()) {
      case '.html':
        scanHtmlDocument(text, report, (src) => isSiteFile(dist, src));
        break;
      case '.xml':
      case '.rss':
      case '.atom':
        scanXml(text, file, report);
        break;
      case '.svg':
        scanSvg(text, report);
        break;
      case '.json':
      case '.webmanifest':
        scanJson(text, file, report);
        break;
    }
  }
  return findings;
}

type Report = (problem: string, where?: string) => void;

/**
 * Whether a script URL is one of the site's own files: root-relative, a .js/.mjs file, and
 * present in dist/ (with or without a leading base path such as /news/).
 */
function isSiteFile(dist: string, src: string): boolean {
  if (!/^\/(?!\/)[\w./-]+\.m?js$/.test(src) || src.includes('..')) return false;
  const segments = src.split('/').filter(Boolean);
  return segments.some((_, index) => existsSync(join(dist, ...segments.slice(index))));
}

function scanHtmlDocument(html: string, report: Report, isOwnScript: (src: string) => boolean): void {
  const { document } = parseHTML(html);
  const cspHashes = new Set(
    [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')].flatMap(
      (meta) => meta.getAttribute('content')?.match(/'sha(?:256|384|512)-[^']+'/g) ?? [],
    ),
  );
  for (const script of document.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    const src = script.getAttribute('src');
    if (type === 'application/ld+json') {
      if (src) report('a JSON-LD script with a src');
      try {
        JSON.parse(script.textContent ?? '');
      } catch (error) {
        report(
          `a JSON-LD block does not parse (${(error as Error).message}): ${excerpt(script.textContent)}`,
        );
      }
    } else if (src) {
      if (!isOwnScript(src)) report(`a script from ${src} (only the site's own .js files in dist/ may load)`);
    } else if (
      !cspHashes.has(
        `'sha256-${createHash('sha256')
          .update(script.textContent ?? '')
          .digest('base64')}'`,
      )
    ) {
      report(`an inline script the page's CSP does not list: ${excerpt(script.textContent)}`);
    }
  }
  for (const style of document.querySelectorAll('style')) {
    if (!style.closest('head')) report(`a <style> element outside <head>: ${excerpt(style.textContent)}`);
  }
  for (const meta of document.querySelectorAll('meta[http-equiv]')) {
    const equiv = meta.getAttribute('http-equiv')!.trim().toLowerCase();
    const target = /url\s*=\s*['"]?([^'"]*)/i.exec(meta.getAttribute('content') ?? '')?.[1] ?? '';
    // Astro's redirect pages (article aliases) refresh to a page of the same site; nothing else may.
    const internalRedirect = equiv === 'refresh' && /^\/(?!\/)/.test(target.trim());
    if (equiv !== 'content-security-policy' && !internalRedirect)
      report(`<meta http-equiv="${equiv}" content="${excerpt(meta.getAttribute('content'))}">`);
  }
  scanElements(document.querySelectorAll('*'), report);
}

/** Problems in an HTML fragment (an article body, a feed item): what scanDist reports for a page body. */
export function scanFragment(html: string): string[] {
  const problems: string[] = [];
  scanHtmlFragment(html, (problem) => problems.push(problem), '');
  return problems;
}

function scanHtmlFragment(html: string, report: Report, where: string): void {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  for (const script of document.querySelectorAll('script'))
    report(`a script in feed HTML: ${excerpt(script.textContent)}`, where);
  for (const style of document.querySelectorAll('style, link, meta'))
    report(`a <${style.localName}> in feed HTML`, where);
  scanElements(document.body.querySelectorAll('*'), (problem) => report(problem, where));
}

function scanElements(elements: Iterable<Element>, report: Report): void {
  for (const element of elements) {
    const name = element.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) report(`a <${name}> element`);
    for (const { name: attribute, value } of [...element.attributes]) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on')) report(`an event handler ${attribute}="${excerpt(value)}" on <${name}>`);
      else if (lower === 'srcset' || lower === 'imagesrcset') {
        for (const candidate of value.split(',')) {
          if (isDangerousUrl(candidate.trim().split(/\s+/)[0] ?? ''))
            report(`a ${attribute} URL ${excerpt(candidate)} on <${name}>`);
        }
      } else if (URL_ATTRIBUTES.has(lower) && isDangerousUrl(value))
        report(`a ${attribute}="${excerpt(value)}" on <${name}>`);
      else if (lower === 'style' && DANGEROUS_CSS.test(value))
        report(`CSS that can load or run things: style="${excerpt(value)}" on <${name}>`);
      else if (
        (lower === 'attributename' || lower === 'to' || lower === 'values' || lower === 'from') &&
        isDangerousUrl(value)
      ) {
        report(`SVG animation towards a script URL on <${name}>`);
      }
    }
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  processEntities: true,
  htmlEntities: true,
  cdataPropName: false,
});

function scanXml(xml: string, file: string, report: Report): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    report(`does not parse as XML: ${valid.err.msg} (line ${valid.err.line})`);
    return;
  }
  let item = 0;
  walk(xmlParser.parse(xml), (key, value) => {
    if (XML_URL_KEYS.has(key) && isDangerousUrl(value)) report(`a <${key}> URL ${excerpt(value)}`);
    if (key === 'description' || key === 'content:encoded' || key === 'content' || key === 'summary') {
      scanHtmlFragment(value, report, `${file}#item ${++item}`);
    }
  });
}

function scanSvg(svg: string, report: Report): void {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) report(`does not parse as XML: ${valid.err.msg} (line ${valid.err.line})`);
  // Opened directly, an SVG runs its scripts in the site's origin.
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  for (const script of document.querySelectorAll('script'))
    report(`a script inside an SVG: ${excerpt(script.textContent)}`);
  scanElements(document.body.querySelectorAll('*'), report);
}

function scanJson(text: string, file: string, report: Report): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    report(`does not parse as JSON: ${(error as Error).message}`);
    return;
  }
  let item = 0;
  walk(value, (key, string) => {
    if (JSON_URL_KEYS.has(key) && isDangerousUrl(string)) report(`a "${key}" URL ${excerpt(string)}`);
    if (key === 'content_html' || key === 'summary_html')
      scanHtmlFragment(string, report, `${file}#item ${++item}`);
  });
}

/** Calls visit(key, value) for every string value in a parsed JSON/XML tree. */
function walk(node: unknown, visit: (key: string, value: string) => void, key = ''): void {
  if (typeof node === 'string') visit(key, node);
  else if (Array.isArray(node)) for (const child of node) walk(child, visit, key);
  else if (node && typeof node === 'object') {
    for (const [childKey, child] of Object.entries(node))
      walk(child, visit, childKey === '#text' ? key : childKey);
  }
}

function* filesUnder(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

function excerpt(text: string | null | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
