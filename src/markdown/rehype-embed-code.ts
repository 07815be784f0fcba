/**
 * Turns provider embed code an editor pasted (src/markdown/embed-code.ts says which) into the
 * shared embed node, after rehype-raw parsed the raw HTML and before the sanitizer, which would
 * otherwise remove the iframe and script and leave a bare quote or nothing at all.
 *
 * The provider's `<script>` right after the code goes with it (readers get the static figure,
 * no third-party script). Wrappers go too, so the figure is not nested where it cannot be: a
 * paragraph holding only the code (an `<iframe>` on its own line is parsed as a paragraph), and
 * an editor's `<figure>` around it, whose `<figcaption>` becomes the caption.
 * It also makes the embed node for URL embeds, which src/markdown/remark-embed-urls.ts found.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { embedFromCode, isProviderScript } from './embed-code.ts';
import { EMBED_TYPE, embedNode, embedOf, type EmbedPassThrough } from './embed-node.ts';

const isBlank = (node: RootContent) =>
  (node.type === 'text' && !node.value.trim()) || node.type === 'comment';

/** The embed node for `node` if it is embed code, or a paragraph or figure holding nothing else. */
function embedFor(node: Element): Element | undefined {
  const direct = embedFromCode(node);
  if (direct) return embedNode(direct, node.position);
  if (node.tagName !== 'p' && node.tagName !== 'figure') return undefined;
  const content = node.children.filter((child) => !isBlank(child) && !isProviderScript(child));
  const caption = content.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
  );
  const rest = content.filter((child) => child !== caption);
  if (rest.length !== 1 || rest[0]!.type !== 'element' || (caption && node.tagName !== 'figure'))
    return undefined;
  const embed = embedFromCode(rest[0]!);
  if (!embed) return undefined;
  const captionText = caption && toString(caption).replace(/\s+/g, ' ').trim();
  return embedNode({ ...embed, ...(captionText && { caption: captionText }) }, node.position);
}

function replaceIn(parent: Root | Element) {
  const children: (RootContent | ElementContent)[] = [];
  let afterEmbed = false;
  for (const child of parent.children) {
    // The provider's script after an embed (blank text between them allowed) belongs to it.
    if (afterEmbed && isProviderScript(child as ElementContent)) continue;
    if (afterEmbed && isBlank(child)) {
      children.push(child);
      continue;
    }
    const passed =
      (child as { type: string }).type === EMBED_TYPE ? (child as unknown as EmbedPassThrough) : undefined;
    const embed = passed
      ? embedNode(passed.embed, passed.position)
      : child.type === 'element'
        ? embedFor(child)
        : undefined;
    afterEmbed = Boolean(embed);
    if (embed) children.push(embed);
    else if (child.type === 'element') {
      replaceIn(child);
      children.push(...(child.tagName === 'p' ? splitAtEmbeds(child) : [child]));
    } else children.push(child);
  }
  parent.children = children as typeof parent.children;
}

/** A paragraph with embed code among its text becomes text, figure, text: a figure cannot sit in a <p>. */
function splitAtEmbeds(paragraph: Element): Element[] {
  if (!paragraph.children.some((child) => child.type === 'element' && embedOf(child))) return [paragraph];
  const pieces: Element[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.some((node) => !isBlank(node))) pieces.push({ ...paragraph, children: run });
    run = [];
  };
  for (const child of paragraph.children) {
    if (child.type === 'element' && embedOf(child)) {
      flush();
      pieces.push(child);
    } else run.push(child);
  }
  flush();
  return pieces;
}

export default function rehypeEmbedCode() {
  return (tree: Root) => replaceIn(tree);
}
