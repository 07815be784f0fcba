/**
 * A post's or video's URL alone on its own line becomes an embed, as in WordPress:
 *
 *     https://www.youtube.com/watch?v=aBcDeFgHiJk
 *     [The harbour light is lit again](https://vimeo.com/123456789 "Filmed by the Harbour Trust")
 *
 * A link's text, when it is not the URL itself, is the video's title (`npm run embed` writes
 * it); a link's title is the caption. Only whole top-level paragraphs count: a URL inside a
 * sentence, list or quote stays a link. The paragraph becomes an `embed` node, which remark-rehype
 * hands on (`embedHandlers`) for rehype-embed-code to make the shared embed node
 * (src/markdown/embed-node.ts says why in two steps).
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';
import { EMBED_TYPE, type EmbedPassThrough } from './embed-node.ts';
import { embedFromUrl, type Embed } from './embed-providers.ts';

/** The mdast node standing for an embed between this plugin and remark-rehype. */
interface EmbedMdast {
  type: 'embed';
  embed: Embed;
  position?: Paragraph['position'];
}

const plainText = (nodes: PhrasingContent[]): string =>
  nodes
    .map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children) : ''))
    .join('');

/** The embed a paragraph stands for, if it is nothing but a provider's URL. */
export function embedOfParagraph(paragraph: Paragraph): Embed | undefined {
  const children = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  if (children.length !== 1) return undefined;
  const [only] = children;
  if (only!.type === 'text') return embedFromUrl(only.value);
  if (only!.type !== 'link') return undefined;
  const embed = embedFromUrl(only.url);
  if (!embed) return undefined;
  const text = plainText(only.children).trim();
  const isUrl = text === only.url || embedFromUrl(text)?.url === embed.url;
  return {
    ...embed,
    ...(text && !isUrl && { title: text }),
    ...(only.title?.trim() && { caption: only.title.trim() }),
  };
}

export default function remarkEmbedUrls() {
  return (tree: Root) => {
    tree.children = tree.children.map((node) => {
      const embed = node.type === 'paragraph' ? embedOfParagraph(node) : undefined;
      return embed
        ? ({
            type: 'embed',
            embed,
            position: node.position,
          } satisfies EmbedMdast as unknown as Root['children'][number])
        : node;
    });
  };
}

/** remark-rehype's handler for the `embed` node (pipeline.ts passes it in remarkRehype's options). */
export const embedHandlers: Record<string, Handler> = {
  embed: (_state, node) => {
    const { embed, position } = node as unknown as EmbedMdast;
    return { type: EMBED_TYPE, embed, position } satisfies EmbedPassThrough as unknown as ReturnType<Handler>;
  },
};
