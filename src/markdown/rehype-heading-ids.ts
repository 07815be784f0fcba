/**
 * Gives every heading a stable id from its text (GitHub-style slugs), so links to sections keep
 * working. Ids of the page chrome all start with `page-`, and ids editors write themselves were
 * prefixed `user-content-` by the sanitizer; a heading whose slug would start with either gets
 * `section-` in front, so heading ids can collide with neither. Headings that already have an id
 * (the editor's, prefixed) keep it.
 *
 * A heading written `## Text {#old-id}` gets `old-id` itself (src/markdown/remark-explicit-heading-ids.ts
 * took it off the text), so an archive's old deep links keep working. Generated ids step aside
 * for explicit ones (`## Update` next to `## Later {#update}` becomes `update-1`). An explicit id
 * that is invalid or already taken is reported with its line and a fix, and the heading gets its
 * generated id instead.
 *
 * h1 is included although src/markdown/rehype-demote-h1.ts leaves none: Astro's own heading-id
 * step runs after this one and would give an h1 an unguarded id.
 */
import GithubSlugger, { slug as slugOf } from 'github-slugger';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';
import { pointInFile } from './article-location.ts';
import { explicitIdProblem, notedExplicitId, type ExplicitId } from './remark-explicit-heading-ids.ts';
import { noteBodyNotes, type BodyNote } from './render-facts.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

export const CHROME_ID_PREFIX = 'page-';
const RESERVED_PREFIXES = [CHROME_ID_PREFIX, sanitizeSchema.clobberPrefix ?? 'user-content-'];
const HEADING = /^h[1-6]$/;

/** The id of the next heading with `text` on a page whose headings `slugger` has seen so far. */
export function headingId(slugger: GithubSlugger, text: string): string {
  // Only text with something to slug counts: the slugger would number a second empty slug "-1".
  const slug = slugger.slug(slugOf(text) ? text : 'section');
  return RESERVED_PREFIXES.some((prefix) => slug.startsWith(prefix)) ? slugger.slug(`section-${slug}`) : slug;
}

export interface HeadingSource {
  /** The heading's text, without its `{#…}`. */
  text: string;
  explicit?: ExplicitId;
}

export interface HeadingIdProblem {
  /** Which heading (index into the list given). */
  index: number;
  explicit: ExplicitId;
  message: string;
  fix: string;
}

/**
 * The ids of a body's headings, in order, and what is wrong with their explicit ids. The one
 * function both the pipeline and the pre-render link check (src/lib/article-links.ts) use.
 */
export function headingIds(headings: readonly HeadingSource[]): {
  ids: string[];
  problems: HeadingIdProblem[];
} {
  const problems: HeadingIdProblem[] = [];
  const explicitIds = new Map<number, string>();
  const taken = new Set<string>();
  headings.forEach(({ explicit }, index) => {
    if (!explicit) return;
    const problem = explicitIdProblem(explicit.id);
    if (problem) problems.push({ index, explicit, ...problem });
    else if (taken.has(explicit.id)) {
      problems.push({
        index,
        explicit,
        message: `the heading id {#${explicit.id}} is already used by an earlier heading`,
        fix: 'give each heading its own id, or delete the {#…} of this one to let it take one from its text',
      });
    } else {
      taken.add(explicit.id);
      explicitIds.set(index, explicit.id);
    }
  });
  const slugger = new GithubSlugger();
  const ids = headings.map(({ text }, index) => {
    const explicit = explicitIds.get(index);
    if (explicit) return explicit;
    let id = headingId(slugger, text);
    while (taken.has(id)) id = headingId(slugger, text);
    return id;
  });
  return { ids, problems };
}

export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const headings: Element[] = [];
    walkTree(tree, 'element', (node) => {
      if (HEADING.test(node.tagName) && !node.properties.id) headings.push(node);
    });
    const { ids, problems } = headingIds(
      headings.map((node) => ({
        text: toString(node),
        explicit: notedExplicitId(file, node.position?.start.offset),
      })),
    );
    headings.forEach((node, index) => (node.properties.id = ids[index]));
    const notes: BodyNote[] = problems.map(({ explicit, message, fix }) => {
      const point = pointInFile(file, { line: explicit.line, column: explicit.column });
      return { line: point?.line ?? explicit.line, column: point?.column ?? explicit.column, message, fix };
    });
    noteBodyNotes(file, notes);
  };
}
