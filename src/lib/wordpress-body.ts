/**
 * A WordPress post body (`content:encoded`) -> an article body that renders as WordPress showed it.
 *
 * The HTML is kept as raw HTML rather than converted to markdown: no HTML-to-markdown converter is
 * installed, and a hand-made one would lose what posts rely on (tables, figures, nested lists,
 * inline styles' absence aside). The article pipeline sanitizes raw HTML with one allow-list and
 * the content check lists every removal with its line, so nothing is dropped without a word.
 *
 * WordPress stores bodies half-formatted: paragraphs are text separated by blank lines, and
 * WordPress adds the `<p>` and `<br>` when it shows them (wpautop). Left like that, markdown would
 * read `*`, `_` or `1.` in the text as formatting, so this module does what wpautop does: every
 * text block becomes a `<p>` (an HTML block, whose text markdown leaves alone). On the way:
 * - block-editor comments (`<!-- wp:paragraph -->`) are dropped;
 * - `[caption]<img> text[/caption]` becomes `<figure>` with `<figcaption>`;
 * - `[embed]URL[/embed]`, `[youtube URL]`, block-editor embeds and a URL alone on its line become
 *   the URL alone on its line, which is how this site embeds videos and posts;
 * - `[gallery]` becomes its images, each in a paragraph (with the alt text the media library has);
 * - `srcset`/`sizes` are removed from images (the site makes its own sizes), and `class` from
 *   every element (WordPress theme classes, which the sanitizer would drop one warning at a time);
 * - any other `[shortcode]` is left as text and listed.
 */
import { embedFromUrl } from '../markdown/embed-providers.ts';
import type { ImportNote } from './archive-article.ts';
import type { ConvertedLine } from './archive-shortcodes.ts';

/** Elements that start a block of their own, so wpautop does not wrap them in <p>. */
const BLOCK_TAGS =
  'address|article|aside|blockquote|details|div|dl|dd|dt|fieldset|figcaption|figure|footer|form|h[1-6]|' +
  'header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|iframe|script|' +
  'style|video|audio|object|embed|center';
const BLOCK = new RegExp(`^</?(?:${BLOCK_TAGS})\\b`, 'i');
const SHORTCODES = /\[(\/?)([a-z][\w-]*)((?:\s[^\]]*)?)\]/gi;
/** Shortcode names that are not plugin shortcodes but ordinary bracketed text, e.g. [sic]. */
const KNOWN_SHORTCODES = new Set([
  'gallery',
  'audio',
  'video',
  'playlist',
  'wpvideo',
  'soundcloud',
  'googlemaps',
  'contact-form',
  'contact-form-7',
  'gravityform',
  'instagram',
  'tweet',
  'vimeo',
  'youtube',
  'embed',
  'caption',
  'wp_caption',
  'code',
  'sourcecode',
  'archives',
  'latex',
]);

const asEmbed = (url: string) => (embedFromUrl(url.trim()) ? url.trim() : undefined);
const own = (text: string) => `\n\n${text}\n\n`;

/**
 * [caption …]<img …> Caption[/caption] (or caption="…") -> <figure><img
 * …><figcaption>…</figcaption></figure>.
 */
function captions(html: string): string {
  return html.replace(
    /\[(?:wp_)?caption([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/gi,
    (_whole, attributes: string, inner: string) => {
      const image = /(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(inner)?.[0] ?? '';
      const caption = (inner.replace(image, '').trim() || /caption="([^"]*)"/i.exec(attributes)?.[1]) ?? '';
      return own(`<figure>${image}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`);
    },
  );
}

/** Embeds in their WordPress forms -> the URL alone on its line. */
function embeds(html: string): string {
  return html
    .replace(
      new RegExp(
        /<figure\b[^>]*wp-block-embed[^>]*>\s*/.source +
          /<div\b[^>]*wp-block-embed__wrapper[^>]*>\s*(\S+)\s*<\/div>/.source +
          /(?:\s*<figcaption[^>]*>[\s\S]*?<\/figcaption>)?\s*<\/figure>/.source,
        'gi',
      ),
      (whole, url: string) => {
        const embed = asEmbed(url);
        return embed ? own(embed) : whole;
      },
    )
    .replace(/\[embed[^\]]*\]\s*(\S+?)\s*\[\/embed\]/gi, (whole, url: string) =>
      asEmbed(url) ? own(url) : whole,
    )
    .replace(/\[(?:youtube|vimeo)\s+([^\]\s]+)\s*\]/gi, (whole, url: string) =>
      asEmbed(url) ? own(url) : whole,
    );
}

/** wpautop: text blocks become <p>, single line breaks inside them <br>. A block inside <pre> stays as it is. */
function paragraphs(html: string): string[] {
  const blocks: string[] = [];
  let open = '';
  for (const chunk of html.split(/\n[ \t]*\n/)) {
    if (open) {
      open += `\n\n${chunk}`;
      if (/<\/pre>/i.test(chunk)) {
        blocks.push(open);
        open = '';
      }
      continue;
    }
    const text = chunk.replace(/^\n+|\s+$/g, '');
    if (!text.trim()) continue;
    if (/<pre\b/i.test(text) && !/<\/pre>/i.test(text.slice(text.search(/<pre\b/i)))) {
      open = text;
      continue;
    }
    const trimmed = text.trim();
    if (BLOCK.test(trimmed) || asEmbed(trimmed)) blocks.push(trimmed);
    else blocks.push(`<p>${trimmed.replace(/\n\s*/g, '<br>\n')}</p>`);
  }
  if (open) blocks.push(open);
  return blocks;
}

/** The article body, line by line (1-based lines of the body), and what needs a look. */
/** An image of the export's media library, for a [gallery]. */
export interface GalleryImage {
  url: string;
  alt?: string | undefined;
}

/** The images of a gallery: those its ids="…" name, else (WordPress's default) those attached to the post. */
export type GalleryImages = (ids: string[]) => GalleryImage[];

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** [gallery ids="1,2"] -> each image in a paragraph of its own, so the site shows them at full width. */
function galleries(html: string, images: GalleryImages | undefined): string {
  if (!images) return html;
  return html.replace(/\[gallery\b([^\]]*)\]/gi, (whole, attributes: string) => {
    const ids = (/ids\s*=\s*["']?([\d,\s]+)/i.exec(attributes)?.[1] ?? '').split(/[\s,]+/).filter(Boolean);
    const found = images(ids);
    return found.length
      ? own(
          found
            .map(
              ({ url, alt }) =>
                `<p><img src="${escapeAttribute(url)}" alt="${escapeAttribute(alt ?? '')}"></p>`,
            )
            .join('\n\n'),
        )
      : whole;
  });
}

export function wordpressBody(
  html: string,
  galleryImages?: GalleryImages,
): { lines: ConvertedLine[]; notes: ImportNote[] } {
  const cleaned = galleries(
    embeds(captions(html.replace(/\r\n?/g, '\n').replace(/<!--\s*\/?wp:[\s\S]*?-->/g, ''))),
    galleryImages,
  )
    .replace(/<!--\s*more\s*-->/gi, '')
    .replace(/<img\b[^>]*>/gi, (tag) => tag.replace(/\s+(?:srcset|sizes)\s*=\s*(["'])[\s\S]*?\1/gi, ''))
    // WordPress's layout classes (wp-block-…, alignleft, size-medium) style its themes, not this site;
    // the sanitizer would drop each with a warning, burying the warnings that matter.
    .replace(/(<[a-z][a-z0-9]*\b[^>]*?)\s+class\s*=\s*(["'])[^"']*\2/gi, '$1');
  const lines = paragraphs(cleaned)
    .join('\n\n')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }));
  const notes: ImportNote[] = [];
  for (const { text, line } of lines) {
    for (const match of text.matchAll(SHORTCODES)) {
      const name = match[2]!.toLowerCase();
      if (KNOWN_SHORTCODES.has(name) || match[3]!.includes('=') || match[1] === '/' || /[_-]/.test(name)) {
        notes.push({ line, message: `shortcode not converted, left as text: ${match[0].slice(0, 80)}` });
      }
    }
  }
  return { lines, notes };
}
