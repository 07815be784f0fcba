/**
 * Gives every heading a stable id from its text (GitHub-style slugs), so links to sections keep
 * working. Ids of the page chrome all start with `page-`, and ids editors write themselves were
 * prefixed `user-content-` by the sanitizer; a heading whose slug would start with either gets
 * `section-` in front, so heading ids can collide with neither. Headings that already have an id
 * (the editor's, prefixed) keep it.
 *
 * h1 is included although articles should not use it: Astro's own heading-id step runs after
 * this one and would give an h1 an unguarded id.
 */
import GithubSlugger, { slug as slugOf } from 'github-slugger';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { sanitizeSchema } from './sanitize-schema.ts';

export const CHROME_ID_PREFIX = 'page-';
const RESERVED_PREFIXES = [CHROME_ID_PREFIX, sanitizeSchema.clobberPrefix ?? 'user-content-'];
const HEADING = /^h[1-6]$/;

/** The id of the next heading with `text` on a page whose headings `slugger` has seen so far (src/lib/article-links.ts predicts ids with it too). */
export function headingId(slugger: GithubSlugger, text: string): string {
  // Only text with something to slug counts: the slugger would number a second empty slug "-1".
  const slug = slugger.slug(slugOf(text) ? text : 'section');
  return RESERVED_PREFIXES.some((prefix) => slug.startsWith(prefix)) ? slugger.slug(`section-${slug}`) : slug;
}

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id) return;
      node.properties.id = headingId(slugger, toString(node));
    });
  };
}
