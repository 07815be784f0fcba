/**
 * Smart punctuation ("quotes" -> “quotes”, -- -> –) for articles written here, off for an
 * article whose front matter says `smartPunctuation: false`. Imported wire copy sets that so its
 * text, quotes included, reaches readers exactly as it arrived.
 */
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import type { VFile } from 'vfile';

export default function remarkSmartPunctuation() {
  // remark-smartypants builds its own retext processors and ignores `this`; its transformer
  // uses only the tree.
  const smarten = (remarkSmartypants as unknown as () => (tree: Root) => void)();
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter?.smartPunctuation === false) return;
    smarten(tree);
  };
}
