/**
 * Reading time from an article's markdown: words a reader actually reads (not URLs, markup or
 * code fences), at the average silent reading speed for English non-fiction (Brysbaert 2019,
 * 238 words per minute).
 */
export const WORDS_PER_MINUTE = 238;

/** Words of the text a reader sees: link and image targets, HTML tags and markdown punctuation left out. */
export function countWords(markdown: string): number {
  const prose = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  return prose.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Whole minutes, at least one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}
