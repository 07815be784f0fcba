/**
 * Explicit heading ids: `## The vote {#old-anchor}` keeps the id an archive's old site gave the
 * heading, so deep links into migrated articles still land on it (Pandoc, kramdown and Hugo
 * write them this way; an importer can too).
 *
 * This remark plugin takes the `{#…}` off the heading's text before anything else sees it (smart
 * punctuation would turn `--` in an id into a dash) and notes the id by the heading's position;
 * src/markdown/rehype-heading-ids.ts gives it to the heading after the sanitizer ran, so it is
 * not prefixed `user-content-` like ids written in HTML. Whether an id is usable (`explicitIdProblem`)
 * is decided there, with the other headings in view. src/lib/article-links.ts reads the same
 * syntax with `explicitIdOf` to predict heading ids before rendering.
 */
import type { Heading, Root } from 'mdast';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';

export interface ExplicitId {
  /** The id as written between `{#` and `}`. */
  id: string;
  /** Line and column of the `{` in the body. */
  line: number;
  column: number;
}

/** `{#…}` at the very end of a heading's text; anything up to the closing brace is the id as written. */
const TRAILING_ID = /[ \t]*\{#([^{}]*)\}$/;

/** Ids a heading may take: letters, digits, `_`, `-`, `.` and `:`, starting with a letter, digit or `_`. */
const VALID_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$/u;
/**
 * A bound that catches a pasted sentence, not a real id: generators slug whole headings, and the Rust
 * blog's old ids run to 148 characters (9 of its headings are over 100).
 */
export const MAX_ID_LENGTH = 200;
/** Page chrome ids start `page-`; ids written in HTML are prefixed `user-content-` by the sanitizer. */
export const RESERVED_ID_PREFIXES = ['page-', 'user-content-'];

/** What is wrong with `id` as a heading id, with a fix, or undefined when it is usable. */
export function explicitIdProblem(id: string): { message: string; fix: string } | undefined {
  const written = `{#${id}}`;
  if (id === '')
    return {
      message: `the heading id ${written} is empty`,
      fix: 'write the id after the #, e.g. {#the-vote}, or delete the braces',
    };
  if (/\s/.test(id)) {
    return {
      message: `the heading id ${written} contains a space`,
      fix:
        'an id is one word: use hyphens instead of spaces ' +
        '(classes and other attributes are not supported in {#…})',
    };
  }
  if (id.length > MAX_ID_LENGTH)
    return {
      message: `the heading id ${written} is longer than ${MAX_ID_LENGTH} characters`,
      fix: 'use a shorter id',
    };
  const reserved = RESERVED_ID_PREFIXES.find((prefix) => id.startsWith(prefix));
  if (reserved)
    return {
      message: `the heading id ${written} starts with "${reserved}", which the site keeps for its own ids`,
      fix: `choose an id that does not start with "${reserved}"`,
    };
  if (!VALID_ID.test(id)) {
    return {
      message: `the heading id ${written} has characters an id cannot have`,
      fix: 'use letters, digits, hyphens, underscores, dots and colons, starting with a letter, digit or underscore',
    };
  }
  return undefined;
}

/**
 * The explicit id of a markdown heading, if its text ends with `{#…}`, and (with `strip`) takes
 * it off the text. Only the heading's last text node counts: `## A {#x} b` has no explicit id.
 */
export function explicitIdOf(heading: Heading, strip = false): ExplicitId | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = TRAILING_ID.exec(last.value);
  if (!match) return undefined;
  const written = match[0].trimStart();
  const end = last.position?.end;
  const explicit = {
    id: match[1]!,
    line: end?.line ?? heading.position?.start.line ?? 1,
    column: end ? end.column - written.length : 1,
  };
  if (strip) {
    last.value = last.value.slice(0, match.index);
    if (last.value === '') heading.children.pop();
  }
  return explicit;
}

const noted = new WeakMap<VFile, Map<number, ExplicitId>>();

/** The explicit id noted for the heading starting at `offset` of the body rendered as `file`. */
export function notedExplicitId(file: VFile, offset: number | undefined): ExplicitId | undefined {
  return offset === undefined ? undefined : noted.get(file)?.get(offset);
}

export default function remarkExplicitHeadingIds() {
  return (tree: Root, file: VFile) => {
    const ids = new Map<number, ExplicitId>();
    walkTree(tree, 'heading', (heading) => {
      const offset = heading.position?.start.offset;
      const explicit = offset === undefined ? undefined : explicitIdOf(heading, true);
      if (explicit) ids.set(offset!, explicit);
    });
    noted.set(file, ids);
  };
}
