/**
 * What every archive importer (markdown folders, WordPress exports) shares: mapping the old site's
 * categories, authors, tags and old addresses onto this site's fields, and writing the article's
 * front matter. Nothing is guessed silently: whatever does not map is returned as a note, which
 * the importer's summary lists under "needs attention" with the file and line.
 */
import { stringify } from 'yaml';
import type { RELATIONSHIPS } from '../content.config.ts';
import { slugify, SLUG_PATTERN } from './slugs.ts';
import { decodePercent } from './urls.ts';

export type Relationship = (typeof RELATIONSHIPS)[number];

/** Something an editor should look at: where in the source, and what. */
export interface ImportNote {
  /** 0 when the note is about the whole post. */
  line: number;
  message: string;
  /** The file the line is in, when not the post's source (e.g. the new article). */
  file?: string;
}

/** What the importer knows about this site. */
export interface ArchiveContext {
  /** Declared sections (content/sections.yaml); undefined when the site declares none. */
  sections: { slug: string; name: string }[] | undefined;
  /** The section for posts whose categories match none. */
  defaultSection: string;
  /** Ids of content/authors/<id>.* files. */
  authorIds: ReadonlySet<string>;
  relationship: Relationship;
  /** False keeps every import a draft (the default); true publishes what the source published. */
  publish: boolean;
  /** Reads dates without an offset as wall-clock time here (SITE_TIMEZONE). */
  timeZone: string;
  /** The import's moment, ISO with offset: the date of a post that has none. */
  now: string;
}

const TAG_MAX = 60;
const TAGS_MAX = 20;

/** A list field that may be written as a list, a single value or (Jekyll) a space-separated string. */
export function listOf(value: unknown, spaceSeparated = false): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items
    .flatMap((item) =>
      typeof item === 'string' && spaceSeparated && !Array.isArray(value) ? item.split(/\s+/) : [item],
    )
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim())
    .filter(Boolean);
}

/** The section for a post's categories: the first that is a declared section (by slug or name). */
export function sectionFor(
  categories: string[],
  context: ArchiveContext,
  line: number,
): { section: string; notes: ImportNote[] } {
  if (!context.sections) {
    const first = categories.map(slugify).find(Boolean);
    return { section: first ?? context.defaultSection, notes: [] };
  }
  const declared = new Map(
    context.sections.flatMap((section) => [
      [section.slug, section.slug],
      [slugify(section.name), section.slug],
    ]),
  );
  const match = categories.map((category) => declared.get(slugify(category))).find(Boolean);
  const others = match
    ? categories.filter((category) => declared.get(slugify(category)) !== match)
    : categories;
  const notes = others.map((category) => ({
    line,
    message:
      `category "${category}" is not a section in content/sections.yaml; ` +
      `not kept${match ? '' : ` (section set to ${context.defaultSection})`}`,
  }));
  if (!match && categories.length === 0)
    notes.push({ line, message: `no category; section set to ${context.defaultSection}` });
  return { section: match ?? context.defaultSection, notes };
}

/** Author ids for names or logins: those with a file in content/authors/; the rest are reported. */
export function authorsFor(
  names: string[],
  context: ArchiveContext,
  line: number,
): { authors: string[]; notes: ImportNote[] } {
  const authors: string[] = [];
  const notes: ImportNote[] = [];
  for (const name of names) {
    const id = slugify(name);
    if (context.authorIds.has(id)) {
      if (!authors.includes(id)) authors.push(id);
    } else
      notes.push({
        line,
        message: `author "${name}" has no file content/authors/${id || '<id>'}.yaml; not credited`,
      });
  }
  return { authors, notes };
}

/** Tags as the schema takes them: unique, at most 60 characters and 20 tags, each with a URL slug. */
export function tagsFor(names: string[], line: number): { tags: string[]; notes: ImportNote[] } {
  const tags: string[] = [];
  const notes: ImportNote[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!slug)
      notes.push({ line, message: `tag "${name}" has no Latin letters or digits for its URL; not kept` });
    else if (name.length > TAG_MAX)
      notes.push({ line, message: `tag "${name}" is longer than ${TAG_MAX} characters; not kept` });
    else if (!seen.has(slug)) {
      seen.add(slug);
      tags.push(name);
    }
  }
  if (tags.length > TAGS_MAX)
    notes.push({
      line,
      message: `${tags.length} tags, at most ${TAGS_MAX} are kept; dropped: ${tags.slice(TAGS_MAX).join(', ')}`,
    });
  return { tags: tags.slice(0, TAGS_MAX), notes };
}

/** The slug an old address ends with: `/2019/03/old-name.html` -> `old-name`. */
export function slugOfPath(path: string): string {
  const last = path.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? '';
  return slugify(decodePercent(last.replace(/\.html?$/i, '')));
}

/** Former addresses -> aliases (slugs that redirect here); those without a usable slug are reported. */
export function aliasesFor(
  paths: string[],
  slug: string,
  line: number,
): { aliases: string[]; notes: ImportNote[] } {
  const aliases: string[] = [];
  const notes: ImportNote[] = [];
  for (const path of paths) {
    const alias = slugOfPath(path);
    if (!SLUG_PATTERN.test(alias))
      notes.push({ line, message: `old address "${path}" gives no slug to redirect from; not kept` });
    else if (alias !== slug && !aliases.includes(alias)) aliases.push(alias);
  }
  return { aliases, notes };
}

export interface ArticleFields {
  title: string;
  description?: string | undefined;
  pubDate: string;
  updatedDate?: string | undefined;
  authors: string[];
  section: string;
  tags: string[];
  heroImage?: { src: string; alt?: string; decorative?: boolean; caption?: string } | undefined;
  aliases: string[];
  /** True when the source itself marks the post unpublished. */
  sourceDraft: boolean;
}

/** The article file: a comment naming the source, the front matter, the body. */
export function articleMarkdown(
  fields: ArticleFields,
  body: string,
  from: string,
  context: ArchiveContext,
): string {
  const draft = fields.sourceDraft || !context.publish;
  const frontMatter = Object.fromEntries(
    Object.entries({
      title: fields.title,
      description: fields.description,
      pubDate: fields.pubDate,
      updatedDate: fields.updatedDate,
      authors: fields.authors,
      section: fields.section,
      tags: fields.tags,
      heroImage: fields.heroImage,
      source: { relationship: context.relationship },
      aliases: fields.aliases.length ? fields.aliases : undefined,
      draft: draft ? true : undefined,
    }).filter(([, value]) => value !== undefined),
  );
  const note = `# Imported from ${from.replace(/\n/g, ' ')}.\n`;
  const draftNote = draft
    ? '# A draft: shown by `npm run dev` only. Check it, then delete `draft: true` to publish.\n'
    : '';
  return `---\n${note}${draftNote}${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}
