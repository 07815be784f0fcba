/**
 * Finds internal links, fragments, image references and link-preview URLs (og:image and the
 * like) in built HTML that lead nowhere.
 *
 * Pure over a listing of the output: `files` (every path in dist/, relative, with `/`) and
 * `readHtml` for the pages. Pages are streamed through htmlparser2 (no DOM is kept) and checked
 * one at a time; only links to a fragment of another page wait, and that page is read again for
 * its ids at the end. Memory stays at the list of files: keeping every page's ids and references
 * ran out of heap at 100,000 articles (150,000 pages). External URLs are never fetched.
 */
// htmlparser2, not parse5 (hast-util-from-html, which feeds.ts and rehype-raw need for hast trees):
// only htmlparser2 streams a page without building a tree, and this reads every built page.
import { Parser } from 'htmlparser2';
import { readFragment } from './fragments.ts';
import { decodePercent } from './urls.ts';

export interface LinkCheckInput {
  /** Every file in dist/, relative to it, with forward slashes. */
  files: ReadonlySet<string>;
  readHtml(path: string): string;
  /** The site's origin, e.g. https://example.org: absolute URLs there are internal too. */
  siteUrl: string;
  /** Slash-terminated base path the site is served under, e.g. / or /news/. */
  basePath: string;
  /** Files served as downloads (HTML next to an article, src/lib/article-files.ts): links may point to them, but they are not pages. */
  downloads?: ReadonlySet<string>;
}

export interface BrokenReference {
  /** The page the reference is on, relative to dist/. */
  page: string;
  /** Element and attribute, e.g. a[href], img[srcset]. */
  attribute: string;
  /** The reference as written. */
  target: string;
  reason: string;
}

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

/** URL of the image candidates in a srcset: "a.webp 400w, b.webp 800w" -> [a.webp, b.webp]. */
export const srcsetUrls = (srcset: string) =>
  srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0]!)
    .filter(Boolean);

/** The files in dist/ (relative, `/`-separated) that a _headers file serves as downloads (`Content-Disposition: attachment`). */
export function downloadsIn(headers: string): Set<string> {
  const downloads = new Set<string>();
  let path = '';
  for (const line of headers.split('\n')) {
    if (/^\//.test(line)) path = line.trim();
    else if (/^\s+Content-Disposition:\s*attachment/i.test(line) && !path.includes('*')) downloads.add(decodePercent(path.slice(1)));
  }
  return downloads;
}

/** The URL path a page in dist/ is served at: articles/x/index.html -> /base/articles/x/. */
export const pageUrlPath = (page: string, basePath: string) => `${basePath}${page.replace(/(^|\/)index\.html$/, '$1')}`;

interface PageScan {
  ids: Set<string>;
  references: { attribute: string; target: string }[];
}

function scanPage(html: string): PageScan {
  const scan: PageScan = { ids: new Set(), references: [] };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) scan.ids.add(attributes.id);
        if (name === 'a' && attributes.name) scan.ids.add(attributes.name);
        for (const attribute of URL_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const targets = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
          for (const target of targets) scan.references.push({ attribute: `${name}[${attribute}]`, target });
        }
        const meta = name === 'meta' ? (attributes.property ?? attributes.name) : undefined;
        if (meta && URL_METAS.has(meta) && attributes.content !== undefined) {
          scan.references.push({ attribute: `meta[${meta}]`, target: attributes.content.trim() });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return scan;
}

/** What the reason for a missing file in an article's folder adds (src/lib/article-files.ts publishes them). */
const ARTICLE_FILES = 'a file next to an article is published only when a markdown link in a body points to it and it is of a published type (the content check lists them)';

/** Ids and `<a name>`s written in an article's HTML are published prefixed (src/markdown/sanitize-schema.ts). */
const EDITOR_ID_PREFIX = 'user-content-';

/** Why `#fragment` finds nothing in `file`, saying so when the id is there with the prefix articles' HTML ids get. */
function missingId(file: string, ids: ReadonlySet<string>, fragment: string): string {
  const reason = `${file} has no element with id="${fragment}"`;
  const prefixed = EDITOR_ID_PREFIX + fragment;
  return ids.has(prefixed) ? `${reason}: an id written in an article's HTML is published as "${prefixed}", so link to #${prefixed}` : reason;
}

export function brokenReferences(input: LinkCheckInput): BrokenReference[] {
  const origin = new URL(input.siteUrl).origin;
  const isPage = (file: string) => file.endsWith('.html') && !input.downloads?.has(file);
  const pages = [...input.files].filter(isPage).sort();

  /** The file a site path is served from, if any: /base/a/ -> a/index.html. */
  const fileFor = (pathname: string): string | undefined => {
    const relative = decodePercent(pathname.slice(input.basePath.length));
    const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
    return candidates.find((candidate) => input.files.has(candidate));
  };

  // Numbered as found, so the report lists problems page by page in document order.
  const broken: (BrokenReference & { order: number })[] = [];
  const fragmentsElsewhere = new Map<string, { order: number; page: string; attribute: string; target: string; fragment: string }[]>();
  let order = 0;
  for (const page of pages) {
    const scan = scanPage(input.readHtml(page));
    const base = new URL(pageUrlPath(page, input.basePath), origin);
    for (const { attribute, target } of scan.references) {
      order += 1;
      const problem = (reason: string) => broken.push({ order, page, attribute, target, reason });
      let url: URL;
      try {
        url = new URL(target, base);
      } catch {
        problem('is not a valid URL');
        continue;
      }
      if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
      if (!url.pathname.startsWith(input.basePath)) {
        problem(`points outside the site's base path ${input.basePath}`);
        continue;
      }
      const file = fileFor(url.pathname);
      if (!file) {
        const articleFile = attribute === 'a[href]' && /\/articles\/[^/]+\/.*\.[a-z0-9]+$/i.test(url.pathname);
        problem(articleFile ? `no such page or file in the build: ${ARTICLE_FILES}` : 'no such page or file in the build');
        continue;
      }
      // A text fragment (`#:~:text=…`) targets text, not an id; one after an id (`#x:~:text=…`) still needs the id.
      const fragment = readFragment(url.hash.slice(1)).id;
      if (!fragment || fragment === 'top' || !isPage(file)) continue;
      if (file === page) {
        if (!scan.ids.has(fragment)) problem(missingId(file, scan.ids, fragment));
      } else {
        const waiting = fragmentsElsewhere.get(file) ?? [];
        waiting.push({ order, page, attribute, target, fragment });
        fragmentsElsewhere.set(file, waiting);
      }
    }
  }
  for (const [file, references] of fragmentsElsewhere) {
    const { ids } = scanPage(input.readHtml(file));
    for (const { fragment, ...reference } of references) {
      if (!ids.has(fragment)) broken.push({ ...reference, reason: missingId(file, ids, fragment) });
    }
  }
  return broken.sort((a, b) => a.order - b.order).map(({ order: _order, ...reference }) => reference);
}
