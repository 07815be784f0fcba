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
  return new Set(lines.flatMap(({ text, code }) => (code ? [] : [...text.matchAll(REFERENCE_IMAGE)].map((match) => label(match[2] || match[1]!)))));
}

/** The image address a definition line gives, when an image uses that definition. */
function definedImage(text: string, labels: Set<string>): string | undefined {
  const match = DEFINITION.exec(text);
  return match && labels.has(label(match[2]!)) ? unwrap(match[3]!) : undefined;
}

/**
 * Runs of lines outside code, each as one text: an image's markdown or `<img` tag may wrap onto
 * the next line (`![A diagram of…⏎…the server](x.png)`, `<img⏎src="x.png">`), which line by line
 * would be missed without a word (the Ember blog had such images, the Rust blog two).
 */
function proseRuns(lines: ConvertedLine[]): ConvertedLine[][] {
  const runs: ConvertedLine[][] = [];
  lines.forEach((line, index) => {
    if (line.code) return;
    if (index > 0 && !lines[index - 1]!.code && runs.length) runs.at(-1)!.push(line);
    else runs.push([line]);
  });
  return runs;
}

/** The source line of `offset` in a run joined with newlines (a converted line may hold several). */
function lineAt(run: ConvertedLine[], joined: string, offset: number): number {
  let newlines = joined.slice(0, offset).split('\n').length - 1;
  for (const { text, line } of run) {
    newlines -= text.split('\n').length;
    if (newlines < 0) return line;
  }
  return run.at(-1)!.line;
}

/** Every image address in the body, in order, with its source line (where its address is). */
export function imageReferences(lines: ConvertedLine[]): ImageReference[] {
  const labels = imageLabels(lines);
  return proseRuns(lines).flatMap((run) => {
    const joined = run.map(({ text }) => text).join('\n');
    // Where the address starts: after the match's first group.
    const at = (match: RegExpExecArray) => match.index + match[1]!.length;
    const inline = [
      ...[...joined.matchAll(MARKDOWN_IMAGE)].map((match) => ({ url: unwrap(match[2]!), at: at(match) })),
      ...[...joined.matchAll(HTML_IMAGE)].map((match) => ({ url: match[3]!, at: at(match) })),
    ].sort((a, b) => a.at - b.at);
    const defined = run.flatMap(({ text, line }) => {
      const url = definedImage(text, labels);
      return url ? [{ url, line }] : [];
    });
    const shown = inline.map(({ url, at: offset }) => ({ url, line: lineAt(run, joined, offset) }));
    return [...shown, ...defined].sort((a, b) => a.line - b.line);
  });
}

/** Replaces image addresses found in `renamed` (old address -> new); others stay as they were. */
export function rewriteImages(lines: ConvertedLine[], renamed: ReadonlyMap<string, string>): ConvertedLine[] {
  const labels = imageLabels(lines);
  const rewritten = new Map<ConvertedLine, string>();
  for (const run of proseRuns(lines)) {
    // Addresses hold no newline, so the run splits back into its lines (a converted line may hold several).
    const pieces = run
      .map(({ text }) => text)
      .join('\n')
      .replace(MARKDOWN_IMAGE, (whole, start: string, url: string) =>
        renamed.has(unwrap(url)) ? `${start}${renamed.get(unwrap(url))}` : whole,
      )
      .replace(HTML_IMAGE, (whole, start: string, quote: string, url: string) =>
        renamed.has(url) ? `${start}${quote}${renamed.get(url)}${quote}` : whole,
      )
      .split('\n');
    for (const line of run) rewritten.set(line, pieces.splice(0, line.text.split('\n').length).join('\n'));
  }
  return lines.map((original) => {
    const text = rewritten.get(original) ?? original.text;
    return {
      line: original.line,
      code: original.code,
      text: text.replace(DEFINITION, (whole, start: string, _label: string, url: string) => {
        const name = definedImage(whole, labels) && renamed.get(unwrap(url));
        return name ? `${start}${name}` : whole;
      }),
    };
  });
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
