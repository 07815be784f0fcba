/**
 * The images an imported post shows, and their new addresses. This site publishes only images in
 * the article's folder (src/markdown/rehype-article-images.ts refuses remote and site-absolute
 * ones), so an importer copies or fetches each image next to the article and rewrites its
 * address to `./name`. Finding the files is the importer's job; this module reads and rewrites
 * the references (markdown `![alt](url)`, reference-style `![alt][label]` with its `[label]: url`
 * definition, and raw-HTML `<img src>`), line by line so that what
 * could not be found is reported at its source line.
 */
import { extname } from 'node:path';
import { proseTexts, rewriteProse } from './archive-prose.ts';
import type { ConvertedLine } from './archive-shortcodes.ts';
import { slugify } from './slugs.ts';

/** `![alt](address)`; the alt text may wrap onto the next lines of its paragraph (not past a blank line). */
const MARKDOWN_IMAGE = /(!\[(?:[^\]\\\n]|\\.|\n(?![ \t]*\n))*\]\(\s*)(<[^>\n]+>|[^\s)]+)/g;
/** `![alt][label]`, `![label][]` and `![label]`: an image whose address is in a definition. */
const REFERENCE_IMAGE = /!\[((?:[^\]\\]|\\.)*)\](?:\[((?:[^\]\\]|\\.)*)\])?(?!\()/g;
/** `[label]: address`, a definition line. */
const DEFINITION = /^(\s{0,3}\[((?:[^\]\\]|\\.)+)\]:\s*)(<[^>\n]+>|\S+)/;
const HTML_IMAGE = /(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2/gi;

export interface ImageReference {
  url: string;
  line: number;
}

const unwrap = (url: string) => (url.startsWith('<') && url.endsWith('>') ? url.slice(1, -1) : url);

const label = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Labels of the definitions that reference-style images use. */
function imageLabels(lines: ConvertedLine[]): Set<string> {
  return new Set(
    lines.flatMap(({ text, code }) =>
      code ? [] : [...text.matchAll(REFERENCE_IMAGE)].map((match) => label(match[2] || match[1]!)),
    ),
  );
}

/** The image address a definition line gives, when an image uses that definition. */
function definedImage(text: string, labels: Set<string>): string | undefined {
  const match = DEFINITION.exec(text);
  return match && labels.has(label(match[2]!)) ? unwrap(match[3]!) : undefined;
}

/** Every image address in the body, in order, with its source line (where its address is). */
export function imageReferences(lines: ConvertedLine[]): ImageReference[] {
  const labels = imageLabels(lines);
  // Where the address starts: after the match's first group.
  const at = (match: RegExpExecArray) => match.index + match[1]!.length;
  const shown = proseTexts(lines).flatMap(({ text, lineAt }) =>
    [
      ...[...text.matchAll(MARKDOWN_IMAGE)].map((match) => ({ url: unwrap(match[2]!), at: at(match) })),
      ...[...text.matchAll(HTML_IMAGE)].map((match) => ({ url: match[3]!, at: at(match) })),
    ]
      .sort((a, b) => a.at - b.at)
      .map(({ url, at: offset }) => ({ url, line: lineAt(offset) })),
  );
  const defined = lines.flatMap(({ text, line, code }) => {
    const url = code ? undefined : definedImage(text, labels);
    return url ? [{ url, line }] : [];
  });
  // A stable sort keeps the order of images on one line.
  return [...shown, ...defined].sort((a, b) => a.line - b.line);
}

/** Replaces image addresses found in `renamed` (old address -> new); others stay as they were. */
export function rewriteImages(lines: ConvertedLine[], renamed: ReadonlyMap<string, string>): ConvertedLine[] {
  const labels = imageLabels(lines);
  return rewriteProse(lines, (text) =>
    text
      .replace(MARKDOWN_IMAGE, (whole, start: string, url: string) =>
        renamed.has(unwrap(url)) ? `${start}${renamed.get(unwrap(url))}` : whole,
      )
      .replace(HTML_IMAGE, (whole, start: string, quote: string, url: string) =>
        renamed.has(url) ? `${start}${quote}${renamed.get(url)}${quote}` : whole,
      )
      .replace(new RegExp(DEFINITION.source, 'gm'), (whole, start: string, _label: string, url: string) => {
        const name = definedImage(whole, labels) && renamed.get(unwrap(url));
        return name ? `${start}${name}` : whole;
      }),
  );
}

/**
 * A file name for an image in the article folder: the original's name made safe for a URL
 * (`My Photo (1).JPG` -> `my-photo-1.jpg`), numbered when two images would share it.
 */
export function imageFileName(url: string, taken: Set<string>): string {
  const path = url.split(/[?#]/)[0]!;
  let base = path.split('/').filter(Boolean).at(-1) ?? 'image';
  try {
    base = decodeURIComponent(base);
  } catch {
    // Keep a name that is not valid percent-encoding as it is.
  }
  const extension = extname(base).toLowerCase();
  const stem = slugify(base.slice(0, base.length - extension.length)) || 'image';
  let name = `${stem}${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${extension}`;
  taken.add(name);
  return name;
}
