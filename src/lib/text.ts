/**
 * Characters refused in text shown to readers: C0/C1 controls (except tab and newline), the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder text to spoof
 * what a reader sees, and invisible characters no language needs in a headline or tag (zero-width
 * space, word joiner and invisible operators, a byte-order mark mid-text, the non-characters).
 * Allowed, because languages and emoji need them: ZWNJ U+200C (Persian, Hindi), ZWJ U+200D
 * (👩‍💻), the marks LRM/RLM U+200E/U+200F and ALM U+061C (mixed-direction text) and variation
 * selectors (emoji presentation, CJK variants).
 */
const UNSAFE = new RegExp(
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|/.source +
    /[\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFE\uFFFF]/.source,
);

const NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'BYTE ORDER MARK',
};

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

/** The first refused character: its index in `value` and its name as `U+202E (RIGHT-TO-LEFT OVERRIDE)`. */
export function firstUnsafeCharacter(value: string): { index: number; name: string } | undefined {
  const match = UNSAFE.exec(value);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    NAMES[code] ??
    (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character' : 'an invisible character');
  return { index: match.index, name: `${hex} (${name})` };
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
