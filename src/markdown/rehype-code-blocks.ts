/**
 * Code blocks: highlighted at build time with classes only, so the strict CSP (no inline styles)
 * holds and pages keep zero JavaScript. rehype-highlight (lowlight, highlight.js's ~37 common
 * languages) colours a block that names its language (```js, or `<code class="language-js">`)
 * with `hljs-*` classes; src/styles/global.css gives them colours that reach 4.5:1 in both schemes
 * (tests/design/colour-contrast.test.ts). A block without a language, or in one not in the set,
 * is shown in the same box, uncoloured.
 *
 * Runs after the sanitizer: the classes are made here from the code's text, so the allow-list
 * (src/markdown/sanitize-schema.ts) need not, and does not, let editors write any class but a
 * code element's `language-*`; a hand-written `class="hljs-…"` is removed and reported.
 *
 * Every block is focusable (tabindex="0", as Astro's own highlighter does): a block wider than a
 * phone scrolls sideways inside its box, and keyboard users scroll it by focusing it.
 */
import type { Root } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';

export default function rehypeCodeBlocks() {
  const highlight = rehypeHighlight({ detect: false });
  return (tree: Root, file: VFile) => {
    highlight(tree, file);
    walkTree(tree, 'element', (node) => {
      if (
        node.tagName === 'pre' &&
        node.children.some((child) => child.type === 'element' && child.tagName === 'code')
      )
        node.properties.tabIndex = 0;
    });
  };
}
