/**
 * Demotes an h1 in an article body to an h2: the page's headline is its one h1, and a second one
 * (common in posts moved in from other sites, whose bodies start with `# Title`) breaks the
 * outline screen readers navigate by. Each demoted h1, markdown or HTML, is a warning at its line
 * (src/markdown/render-facts.ts; content-check lists it), so the editor can fix the source.
 * Runs after the sanitizer and before heading ids, so the id is the same either way.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';
import { pointInFile } from './article-location.ts';
import { noteBodyNotes, type BodyNote } from './render-facts.ts';

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

export default function rehypeDemoteH1() {
  return (tree: Root, file: VFile) => {
    const notes: BodyNote[] = [];
    walkTree(tree, 'element', (node) => {
      if (node.tagName !== 'h1') return;
      node.tagName = 'h2';
      const point = pointInFile(file, node.position?.start);
      notes.push({
        line: point?.line ?? 1,
        column: point?.column ?? 1,
        message: `the h1 "${shorten(toString(node).trim())}" was made an h2: the page's headline is its only h1`,
        fix: 'start section headings with ## (or use <h2>); if it repeats the headline, delete it',
      });
    });
    noteBodyNotes(file, notes);
  };
}
