/**
 * The table of contents of an article: its h2 sections with their h3 subsections, shown only
 * when the article has enough sections for a reader to need one.
 */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/**
 * The id GFM gives the heading of an article's footnotes (after the sanitizer's prefix). The
 * heading is there for screen readers (its class is `sr-only`) and is not a section of the
 * story, so it is not listed.
 */
export const FOOTNOTES_LABEL_ID = 'user-content-footnote-label';

/** Fewer h2 sections than this and the article is short enough to scan without a contents list. */
export const MIN_SECTIONS = 3;

/** The entries, or an empty list when the article has fewer than `minSections` h2 headings. */
export function tableOfContents(headings: readonly Heading[], minSections = MIN_SECTIONS): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.slug === FOOTNOTES_LABEL_ID) continue;
    if (heading.depth === 2) entries.push({ slug: heading.slug, text: heading.text, children: [] });
    // An h3 before the first h2 belongs to no section; it stays out rather than float unnested.
    else if (heading.depth === 3 && entries.length)
      entries.at(-1)!.children.push({ slug: heading.slug, text: heading.text });
  }
  return entries.length >= minSections ? entries : [];
}
