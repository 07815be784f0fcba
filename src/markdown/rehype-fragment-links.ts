/**
 * Points in-article `#fragment` links at the ids the sanitizer actually left.
 *
 * The sanitizer prefixes every id an editor (or GFM footnotes) wrote with `user-content-`, but
 * leaves links alone, so `[see below](#methods)` or a footnote's `#fn-1` would point nowhere.
 * A link whose target does not exist as written but does exist prefixed is rewritten to the
 * prefixed id. Links to ids that exist as written (heading ids, made after sanitizing) are kept.
 *
 * This is why the pipeline tells remark-rehype not to prefix footnote ids itself: the sanitizer
 * would prefix them a second time (`user-content-user-content-fn-1`).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { sanitizeSchema } from './sanitize-schema.ts';

const prefix = sanitizeSchema.clobberPrefix ?? 'user-content-';

export default function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const fragmentLinks: Element[] = [];
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) fragmentLinks.push(node);
    });
    for (const link of fragmentLinks) {
      const target = decodeFragment((link.properties.href as string).slice(1));
      if (!ids.has(target) && ids.has(prefix + target)) link.properties.href = `#${prefix}${target}`;
    }
  };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
