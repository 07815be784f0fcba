/**
 * The built site's URLs: which file in dist/ answers a URL, and which references in dist/ lead
 * nowhere. The build's link check (src/integrations/link-check.ts), `npm run verify`
 * (scripts/verify/internal-links.ts) and the test server (tests/helpers/static-server.ts) all
 * map URLs to files here, so a link the build accepts is one the server answers.
 *
 * Which references are read is an option (`ReferenceSources`): HTML links and their fragments,
 * link-preview metas, JSON-LD, and URLs in other text (feeds, sitemaps, CSS, redirects).
 *
 * Pure over a listing of the output: `files` (every path in dist/, relative, with `/`) and
 * `readText` for the files read. Pages are streamed through htmlparser2 (no DOM is kept) and checked
 * one at a time; only links to a fragment of another page wait, and that page is read again for
 * its ids at the end. Memory stays at the list of files: keeping every page's ids and references
 * ran out of heap at 100,000 articles (150,000 pages). External URLs are never fetched.
 */
// htmlparser2, not parse5 (hast-util-from-html, which feeds.ts and rehype-raw need for hast trees):
// only htmlparser2 streams a page without building a tree, and this reads every built page.
import { readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { readFragment } from './fragments.ts';
import { decodePercent } from './urls.ts';

/** Which references a check reads; each can be turned off alone. */
export interface ReferenceSources {
  /** href, src, srcset and poster of HTML elements, and the #fragments they point to. */
  links: boolean;
  /**
   * og:url, og:image, twitter:image and the like: absolute (Open Graph requires it) and leading to a file.
   */
  previews: boolean;
  /**
   * The site's own URLs among JSON-LD values (image, logo, url); `@id` values name nodes, they are not links.
   */
  jsonLd: boolean;
  /**
   * URLs outside HTML link attributes: the site's absolute URLs anywhere in any text file (feeds,
   * sitemaps, robots.txt, web manifests, pages), CSS url()s, meta refreshes and `_redirects` targets.
   */
  textUrls: boolean;
}

export const ALL_SOURCES: ReferenceSources = { links: true, previews: true, jsonLd: true, textUrls: true };

export interface LinkCheckInput {
  /** Every file in dist/, relative to it, with forward slashes. */
  files: ReadonlySet<string>;
  readText(path: string): string;
  /** The site's origin, e.g. https://example.org: absolute URLs there are internal too. */
  siteUrl: string;
  /** Slash-terminated base path the site is served under, e.g. / or /news/. */
  basePath: string;
  sources: ReferenceSources;
  /**
   * Files served as downloads (HTML next to an article, src/lib/article-files.ts): links may point to them,
   * but they are not pages.
   */
  downloads?: ReadonlySet<string>;
  /**
   * Told of every reference checked, broken or not (with its reason when broken): what tests use to see what
   * was read.
   */
  onChecked?: (reference: CheckedReference) => void;
}

export interface CheckedReference {
  /** The file the reference is in, relative to dist/. */
  page: string;
  /**
   * Where: element and attribute (a[href], img[srcset]), `JSON-LD`, `absolute`, `css url()`, `meta refresh`,
   * …
   */
  attribute: string;
  /** The reference as written. */
  target: string;
  /** Why it is broken; undefined when it resolves. */
  reason?: string | undefined;
}

export type BrokenReference = Required<CheckedReference>;

const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
};

/** Meta tags whose content is a URL on the site, by their property or name (link previews). */
const URL_METAS = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);

/** Link-preview metas whose content must be an absolute URL, and how a problem names them. */
const ABSOLUTE_METAS: Record<string, string> = {
  'og:image': 'meta[property="og:image"]',
  'og:url': 'meta[property="og:url"]',
  'twitter:image': 'meta[name="twitter:image"]',
};

/** Files other than pages that can hold the site's URLs (`textUrls`). */
const TEXT_FILE = /(\.(html|xml|json|txt|css|xsl|webmanifest)|^_redirects)$/;

/** URL of the image candidates in a srcset: "a.webp 400w, b.webp 800w" -> [a.webp, b.webp]. */
export const srcsetUrls = (srcset: string) =>
  srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0]!)
    .filter(Boolean);

/**
 * The files in dist/ (relative, `/`-separated) that a _headers file serves as downloads (`Content-
 * Disposition: attachment`).
 */
export function downloadsIn(headers: string): Set<string> {
  const downloads = new Set<string>();
  let path = '';
  for (const line of headers.split('\n')) {
    if (/^\//.test(line)) path = line.trim();
    else if (/^\s+Content-Disposition:\s*attachment/i.test(line) && !path.includes('*'))
      downloads.add(decodePercent(path.slice(1)));
  }
  return downloads;
}

/** Every file under dist/, relative to it, with forward slashes: the listing the checker takes. */
export function filesIn(dist: string): Set<string> {
  return new Set(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

/** The URL path a page in dist/ is served at: articles/x/index.html -> /base/articles/x/. */
export const pageUrlPath = (page: string, basePath: string) =>
  `${basePath}${page.replace(/(^|\/)index\.html$/, '$1')}`;

/** A `.` or `..` segment, or an empty one (a leading or doubled slash). */
const DOT_SEGMENT_OR_EMPTY = /(^|\/)\.{1,2}(\/|$)|^\/|\/\//;

/**
 * The files in dist/ (relative, `/`-separated) that may answer a URL path, best first, as a
 * static host serves them: /base/a/ -> [a/index.html], /base/a -> [a, a/index.html]. The path
 * is percent-decoded; one outside the base path, or that climbs out of dist/ or holds a NUL byte
 * once decoded, is refused with the reason.
 */
export function distFileCandidates(
  pathname: string,
  basePath: string,
): { candidates: string[] } | { refused: string } {
  if (!pathname.startsWith(basePath)) return { refused: `points outside the site's base path ${basePath}` };
  const decoded = decodePercent(pathname.slice(basePath.length));
  if (decoded.includes('\0')) return { refused: 'holds a NUL byte' };
  // Encoded dots and slashes (%2e%2e, %2f) survive URL parsing and only become `..` or `//` here;
  // the test spares normalising the paths that have neither (nearly all: this runs for every link).
  const normal = DOT_SEGMENT_OR_EMPTY.test(decoded)
    ? posix
        .normalize(decoded)
        .replace(/^\/+/, '')
        .replace(/^\.\/?$/, '')
    : decoded;
  if (normal === '..' || normal.startsWith('../')) return { refused: 'climbs out of dist/' };
  return {
    candidates:
      normal === '' || normal.endsWith('/') ? [`${normal}index.html`] : [normal, `${normal}/index.html`],
  };
}

interface Found {
  attribute: string;
  target: string;
  /** A #fragment here must name an id on the target page (links and previews, as the build always did). */
  fragment?: boolean;
  /**
   * Found in text (`textUrls`): checked once a file, and not where a link, preview or JSON-LD URL named
   * it first (in the same file, or broken in an earlier page, such as a feed carrying an article's body).
   */
  inText?: boolean;
  /** Known broken without a look at dist/ (e.g. a preview URL that is not absolute). */
  reason?: string;
}

interface PageScan {
  ids: Set<string>;
  references: Found[];
}

/** A page's ids and the references `sources` asks for, in document order, in one streaming pass. */
function scanPage(html: string, sources: ReferenceSources, origin: string): PageScan {
  const scan: PageScan = { ids: new Set(), references: [] };
  const found = (reference: Found) => scan.references.push(reference);
  let jsonLd: string | undefined;
  let style: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) scan.ids.add(attributes.id);
        if (name === 'a' && attributes.name) scan.ids.add(attributes.name);
        for (const attribute of sources.links ? (URL_ATTRIBUTES[name] ?? []) : []) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const targets = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
          for (const target of targets) found({ attribute: `${name}[${attribute}]`, target, fragment: true });
        }
        const meta = name === 'meta' ? (attributes.property ?? attributes.name) : undefined;
        if (sources.previews && meta && URL_METAS.has(meta) && attributes.content !== undefined) {
          const target = attributes.content.trim();
          found({ attribute: `meta[${meta}]`, target, fragment: true });
          const absolute = ABSOLUTE_METAS[meta];
          if (absolute && !/^https?:\/\//.test(target)) {
            found({ attribute: absolute, target, reason: 'is not an absolute URL' });
          }
        }
        const isJsonLd = name === 'script' && attributes.type?.trim().toLowerCase() === 'application/ld+json';
        if (sources.jsonLd && isJsonLd) jsonLd = '';
        if (!sources.textUrls) return;
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
          const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attributes.content ?? '')?.[1];
          if (target) found({ attribute: 'meta refresh', target: target.trim(), inText: true });
        }
        for (const target of attributes.style === undefined ? [] : cssUrls(attributes.style)) {
          found({ attribute: `${name} url()`, target, inText: true });
        }
        if (name === 'style') style = '';
      },
      ontext(text) {
        if (jsonLd !== undefined) jsonLd += text;
        if (style !== undefined) style += text;
      },
      onclosetag(name) {
        if (name === 'script' && jsonLd !== undefined) {
          for (const target of jsonLdUrls(jsonLd, origin)) found({ attribute: 'JSON-LD', target });
        }
        if (name === 'style' && style !== undefined) {
          for (const target of cssUrls(style)) found({ attribute: 'style url()', target, inText: true });
        }
        if (name === 'script') jsonLd = undefined;
        if (name === 'style') style = undefined;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  for (const target of sources.textUrls ? absoluteUrlsOn(html, origin) : []) {
    found({ attribute: 'absolute', target, inText: true });
  }
  return scan;
}

/** The references `textUrls` asks for in a file that is not a page (feed, sitemap, CSS, `_redirects`). */
function scanText(file: string, text: string, origin: string): Found[] {
  const found: Found[] = [];
  const css = file.endsWith('.css') ? cssUrls(text) : [];
  const redirects = file === '_redirects' ? redirectTargets(text) : [];
  found.push(...css.map((target) => ({ attribute: 'css url()', target })));
  found.push(...redirects.map((target) => ({ attribute: '_redirects target', target })));
  found.push(...absoluteUrlsOn(text, origin).map((target) => ({ attribute: 'absolute', target })));
  return found.map((reference) => ({ ...reference, inText: true }));
}

/** The site's own URLs among a JSON-LD block's values, except `@id`s. */
function jsonLdUrls(json: string, origin: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // The structured data gate (scripts/verify/structured-data.ts) reports blocks that do not parse.
    return [];
  }
  const urls: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (key !== '@id' && (node === origin || node.startsWith(`${origin}/`))) urls.push(node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) walk(child, name);
    }
  };
  walk(value);
  return urls;
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((match) => match[2]!)
    .filter((url) => !url.startsWith('data:'));
}

/** Targets of Netlify/Cloudflare `_redirects` lines (`from to [status]`): each must be a page here. */
function redirectTargets(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const [from, to] = line.trim().split(/\s+/);
    return from && to && !from.startsWith('#') ? [to] : [];
  });
}

/** Absolute URLs on the site's own origin, wherever they appear (attributes, JSON-LD, XML, text). */
function absoluteUrlsOn(text: string, origin: string): string[] {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`${escaped}(?![\\w.-])[^\\s"'<>&\\\\)]*`, 'g'))].map((match) =>
    match[0].replace(/[.,;:]+$/, ''),
  );
}

/** What the reason for a missing file in an article's folder adds (src/lib/article-files.ts publishes). */
const ARTICLE_FILES =
  'a file next to an article is published only when a markdown link in a body ' +
  'points to it and it is of a published type (the content check lists them)';

/** Ids and `<a name>`s in an article's HTML are published prefixed (src/markdown/sanitize-schema.ts). */
const EDITOR_ID_PREFIX = 'user-content-';

/** Why `#fragment` finds nothing in `file`, saying so when the id is there with the prefix editors' ids get. */
function missingId(file: string, ids: ReadonlySet<string>, fragment: string): string {
  const reason = `${file} has no element with id="${fragment}"`;
  const prefixed = EDITOR_ID_PREFIX + fragment;
  return ids.has(prefixed)
    ? `${reason}: an id written in an article's HTML is published as "${prefixed}", so link to #${prefixed}`
    : reason;
}

const NO_SOURCES: ReferenceSources = { links: false, previews: false, jsonLd: false, textUrls: false };

const isPageIn = (downloads: ReadonlySet<string> | undefined) => (file: string) =>
  file.endsWith('.html') && !downloads?.has(file);

/** The files a check reads, sorted: every page, and with `textUrls` every other text file too. */
export function filesRead({
  files,
  sources,
  downloads,
}: Pick<LinkCheckInput, 'files' | 'sources' | 'downloads'>): string[] {
  const isPage = isPageIn(downloads);
  return [...files].filter((file) => isPage(file) || (sources.textUrls && TEXT_FILE.test(file))).sort();
}

/** The order a check reads files in: pages first, then the other text files (see `settleFindings`). */
export function scanOrder(input: Pick<LinkCheckInput, 'files' | 'sources' | 'downloads'>): string[] {
  const isPage = isPageIn(input.downloads);
  return filesRead(input).sort((a, b) => Number(!isPage(a)) - Number(!isPage(b)));
}

/** Why a reference is broken; undefined when it resolves; or the other page whose ids decide. */
type Verdict = string | undefined | { file: string; fragment: string };

/** One reference as a scan judged it, before the findings are settled in document order. */
export interface Finding {
  page: string;
  attribute: string;
  target: string;
  verdict: Verdict;
  /** Found in text, where a URL an earlier link reported broken is not reported again. */
  inText: boolean;
  /** A broken reference's URL without its fragment; undefined for the others. */
  url: string | undefined;
}

/**
 * Reads `files` (a run of `scanOrder`'s list, in its order) and tells `found` of each reference's
 * verdict in document order. Independent of every other run: the build scans runs of pages on two
 * threads (src/build-threads/link-check-thread.ts) and settles their findings in order.
 */
export function scanFiles(
  input: Omit<LinkCheckInput, 'onChecked'>,
  files: readonly string[],
  found: (finding: Finding) => void,
): void {
  const origin = new URL(input.siteUrl).origin;
  const isPage = isPageIn(input.downloads);
  const verdictOn = (
    page: string,
    url: URL,
    ids: ReadonlySet<string>,
    { attribute, fragment: checksFragment }: Found,
  ): Verdict => {
    if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
    const lookup = distFileCandidates(url.pathname, input.basePath);
    if ('refused' in lookup) return lookup.refused;
    const file = lookup.candidates.find((candidate) => input.files.has(candidate));
    if (!file) {
      const articleFile = attribute === 'a[href]' && /\/articles\/[^/]+\/.*\.[a-z0-9]+$/i.test(url.pathname);
      return articleFile
        ? `no such page or file in the build: ${ARTICLE_FILES}`
        : 'no such page or file in the build';
    }
    // A text fragment (`#:~:text=…`) targets text, not an id; after an id (`#x:~:text=…`) the id counts.
    const fragment = checksFragment ? readFragment(url.hash.slice(1)).id : undefined;
    if (!fragment || fragment === 'top' || !isPage(file)) return undefined;
    if (file !== page) return { file, fragment };
    return ids.has(fragment) ? undefined : missingId(file, ids, fragment);
  };

  for (const page of files) {
    const text = input.readText(page);
    const scan = isPage(page)
      ? scanPage(text, input.sources, origin)
      : { ids: new Set<string>(), references: scanText(page, text, origin) };
    const base = new URL(pageUrlPath(page, input.basePath), origin);
    // A URL in text is checked once a file, and not where a link, preview or JSON-LD URL named it.
    const seen = input.sources.textUrls ? new Set<string>() : undefined;
    for (const reference of scan.references) {
      const { attribute, target } = reference;
      if (seen) {
        if (reference.inText && seen.has(target)) continue;
        seen.add(target);
      }
      // A bare `#x` in CSS or a feed is no link to this file; in an href it is, and its id is checked.
      if (!reference.fragment && (target === '' || target.startsWith('#'))) continue;
      const url = URL.parse(target, base);
      const verdict =
        reference.reason ?? (url ? verdictOn(page, url, scan.ids, reference) : 'is not a valid URL');
      found({
        page,
        attribute,
        target,
        verdict,
        inText: reference.inText ?? false,
        // Only a broken reference's URL is ever compared (settleFindings).
        url: typeof verdict === 'string' && url ? `${url.origin}${url.pathname}` : undefined,
      });
    }
  }
}

/**
 * Takes findings in document order (pages first: a broken link in an article's body comes again
 * in every feed that carries the body, and is told once, under the page, which the build names with
 * its article; a URL found in text is not reported where a link, preview or JSON-LD URL already
 * reported it), and returns the broken references once every finding is in. A link to a fragment of
 * another page is settled at the end, when that page is read again for its ids.
 */
export function settleFindings(input: Pick<LinkCheckInput, 'readText' | 'siteUrl' | 'onChecked'>) {
  const origin = new URL(input.siteUrl).origin;
  const brokenUrls = new Set<string>();
  // Numbered as found, so the report lists problems file by file in document order.
  const broken: (BrokenReference & { order: number })[] = [];
  const fragmentsElsewhere = new Map<
    string,
    { order: number; page: string; attribute: string; target: string; fragment: string }[]
  >();
  let order = 0;
  const report = (page: string, attribute: string, target: string, reason: string | undefined) => {
    input.onChecked?.({ page, attribute, target, reason });
    if (reason !== undefined) broken.push({ page, attribute, target, reason, order });
  };
  return {
    add({ page, attribute, target, verdict, inText, url }: Finding) {
      order += 1;
      if (typeof verdict === 'string' && url) {
        if (!inText) brokenUrls.add(url);
        else if (brokenUrls.has(url)) return;
      }
      if (typeof verdict !== 'object') report(page, attribute, target, verdict);
      else {
        const waiting = fragmentsElsewhere.get(verdict.file) ?? [];
        waiting.push({ order, page, attribute, target, fragment: verdict.fragment });
        fragmentsElsewhere.set(verdict.file, waiting);
      }
    },
    broken(): BrokenReference[] {
      for (const [file, references] of fragmentsElsewhere) {
        const { ids } = scanPage(input.readText(file), NO_SOURCES, origin);
        for (const { fragment, page, attribute, target, order: found } of references) {
          order = found;
          report(page, attribute, target, ids.has(fragment) ? undefined : missingId(file, ids, fragment));
        }
      }
      return broken.sort((a, b) => a.order - b.order).map(({ order: _order, ...reference }) => reference);
    },
  };
}

/** The references in dist/ that `input.sources` asks for and that lead nowhere, in document order. */
export function brokenReferences(input: LinkCheckInput): BrokenReference[] {
  const settled = settleFindings(input);
  scanFiles(input, scanOrder(input), settled.add);
  return settled.broken();
}
