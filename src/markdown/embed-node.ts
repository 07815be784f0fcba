/**
 * The one node both ways of embedding produce (src/markdown/rehype-embed-code.ts for pasted
 * embed code, src/markdown/remark-embed-urls.ts for a URL on its own line): an empty `<figure>`
 * that carries the Embed in its hast `data`. The sanitizer keeps allow-listed elements' `data`
 * and position, and markup cannot set `data`, so only these two plugins can make one;
 * src/markdown/rehype-embeds.ts turns it into the figure readers see, after the sanitizer.
 *
 * rehype-raw, which runs between the remark plugin and the sanitizer, rebuilds every element
 * and drops `data`; so remark-rehype first makes a node of its own type (EMBED_TYPE), which
 * rehype-raw passes through untouched (pipeline.ts), and rehype-embed-code makes it the figure.
 */
import type { Element } from 'hast';
import type { Position } from 'unist';
import type { Embed } from './embed-providers.ts';

/** The hast node type remark-rehype makes for a URL embed, until rehype-embed-code makes it a figure. */
export const EMBED_TYPE = 'wirepressEmbed';

export interface EmbedPassThrough {
  type: typeof EMBED_TYPE;
  embed: Embed;
  position?: Position | undefined;
}

interface EmbedData {
  embed?: Embed;
}

export function embedNode(embed: Embed, position?: Position): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [],
    data: { embed } as EmbedData as Element['data'],
    ...(position && { position }),
  };
}

export function embedOf(node: Element): Embed | undefined {
  return (node.data as EmbedData | undefined)?.embed;
}
