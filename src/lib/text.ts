/** C0/C1 controls (except tab/newline), bidi overrides/isolates, and other invisible format characters. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]/;

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

/** Characters XML 1.0 forbids (RSS readers reject a feed containing one). */
export function stripXmlIllegal(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * A meta description from the article body when the editor wrote no dek: the first paragraph
 * of the markdown, stripped of markup and cut at a word boundary. Derived, never invented.
 */
export function ledeFromMarkdown(markdown: string, maxLength = 160): string {
  const paragraph = markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .find((block) => block && !/^(#|>|!\[|<|[-*+] |\d+\. |```|\|)/.test(block));
  if (!paragraph) return '';
  const plain = paragraph
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/[*`~]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}
