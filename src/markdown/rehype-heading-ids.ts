/**
 * Gives every h2–h6 a stable id from its text (GitHub-style slugs), so links to sections keep
 * working. Ids of the page chrome all start with `page-`; a heading whose slug would start with
 * it gets `section-` in front, so article ids and chrome ids can never collide.
 * Editors' own ids were already prefixed `user-content-` by the sanitizer and are kept.
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export const CHROME_ID_PREFIX = 'page-';
const HEADING = /^h[2-6]$/;

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id) return;
      let id = slugger.slug(toString(node)) || slugger.slug('section');
      if (id.startsWith(CHROME_ID_PREFIX)) id = slugger.slug(`section-${id}`);
      node.properties.id = id;
    });
  };
}
