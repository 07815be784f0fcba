/**
 * URLs written in raw HTML inside a markdown body (`<a href="./data.csv">`, `<img src="chart.png">`),
 * positioned in the body, so the content check treats them like markdown links and images and
 * reports a problem at the attribute's line and column.
 */
// htmlparser2, as in src/lib/link-check.ts: it reads a tag's attributes with their offsets and
// decodes entities as a browser does (`href="a&amp;b.csv"` is a&b.csv), without building a tree.
import { Parser } from 'htmlparser2';
import type { Position } from './frontmatter-check-yaml.ts';

export interface RawHtmlUrl extends Position {
  /** Lowercase names, e.g. `a` and `href`. */
  element: string;
  attribute: string;
  /** The value as the browser reads it (entities decoded, not trimmed). */
  value: string;
}

/** Which attributes of which elements hold URLs, lowercase: `{ a: ['href'] }`. */
export type UrlAttributes = Readonly<Record<string, readonly string[]>>;

/**
 * The `wanted` attributes in `html`, a raw HTML node of a markdown body that starts at `start`
 * (its mdast position). Only the first of repeated attributes counts, as in the browser.
 */
export function rawHtmlUrls(html: string, start: Position, wanted: UrlAttributes): RawHtmlUrl[] {
  const found: RawHtmlUrl[] = [];
  let element = '';
  let seen = new Set<string>();
  const parser = new Parser({
    onopentagname(name) {
      element = name;
      seen = new Set();
    },
    onattribute(attribute, value) {
      if (seen.has(attribute)) return;
      seen.add(attribute);
      // startIndex is where the attribute's name starts.
      if (!wanted[element]?.includes(attribute)) return;
      found.push({ element, attribute, value, ...positionIn(html, parser.startIndex, start) });
    },
  });
  parser.end(html);
  return found;
}

/** The body position of `offset` in a node's text that starts at `start`. */
function positionIn(text: string, offset: number, start: Position): Position {
  const before = text.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  return newlines === 0
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + newlines, column: offset - before.lastIndexOf('\n') };
}
