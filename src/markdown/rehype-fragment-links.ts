/**
 * Points in-article `#fragment` links at the ids the sanitizer actually left.
 *
 * The sanitizer prefixes every id an editor (or GFM footnotes) wrote with `user-content-`, but
 * leaves links alone, so `[see below](#methods)` or a footnote's `#fn-1` would point nowhere.
 * A link whose target does not exist as written but does exist prefixed is rewritten to the
 * prefixed id. Links to ids that exist as written (heading ids, made after sanitizing) are kept.
 * `<a name="x">` counts as an id (browsers scroll to it), and a text fragment after the id
 * (`#x:~:text=…`) is kept on the rewritten link.
 *
 * This is why the pipeline tells remark-rehype not to prefix footnote ids itself: the sanitizer
 * would prefix them a second time (`user-content-user-content-fn-1`).
 */
import type { Element, Root } from 'hast';
import { walkTree } from '../lib/walk-tree.ts';
import { readFragment } from '../lib/fragments.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

const prefix = sanitizeSchema.clobberPrefix ?? 'user-content-';

export default function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const fragmentLinks: Element[] = [];
    walkTree(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      // Browsers scroll to `<a name="x">` for `#x` too; the sanitizer prefixes names like ids.
      if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
      if (typeof node.properties.href === 'string' && node.properties.href.startsWith('#'))
        fragmentLinks.push(node);
    });
    for (const link of fragmentLinks) {
      const { id, directive } = readFragment((link.properties.href as string).slice(1));
      if (id && !ids.has(id) && ids.has(prefix + id)) link.properties.href = `#${prefix}${id}${directive}`;
    }
  };
}
