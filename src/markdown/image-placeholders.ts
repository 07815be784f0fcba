/**
 * Finds the local images in an article's rendered HTML, so the page can show each as a
 * `<picture>` (AVIF and WebP at several widths) instead of Astro's single WebP `<img>`.
 *
 * Astro's rehypeImages leaves every local image in the stored HTML as a placeholder,
 * `<img __ASTRO_IMAGE_="{json}">`, with the image's properties (src, alt, title, …) as JSON;
 * `render()` replaces it with one `<img>` in one format. src/components/ArticleBody.astro
 * splits the stored HTML at the placeholders with `splitAtImages` and renders Astro's
 * `<Picture>` in their place. Our own sanitized, checked tree is the only source of these
 * placeholders: text an editor writes is escaped (`&#x3C;img`), and the sanitizer drops
 * unknown attributes, so a placeholder cannot be forged.
 */

export interface BodyImage {
  /** The path as written in the article, relative to the article file. */
  src: string;
  alt: string;
  title?: string;
}

export type BodyPart = { html: string } | { image: BodyImage };

/**
 * An `<img>` tag whose attributes are all double-quoted (as rehype-stringify writes them), with Astro's
 * placeholder.
 */
const PLACEHOLDER =
  /<img((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*?)\s+__ASTRO_IMAGE_="([^"]*)"((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;

const NAMED: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' };

/** Decodes the character references rehype-stringify (or another serializer) may write in an attribute. */
function decodeAttribute(value: string): string {
  return value.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(quot|amp|apos|lt|gt));/gi,
    (reference, hex: string, decimal: string, name: string) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : decimal
          ? String.fromCodePoint(Number(decimal))
          : (NAMED[name.toLowerCase()] ?? reference),
  );
}

function bodyImage(json: string): BodyImage {
  const properties = JSON.parse(decodeAttribute(json)) as Record<string, unknown>;
  if (typeof properties.src !== 'string') throw new Error(`An image placeholder without a src: ${json}`);
  return {
    src: properties.src,
    alt: typeof properties.alt === 'string' ? properties.alt : '',
    ...(typeof properties.title === 'string' ? { title: properties.title } : {}),
  };
}

/** The rendered HTML as HTML pieces and the images between them, in document order. */
export function splitAtImages(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let copied = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    if (match.index > copied) parts.push({ html: html.slice(copied, match.index) });
    parts.push({ image: bodyImage(match[2]!) });
    copied = match.index + match[0].length;
  }
  if (copied < html.length) parts.push({ html: html.slice(copied) });
  return parts;
}
