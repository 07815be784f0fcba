/**
 * Sections and tags as listing groups. A tag's URL comes from slugify(), so two spellings can
 * share one slug ("Coast", "coast", "Côast"): they are merged into one page, named after the
 * spelling most articles use (ties go to the first in code-point order), so the result never
 * depends on file order. A tag with nothing slugify can keep ("東京", "!!!") has no URL and
 * stops the build with the file to fix.
 */
import { slugify } from './slugs.ts';

export interface Group<T> {
  slug: string;
  /** The name shown to readers. */
  name: string;
  /** Members in input order, each once. */
  items: T[];
}

export interface Tagged {
  tags: string[];
  /** Where the tags come from, for error messages (e.g. the article's file path). */
  file: string;
}

export class TagSlugError extends Error {
  override name = 'TagSlugError';
}

export function groupByTag<T extends Tagged>(items: T[]): Group<T>[] {
  const groups = new Map<string, { items: Set<T>; spellings: Map<string, number> }>();
  for (const item of items) {
    for (const tag of item.tags) {
      const slug = slugify(tag);
      if (!slug) {
        throw new TagSlugError(
          `${item.file}: tag "${tag}" has no URL slug (tag URLs keep only the letters a–z and digits). ` +
            'Fix: spell the tag with at least one Latin letter or digit, e.g. "Tokyo" for "東京", or remove it.',
        );
      }
      const group = groups.get(slug) ?? { items: new Set<T>(), spellings: new Map<string, number>() };
      group.items.add(item);
      group.spellings.set(tag, (group.spellings.get(tag) ?? 0) + 1);
      groups.set(slug, group);
    }
  }
  return [...groups]
    .map(([slug, group]) => ({ slug, name: preferredSpelling(group.spellings), items: [...group.items] }))
    .sort((a, b) => compare(a.slug, b.slug));
}

function preferredSpelling(spellings: Map<string, number>): string {
  return [...spellings].sort(([a, countA], [b, countB]) => countB - countA || compare(a, b))[0]![0];
}

/** Code-point order: the same on every machine, unlike localeCompare. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups by an already-slug key such as the section: "arts-and-culture" is shown as "Arts and culture". */
export function groupBySlug<T>(items: T[], slugOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const slug = slugOf(item);
    const members = groups.get(slug);
    if (members) members.push(item);
    else groups.set(slug, [item]);
  }
  return [...groups]
    .map(([slug, members]) => ({ slug, name: nameFromSlug(slug), items: members }))
    .sort((a, b) => compare(a.slug, b.slug));
}

export function nameFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
