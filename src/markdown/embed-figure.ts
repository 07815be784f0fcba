/**
 * The figure readers see for an embed: static text first, the provider only on request.
 *
 * - A post: the text the editor pasted (a quote), then "Post on X by <author>, <date>", the
 *   caption, and a link to the original. No script, no request to the provider.
 * - A video: a closed `<details>` whose summary ("Play video: <title> (YouTube)") is an ordinary
 *   keyboard-reachable control; inside, a lazy iframe in an aspect-ratio box. Browsers do not load
 *   a lazy iframe inside a closed `<details>`, so nothing is fetched from the provider until the
 *   reader opens it (tests/browser/embeds.test.ts proves it), and no JavaScript is needed.
 *   The player is the provider's privacy mode (youtube-nocookie.com, Vimeo's dnt=1).
 * Every string comes from the Embed as plain text: hast-util-to-html escapes it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, walkTree } from '../lib/walk-tree.ts';
import { providerOf, type Embed } from './embed-providers.ts';

const sentence = (text: string) => (/[.!?…”"')]$/.test(text) ? text : `${text}.`);

function byline(embed: Embed, what: string): string {
  const by = embed.author ? ` by ${embed.author}` : '';
  const when = embed.date ? `, ${embed.date}` : '';
  return `${what}${by}${when}.`;
}

function caption(embed: Embed, lead: ElementContent[], linkText: string): Element {
  return h('figcaption', [
    ...lead,
    ...(embed.caption ? [' ', sentence(embed.caption)] : []),
    ' ',
    h('a', { href: embed.url }, linkText),
  ]);
}

function videoFigure(embed: Embed): Element {
  const name = providerOf(embed).name;
  const label = embed.title ? `Play video: ${embed.title} (${name})` : `Play video (${name})`;
  return h('figure', { className: ['embed', 'embed-video'], dataEmbed: embed.provider }, [
    h('details', { className: ['embed-player'] }, [
      h('summary', label),
      h('div', { className: ['embed-frame'] }, [
        h('iframe', {
          src: embed.playerUrl,
          title: embed.title ? `${embed.title} (${name} video)` : `${name} video`,
          loading: 'lazy',
          allow: 'encrypted-media; fullscreen; picture-in-picture',
          allowFullScreen: true,
          referrerPolicy: 'strict-origin-when-cross-origin',
          // No sandbox: a player needs both its scripts and its own origin's storage, a pair the
          // HTML spec (and the Nu checker) advises against. The frame is cross-origin anyway, and
          // the page's CSP allows only this player's origin.
        }),
      ]),
    ]),
    caption(embed, [h('span', { className: ['embed-source'] }, `Video on ${name}.`)], `Watch on ${name}`),
  ]);
}

function postFigure(embed: Embed): Element {
  const name = providerOf(embed).name;
  return h('figure', { className: ['embed', 'embed-post'], dataEmbed: embed.provider }, [
    ...(embed.text?.length
      ? [
          h(
            'blockquote',
            { cite: embed.url },
            embed.text.map((paragraph) => h('p', paragraph)),
          ),
        ]
      : []),
    caption(
      embed,
      [h('span', { className: ['embed-source'] }, byline(embed, `Post on ${name}`))],
      `View the original on ${name}`,
    ),
  ]);
}

export function embedFigure(embed: Embed): Element {
  return providerOf(embed).kind === 'video' ? videoFigure(embed) : postFigure(embed);
}

/**
 * The figures as feeds carry them: feed readers do not run players (most strip iframes), so a
 * video's player becomes a line naming the video and its provider, above the caption's link to
 * it. Posts are already plain text and a link.
 */
export function withoutPlayers(tree: Root): void {
  walkTree(tree, 'element', (node, index, parent) => {
    if (
      node.tagName !== 'details' ||
      !classesOf(node).includes('embed-player') ||
      !parent ||
      index === undefined
    )
      return;
    const summary = node.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'summary',
    );
    const label = summary ? toString(summary).replace(/^Play video:?\s*/, '') : '';
    parent.children[index] = h('p', `Video: ${label}`);
    return SKIP;
  });
}

const classesOf = (node: Element) =>
  Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
