/** URL slugs: lowercase ASCII letters and digits separated by single hyphens. Nothing else can reach a path. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `harbour-walk.md` and `harbour-walk/index.md` both give `harbour-walk`. */
export function articleIdFromPath(entry: string): string {
  const parts = entry.replace(/\\/g, '/').split('/');
  const file = parts.at(-1)!;
  const name = file === 'index.md' && parts.length > 1 ? parts.at(-2)! : file.replace(/\.md$/, '');
  return name;
}

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Turns any text into a slug: "Chrissy Teigen" -> "chrissy-teigen", "Café au lait!" -> "cafe-au-lait",
 * "Straße" -> "strasse". Text with no Latin letters or digits ("東京") gives "": callers decide.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LATIN_LETTERS[letter]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A URL slug for a new article: the slugified headline, cut at a hyphen to at most `max` characters. */
export function slugFromHeadline(headline: string, max = 60): string {
  const full = slugify(headline);
  if (full.length <= max) return full;
  const cut = full.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : max);
}
