/**
 * Renders every embed node (src/markdown/embed-node.ts) as its figure (src/markdown/embed-figure.ts),
 * after the sanitizer, and notes the origins the page's CSP must allow in frame-src
 * (src/markdown/render-facts.ts). Runs after the sanitizer because the figure holds what the
 * allow-list rightly refuses from editors (an iframe, classes); everything in it is built from
 * the checked Embed, nothing from the editor's markup.
 */
import type { Root } from 'hast';
import { SKIP, walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';
import { embedFigure } from './embed-figure.ts';
import { embedOf } from './embed-node.ts';
import { frameOrigins, type Embed } from './embed-providers.ts';
import { noteFrameOrigins } from './render-facts.ts';

export default function rehypeEmbeds() {
  return (tree: Root, file: VFile) => {
    const embeds: Embed[] = [];
    walkTree(tree, 'element', (node, index, parent) => {
      const embed = embedOf(node);
      if (!embed || !parent || index === undefined) return;
      embeds.push(embed);
      parent.children[index] = { ...embedFigure(embed), ...(node.position && { position: node.position }) };
      return SKIP;
    });
    noteFrameOrigins(file, frameOrigins(embeds));
  };
}
