/**
 * Smart punctuation ("quotes" -> “quotes”, -- -> —, ... -> …) for articles written here, off for
 * an article whose front matter says `smartPunctuation: false`. Imported wire copy sets that so
 * its text, quotes included, reaches readers exactly as it arrived.
 *
 * The transformation is remark-smartypants' (tests/markdown/smart-punctuation.test.ts checks the
 * two agree on generated markdown): quotes are curled over the text of the whole article, so a
 * quote before a link or emphasis pairs with the one after it, then dashes, ellipses and
 * backticks per text node. remark-smartypants runs that second retext pass on every text node,
 * which made it half of all markdown rendering (docs/performance.md); here each pass runs only on
 * text that contains something it can change.
 */
import type { Literal, Nodes, Root } from 'mdast';
import { retext } from 'retext';
// The only smartypants the build uses; remark-smartypants (a devDependency) is the tests' reference.
import retextSmartypants from 'retext-smartypants';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';

// Quotes change no lengths, so text can be cut back into its nodes by offset afterwards.
const curlQuotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
const replaceOthers = retext().use(retextSmartypants, { quotes: false });

/** Something the second pass can change: `--`, dots with only spaces between, `` or ''. */
const OTHERS = /--|\.\s*\.|``|''/;
const QUOTES = /["']/;

/** Where a quote at the start is an opening one: these get a space in the concatenated text. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Code keeps its characters but its length counts, so quotes around it still pair. */
const LITERALS = new Set(['text', 'inlineCode']);

function smarten(tree: Root): void {
  const parts: Nodes[] = [];
  let text = '';
  walkTree(tree, (node, _index, parent) => {
    if (!parent) return;
    if (LITERALS.has(node.type)) {
      const { value } = node as Literal;
      text += node.type === 'text' ? value : 'A'.repeat(value.length);
      parts.push(node);
    } else if (BLOCKS.has(node.type)) {
      text += ' ';
      parts.push(node);
    }
  });
  if (QUOTES.test(text)) text = String(curlQuotes.processSync(text));
  let start = 0;
  for (const node of parts) {
    if (!LITERALS.has(node.type)) {
      start += 1;
      continue;
    }
    const literal = node as Literal;
    const end = start + literal.value.length;
    if (node.type === 'text') {
      const value = text.slice(start, end);
      literal.value = OTHERS.test(value) ? String(replaceOthers.processSync(value)) : value;
    }
    start = end;
  }
}

export default function remarkSmartPunctuation() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro
      ?.frontmatter;
    if (frontmatter?.smartPunctuation === false) return;
    smarten(tree);
  };
}
