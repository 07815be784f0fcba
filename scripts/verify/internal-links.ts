/**
 * The built site's internal references, as `npm run verify` checks them: the build's own link
 * check (src/lib/link-check.ts) over dist/ with every source it can read (links and fragments,
 * link-preview metas, JSON-LD, URLs in feeds, sitemaps, CSS and redirects), whichever of them the
 * build itself turns on. Search engines and social cards fetch those URLs, so a broken one is as
 * broken as a dead link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALL_SOURCES,
  brokenReferences,
  downloadsIn,
  filesIn,
  type BrokenReference,
  type CheckedReference,
  type ReferenceSources,
} from '../../src/lib/link-check.ts';

export type { BrokenReference, CheckedReference };

export interface LinkCheckOptions {
  /** The site's own origin, e.g. https://example.org: absolute URLs there are internal too. */
  origin: string;
  /** '/' or '/repo/': where dist/ is served. */
  basePath: string;
  /** Which references to read; all of them unless said. */
  sources?: ReferenceSources;
  /** Told of every reference checked, broken or not. */
  onChecked?: (reference: CheckedReference) => void;
}

export function checkInternalLinks(dist: string, options: LinkCheckOptions): BrokenReference[] {
  const files = filesIn(dist);
  // HTML files next to articles are served as downloads (dist/_headers says which): not pages.
  const downloads = files.has('_headers')
    ? downloadsIn(readFileSync(join(dist, '_headers'), 'utf8'))
    : new Set<string>();
  return brokenReferences({
    files,
    readText: (file) => readFileSync(join(dist, file), 'utf8'),
    siteUrl: options.origin,
    basePath: options.basePath,
    sources: options.sources ?? ALL_SOURCES,
    downloads,
    onChecked: options.onChecked,
  });
}

export function describeBrokenLinks(broken: BrokenReference[]): string {
  return broken
    .map((link) => `dist/${link.page} ${link.attribute}="${link.target}": ${link.reason}`)
    .join('\n');
}
