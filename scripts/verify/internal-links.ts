/**
 * The built site's internal references, as the link gate checks them: everything the build's own
 * link check covers (src/lib/link-check.ts: href, src, srcset, fragments, base path, and where the
 * link-preview URLs og:image, og:url and twitter:image lead), plus what it does not read: that
 * those preview URLs are absolute, as Open Graph requires, and the site's own URLs among JSON-LD
 * values (image, logo, url). Search engines and social cards fetch those, so a broken one is as
 * broken as a dead link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { brokenReferences, downloadsIn, type BrokenReference } from '../../src/lib/link-check.ts';

export type { BrokenReference };

export interface LinkCheckOptions {
  /** The site's own origin, e.g. https://example.org: absolute URLs there are internal too. */
  origin: string;
  /** '/' or '/repo/': where dist/ is served. */
  basePath: string;
}

/** Link-preview metas whose content must be an absolute URL, by their property or name. */
const METADATA_URLS: Record<string, string> = {
  'og:image': 'meta[property="og:image"]',
  'og:url': 'meta[property="og:url"]',
  'twitter:image': 'meta[name="twitter:image"]',
};

/** A page's link-preview meta URLs and JSON-LD texts, streamed (no DOM: 10,000 pages in seconds). */
function metadataOf(html: string): { metas: { attribute: string; target: string }[]; jsonLd: string[] } {
  const found = { metas: [] as { attribute: string; target: string }[], jsonLd: [] as string[] };
  let script: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      const key = name === 'meta' ? (attributes.property === 'og:image' || attributes.property === 'og:url' ? attributes.property : attributes.name === 'twitter:image' ? attributes.name : undefined) : undefined;
      if (key) found.metas.push({ attribute: METADATA_URLS[key]!, target: attributes.content ?? '' });
      if (name === 'script' && attributes.type?.trim().toLowerCase() === 'application/ld+json') script = '';
    },
    ontext(text) {
      if (script !== undefined) script += text;
    },
    onclosetag(name) {
      if (name === 'script' && script !== undefined) found.jsonLd.push(script);
      if (name === 'script') script = undefined;
    },
  });
  parser.end(html);
  return found;
}

/** The site's own URLs among a JSON-LD block's values; `@id` values name nodes, they are not links. */
function jsonLdUrls(json: string, siteRoot: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return []; // the structured data gate reports blocks that do not parse
  }
  const urls: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (key !== '@id' && node.startsWith(siteRoot)) urls.push(node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') for (const [name, child] of Object.entries(node)) walk(child, name);
  };
  walk(value);
  return urls;
}

function brokenMetadataUrls(files: ReadonlySet<string>, readHtml: (page: string) => string, options: LinkCheckOptions): BrokenReference[] {
  const siteRoot = `${options.origin}${options.basePath}`;
  const broken: BrokenReference[] = [];
  for (const page of [...files].filter((file) => file.endsWith('.html')).sort()) {
    const { metas, jsonLd: blocks } = metadataOf(readHtml(page));
    for (const { attribute, target } of metas) {
      if (!/^https?:\/\//.test(target)) broken.push({ page, attribute, target, reason: 'is not an absolute URL' });
    }
    const jsonLd = blocks.flatMap((json) => jsonLdUrls(json, siteRoot));
    for (const target of jsonLd) {
      const attribute = 'JSON-LD';
      if (!target.startsWith(siteRoot)) {
        broken.push({ page, attribute, target, reason: `is not an absolute URL under ${siteRoot}` });
        continue;
      }
      const path = decodeURIComponent(new URL(target).pathname.slice(options.basePath.length));
      const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!files.has(file)) broken.push({ page, attribute, target, reason: 'no such page or file in the build' });
    }
  }
  return broken;
}

export function checkInternalLinks(dist: string, options: LinkCheckOptions): BrokenReference[] {
  const files = new Set(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
  const readHtml = (page: string) => readFileSync(join(dist, page), 'utf8');
  // HTML files next to articles are served as downloads (dist/_headers says which): not pages.
  const downloads = files.has('_headers') ? downloadsIn(readFileSync(join(dist, '_headers'), 'utf8')) : new Set<string>();
  const pages = new Set([...files].filter((file) => !downloads.has(file)));
  return [
    ...brokenReferences({ files, readHtml, siteUrl: options.origin, basePath: options.basePath, downloads }),
    ...brokenMetadataUrls(pages, readHtml, options),
  ];
}

export function describeBrokenLinks(broken: BrokenReference[]): string {
  return broken.map((link) => `dist/${link.page} ${link.attribute}="${link.target}": ${link.reason}`).join('\n');
}
