/**
 * Limits on an article body that keep the markdown pipeline from hanging or overflowing the
 * stack, measured on the raw text with single linear scans, before anything parses it.
 *
 * Parsing and the tree walks after it are where the cost is: a 1,000-deep nested list already
 * overflows the stack in mdast-util-to-hast; 16,000 unresolved `[a][b]` in one paragraph take
 * 11 s; `*a` repeated costs ~25 µs per character. So: size, an estimate of container nesting
 * (blockquotes and lists) per line, an estimate of raw HTML element depth, and inline
 * delimiters per paragraph. The estimates err on the high side; the limits sit far above
 * anything an article needs and far below where the pipeline breaks.
 *
 * Used twice: by the front-matter check before content sync (so the build fails naming
 * file:line before anything parses the body) and by src/markdown/remark-limits.ts inside the
 * markdown processor (so no other path into the pipeline can skip it).
 */

export const LIMITS = {
  /** ~1 s for prose, ~12 s for the costliest markup measured; the longest long-read is a fifth of it. */
  characters: 500_000,
  /** Blockquotes and lists nested inside each other; mdast-util-to-hast overflows the stack near 1,000. */
  containerDepth: 100,
  /** Raw HTML elements open inside each other; hast tools overflow the stack near 10,000. */
  htmlDepth: 100,
  /** Emphasis and link delimiters in one paragraph; cost grows faster than linearly with them. */
  delimitersPerParagraph: 5_000,
} as const;

/** HTML elements that never contain anything, so never deepen the tree. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const BACKTICK_RUN = /`+/g;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
const DELIMITERS = /[*_[\]]/g;

export interface LimitViolation {
  /** What is wrong, with the measured value and the limit. */
  message: string;
  /** How an editor fixes it. */
  hint: string;
  /** 1-based line of the first offending place, when there is one. */
  line?: number;
}

/** Measures a markdown body against LIMITS; the first limit it breaks, or undefined. */
export function checkLimits(markdown: string): LimitViolation | undefined {
  if (markdown.length > LIMITS.characters) {
    return {
      message:
        `the article body is ${markdown.length.toLocaleString('en')} characters ` +
        `long; the limit is ${LIMITS.characters.toLocaleString('en')}`,
      hint: 'split it into several articles',
    };
  }
  return containerDepth(markdown) ?? htmlDepth(markdown) ?? delimiterDensity(markdown);
}

function containerDepth(markdown: string): LimitViolation | undefined {
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    const indentation = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const markers = CONTAINER_MARKERS.exec(line)?.[0].match(/>|[-+*]|\d+[.)]/g)?.length ?? 0;
    // Each nested list level indents its content by at least two columns.
    const depth = markers + Math.floor(indentation / 2);
    if (depth > LIMITS.containerDepth) {
      return {
        line: index + 1,
        message:
          `blockquotes or lists are nested about ${depth} levels ` +
          `deep here; the limit is ${LIMITS.containerDepth}`,
        hint: 'flatten the nesting',
      };
    }
  }
  return undefined;
}

function htmlDepth(markdown: string): LimitViolation | undefined {
  let depth = 0;
  let fence: string | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // Code is shown as text, so tags inside fenced blocks and code spans never nest.
    const opener = FENCE.exec(line)?.[1];
    if (fence) {
      if (opener?.[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener) {
      fence = opener;
      continue;
    }
    for (const match of withoutCodeSpans(line).matchAll(TAG)) {
      const [, closing, name, selfClosing] = match;
      if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
      if (closing) depth = Math.max(0, depth - 1);
      else if (++depth > LIMITS.htmlDepth) {
        return {
          line: index + 1,
          message: `raw HTML elements are nested more than ${LIMITS.htmlDepth} deep here (or opened and never closed)`,
          hint: 'close your tags or flatten the nesting',
        };
      }
    }
  }
  return undefined;
}

/**
 * The line with its code spans blanked out: a backtick run opens a span that the next run of
 * the same length closes (CommonMark's rule, within one line). Linear: each run is visited once.
 */
function withoutCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const runs = [...line.matchAll(BACKTICK_RUN)].map((run) => ({
    start: run.index,
    end: run.index + run[0].length,
  }));
  const nextOfSameLength = new Map<number, number>();
  const closer: (number | undefined)[] = [];
  for (let index = runs.length - 1; index >= 0; index--) {
    const length = runs[index]!.end - runs[index]!.start;
    closer[index] = nextOfSameLength.get(length);
    nextOfSameLength.set(length, index);
  }
  let result = '';
  let copied = 0;
  for (let index = 0; index < runs.length; index++) {
    const close = closer[index];
    if (close === undefined) continue;
    result += line.slice(copied, runs[index]!.start);
    copied = runs[close]!.end;
    index = close;
  }
  return result + line.slice(copied);
}

function delimiterDensity(markdown: string): LimitViolation | undefined {
  let offset = 0;
  // The capturing group keeps the blank-line separators in the list, so offsets add up.
  for (const piece of markdown.split(/(\n[ \t]*\n)/)) {
    const count = piece.match(DELIMITERS)?.length ?? 0;
    if (count > LIMITS.delimitersPerParagraph) {
      return {
        line: lineAt(markdown, offset + Math.max(0, piece.search(/\S/))),
        message:
          `this paragraph has ${count.toLocaleString('en')} emphasis or link characters ` +
          `(* _ [ ]); the limit is ${LIMITS.delimitersPerParagraph.toLocaleString('en')}`,
        hint: 'break it up, or put it in a code block',
      };
    }
    offset += piece.length;
  }
  return undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line++;
  return line;
}
