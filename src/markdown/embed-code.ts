/**
 * Reads the embed code providers hand out ("Embed" / "Copy embed code") into an Embed: which
 * post or video, and the text, author and date the code carries for readers without JavaScript.
 * Pure functions over the parsed (not yet sanitized) hast; only plain strings come out, and the
 * URLs are rebuilt by src/markdown/embed-providers.ts, so nothing of the markup survives.
 *
 * Recognised:
 * - YouTube and Vimeo `<iframe src>` (title from the iframe's `title`);
 * - `<blockquote class="twitter-tweet">` (X), `instagram-media`, `tiktok-embed`, `bluesky-embed`,
 *   `mastodon-embed`, each followed by the provider's `<script>`, which is dropped with it.
 */
import type { Element, ElementContent } from 'hast';
import { embedFromUrl, type Embed, type ProviderId } from './embed-providers.ts';

const BLOCKQUOTE_CLASSES: Record<string, ProviderId> = {
  'twitter-tweet': 'x',
  'instagram-media': 'instagram',
  'tiktok-embed': 'tiktok',
  'bluesky-embed': 'bluesky',
  'mastodon-embed': 'mastodon',
};

/** Scripts the providers' embed code loads; dropped with the embed they belong to. */
const PROVIDER_SCRIPT =
  /^(https:)?\/\/(platform\.twitter\.com|www\.instagram\.com|(www\.)?tiktok\.com|embed\.bsky\.app|[^/]+\/embed\.js$)/;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'textarea', 'title']);

/** The text a reader would read in `node`: script and style contents are not text. */
function toString(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || NOT_TEXT.has(node.tagName)) return '';
  return node.children.map(toString).join('');
}
const classes = (node: Element) =>
  Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
const stringProperty = (node: Element, name: string) =>
  typeof node.properties[name] === 'string' ? (node.properties[name] as string) : undefined;

function elements(node: Element, tagName: string): Element[] {
  const found: Element[] = [];
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tagName) found.push(child);
      walk(child.children);
    }
  };
  walk(node.children);
  return found;
}

/** The embed a provider's embed code stands for, or undefined if `node` is not one. */
export function embedFromCode(node: Element): Embed | undefined {
  if (node.tagName === 'iframe') {
    const src = stringProperty(node, 'src');
    const embed = src ? embedFromUrl(src.startsWith('//') ? `https:${src}` : src) : undefined;
    if (!embed || (embed.provider !== 'youtube' && embed.provider !== 'vimeo')) return undefined;
    const title = squash(stringProperty(node, 'title') ?? '');
    // YouTube's code says title="YouTube video player": not a title.
    return { ...embed, ...(title && !/^(YouTube video player|vimeo-player)$/i.test(title) && { title }) };
  }
  if (node.tagName !== 'blockquote') return undefined;
  const provider = classes(node)
    .map((name) => BLOCKQUOTE_CLASSES[name])
    .find(Boolean);
  return provider ? postFromBlockquote(node, provider) : undefined;
}

function postFromBlockquote(node: Element, provider: ProviderId): Embed | undefined {
  const links = elements(node, 'a');
  const candidates = [
    stringProperty(node, 'cite'),
    stringProperty(node, 'dataInstgrmPermalink'),
    stringProperty(node, 'dataEmbedUrl'),
    ...links.map((link) => stringProperty(link, 'href')).reverse(),
  ];
  let embed: Embed | undefined;
  let dateLink: Element | undefined;
  for (const candidate of candidates) {
    embed = candidate ? embedFromUrl(candidate, provider) : undefined;
    if (embed) {
      dateLink = links.findLast((link) => stringProperty(link, 'href') === candidate);
      break;
    }
  }
  if (!embed) return undefined;
  const paragraphs = elements(node, 'p').map((p) => squash(toString(p)));
  const sharedBy = paragraphs.map((text) => /^A post shared by (.+)$/i.exec(text)?.[1]).find(Boolean);
  const text = paragraphs.filter(
    (text) => text && !/^(View this (post|profile) on Instagram|A post shared by .+)$/i.test(text),
  );
  const whole = squash(toString(node));
  const dateText = dateLink ? squash(toString(dateLink)) : '';
  const date = /\d/.test(dateText) && !/^https?:|^@|View |shared by/i.test(dateText) ? dateText : undefined;
  // X and Bluesky: "<p>text</p> — Name (@handle) <a>date</a>": the author is the rest of the quote's own text.
  const trailer = squash(
    node.children
      .filter((child) => !(child.type === 'element' && (child.tagName === 'p' || child === dateLink)))
      .map((child) => toString(child))
      .join(''),
  );
  const author =
    sharedBy ??
    (/^(—|-{1,2})/.test(trailer) ? trailer.replace(/^(—|-{1,2})\s*/, '') : undefined) ??
    /Post by (@\S+)/.exec(whole)?.[1];
  if (provider === 'tiktok') {
    // TikTok's code has no <p>: the caption is the section's text, the author its first link.
    const section = elements(node, 'section')[0];
    const caption = section ? squash(toString(section)) : '';
    const handle = links[0] ? squash(toString(links[0])) : undefined;
    return {
      ...embed,
      ...(caption && { text: [caption] }),
      ...(handle?.startsWith('@') && { author: handle }),
    };
  }
  return {
    ...embed,
    ...(text.length && { text }),
    ...(author && { author: squash(author) }),
    ...(date && { date }),
  };
}

/** Whether `node` is the provider script that comes with embed code (dropped with it). */
export function isProviderScript(node: ElementContent): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'script' &&
    PROVIDER_SCRIPT.test(stringProperty(node, 'src') ?? '')
  );
}
