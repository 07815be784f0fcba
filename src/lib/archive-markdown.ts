/**
 * One markdown post from a Jekyll, Hugo or Eleventy site -> the plan of an article: its slug,
 * front matter, converted body and the notes an editor should read. Reading folders, copying
 * images and writing files is src/lib/archive-import.ts's job; this module only reads text.
 *
 * Front matter (YAML between `---` lines, or Hugo's TOML between `+++` lines) is mapped:
 * title; date (or the `YYYY-MM-DD-` of a Jekyll file name, the `YYYY-MM-DD-` or `YYYY-MM-DD_` of a
 * Zola file or folder name, the `/YYYY/MM/DD/` of the old address) -> pubDate; lastmod/last_modified_at ->
 * updatedDate; description/excerpt/summary -> description (the dek); categories -> section;
 * tags; author/authors -> author ids; draft: true or published: false -> draft; aliases and
 * redirect_from -> aliases; slug, permalink, the file name or a bundle's folder -> the slug.
 * Fields of no meaning here (layout, comments…) are dropped quietly, any other field is listed.
 */
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { archiveDate } from './archive-dates.ts';
import {
  aliasesFor,
  authorsFor,
  listOf,
  sectionFor,
  slugOfPath,
  tagsFor,
  type ArchiveContext,
  type ArticleFields,
  type ImportNote,
} from './archive-article.ts';
import { convertShortcodes, type ConvertedLine, type LinkResolver } from './archive-shortcodes.ts';
import { slugify } from './slugs.ts';

export interface MarkdownPost {
  /** Path shown in notes, e.g. `_posts/2019-03-04-harbour.md`. */
  path: string;
  text: string;
  /** True for a post in Jekyll's `_drafts/` folder. */
  inDrafts?: boolean;
}

/** The lead image a theme's front matter names, before the importer has found the file. */
export interface PlannedHero {
  url: string;
  alt?: string | undefined;
  caption?: string | undefined;
  line: number;
}

export interface PlannedArticle {
  kind: 'article';
  slug: string;
  fields: ArticleFields;
  lines: ConvertedLine[];
  notes: ImportNote[];
  hero?: PlannedHero | undefined;
}

export type PostPlan = PlannedArticle | { kind: 'skipped'; reason: string };

/** A dated name: Jekyll's `2019-03-04-name`; Zola's also `2019-03-04_name`, of a file or bundle folder. */
const DATED_NAME = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/;
/** The date in an old address, as date-based permalinks write it: `/2019/03/04/name.html`. */
const ADDRESS_DATE = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/;
/**
 * Where themes name a post's lead image (Hugo Clarity's featureImage, Congo's cover, Minimal Mistakes'
 * header.image…), its alt text and caption.
 */
const HERO_KEYS = ['featureimage', 'featured_image', 'image', 'cover', 'hero', 'header', 'images'];
const HERO_ALT_KEYS = ['featureimagealt', 'image_alt', 'imagealt', 'alt'];
const HERO_CAPTION_KEYS = ['featureimagecap', 'image_caption', 'caption'];
/** Fields that only steered the old site's templates: nothing to keep, nothing to report. */
const QUIET = new Set([
  'layout',
  'comments',
  'share',
  'toc',
  'weight',
  'type',
  'menu',
  'sitemap',
  'excerpt_separator',
  'permalink',
  'published',
  'url',
  'eleventyexcludefromcollections',
  'math',
  'showtoc',
  'tocopen',
  'readingtime',
  'hidemeta',
  'disableshare',
  'showreadingtime',
]);
const MAPPED = new Set([
  ...['title', 'date', 'lastmod', 'last_modified_at', 'updated', 'description', 'excerpt', 'summary'],
  ...['categories', 'category', 'tags', 'tag', 'author', 'authors', 'draft', 'aliases', 'redirect_from'],
  ...['slug', 'path', ...HERO_KEYS, ...HERO_ALT_KEYS, ...HERO_CAPTION_KEYS],
]);

interface FrontMatter {
  data: Record<string, unknown>;
  /** The body's first line in the file. */
  bodyLine: number;
  body: string;
  /** The line a top-level key is written on. */
  lineOf: (key: string) => number;
}

/** Splits front matter from body; a string is the reason the file is not a post. */
function readFrontMatter(text: string): FrontMatter | string {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) return 'no front matter (--- lines at the top): not a post';
  const toml = match[1] === '+++';
  let data: unknown;
  try {
    data = toml ? parseToml(match[2]!) : parseYaml(match[2]!, { schema: 'core' });
  } catch (error) {
    return `its front matter is not valid ${toml ? 'TOML' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) return 'its front matter is not a list of fields';
  const fmLines = match[2]!.split('\n');
  const lineOf = (key: string) => {
    const written = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`, 'i');
    const index = fmLines.findIndex((line) => written.test(line));
    return index === -1 ? 1 : index + 2;
  };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return {
    data: lowerKeys(data as Record<string, unknown>),
    bodyLine,
    body: normalised.slice(match[0].length),
    lineOf,
  };
}

const lowerKeys = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));

/** The first of `keys` that has a value. */
const first = (data: Record<string, unknown>, ...keys: string[]) =>
  keys.map((key) => data[key]).find((value) => value !== undefined && value !== null && value !== '');

/** A one-line text field (title, dek): strings and numbers, whitespace collapsed. */
const textOf = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value).replace(/\s+/g, ' ').trim()
    : undefined;

/**
 * The slug and date a post's path gives: Jekyll's `2019-03-04-name.md`, a bundle's `name/index.md`
 * or `2019-03-04_name/index.md`.
 */
function fromPath(path: string): { slug: string; date?: string } {
  const parts = path.split('/');
  // Middleman's `name.html.md` (the Ember blog's) is named for the page it made.
  const file = parts.at(-1)!.replace(/(?:\.html?)?\.(md|markdown)$/i, '');
  const name = file === 'index' && parts.length > 1 ? parts.at(-2)! : file;
  const dated = DATED_NAME.exec(name);
  return dated ? { slug: slugify(dated[2]!), date: dated[1]! } : { slug: slugify(name) };
}

/** The post's old address in its front matter: a permalink without placeholders, or Zola's `path`. */
function addressOf(data: Record<string, unknown>): string | undefined {
  const isAddress = (value: unknown) =>
    typeof value === 'string' && !value.includes(':') && !value.includes('{');
  return [data.permalink, data.path].find(isAddress) as string | undefined;
}

/**
 * The slug from `slug:`, a permalink, or the file name. Not from Zola's `path`: its last part
 * repeats across years where the file names do not (the Rust blog: 84 of 751 posts).
 */
function slugFor(data: Record<string, unknown>, path: string): string {
  const permalink = addressOf({ permalink: data.permalink });
  return slugify(textOf(data.slug) ?? '') || (permalink ? slugOfPath(permalink) : '') || fromPath(path).slug;
}

/** `YYYY-MM-DD` from the first of the post's addresses (its own, then former ones) with `/YYYY/MM/DD/`. */
function addressDate(data: Record<string, unknown>): string | undefined {
  const addresses = [addressOf(data), ...listOf(first(data, 'aliases', 'redirect_from'))];
  const match = addresses.map((address) => (address ? ADDRESS_DATE.exec(address) : null)).find(Boolean);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The lead image the front matter names: a path, or an object with image/src, alt and caption. */
function heroOf(data: Record<string, unknown>, lineOf: (key: string) => number): PlannedHero | undefined {
  for (const key of HERO_KEYS) {
    const value = Array.isArray(data[key]) ? (data[key] as unknown[])[0] : data[key];
    const object =
      typeof value === 'object' && value !== null ? lowerKeys(value as Record<string, unknown>) : undefined;
    const url = textOf(object ? (object.image ?? object.src ?? object.url) : value);
    // `header: Some words` is a theme's heading, not an image.
    if (!url || !/\.(avif|gif|jpe?g|png|tiff?|webp|svg)(?:[?#]|$)/i.test(url)) continue;
    const alt = textOf(object?.alt) ?? textOf(first(data, ...HERO_ALT_KEYS));
    const caption = textOf(object?.caption) ?? textOf(first(data, ...HERO_CAPTION_KEYS));
    return { url, alt, caption, line: lineOf(key) };
  }
  return undefined;
}

/** Plans one post; `resolveLink` gives the new address of another post it links to by a generator tag. */
export function planMarkdownPost(
  post: MarkdownPost,
  context: ArchiveContext,
  resolveLink?: LinkResolver,
): PostPlan {
  if (/(^|\/)_index\.(md|markdown)$/i.test(post.path))
    return { kind: 'skipped', reason: 'a Hugo list page (_index.md), not a post' };
  const frontMatter = readFrontMatter(post.text);
  if (typeof frontMatter === 'string') return { kind: 'skipped', reason: frontMatter };
  const { data, lineOf } = frontMatter;
  const notes: ImportNote[] = [];
  const slug = slugFor(data, post.path);

  let title = textOf(data.title);
  if (!title) {
    title = slug.replace(/-/g, ' ').replace(/^./, (letter) => letter.toUpperCase()) || 'Untitled';
    notes.push({ line: 1, message: `no title; "${title}" made from the file name` });
  }

  const rawDate = first(data, 'date');
  const nameDate = fromPath(post.path).date ?? addressDate(data);
  let pubDate = archiveDate(rawDate ?? nameDate, context.timeZone);
  if (!pubDate) {
    // A date the front matter gets wrong falls back to the file name's, as the old site's listing showed it.
    pubDate = (rawDate !== undefined && nameDate && archiveDate(nameDate, context.timeZone)) || context.now;
    const fallback =
      pubDate === context.now
        ? "the import's time"
        : fromPath(post.path).date
          ? "the file name's date"
          : "the old address's date";
    notes.push({
      line: lineOf('date'),
      message:
        rawDate === undefined
          ? `no date; pubDate set to ${fallback}`
          : `date "${String(rawDate)}" is not a date; pubDate set to ${fallback}`,
    });
  }
  const rawUpdated = first(data, 'lastmod', 'last_modified_at', 'updated');
  const updated = rawUpdated === undefined ? undefined : archiveDate(rawUpdated, context.timeZone);
  if (rawUpdated !== undefined && !updated)
    notes.push({
      line: lineOf('lastmod'),
      message: `last-modified date "${String(rawUpdated)}" is not a date; not kept`,
    });
  const updatedDate = updated && Date.parse(updated) > Date.parse(pubDate) ? updated : undefined;

  let description = textOf(first(data, 'description', 'excerpt', 'summary'));
  if (description && description.length > 400) {
    notes.push({
      line: lineOf('description'),
      message: 'the description is longer than 400 characters; not kept as the dek',
    });
    description = undefined;
  }

  // Jekyll reads a `categories:` or `tags:` string as space-separated names; `category:` is one name.
  const categories = data.categories !== undefined ? listOf(data.categories, true) : listOf(data.category);
  const section = sectionFor(
    categories,
    context,
    lineOf(data.categories === undefined ? 'category' : 'categories'),
  );
  const tags = tagsFor(
    data.tags !== undefined ? listOf(data.tags, true) : listOf(data.tag),
    lineOf(data.tags === undefined ? 'tag' : 'tags'),
  );
  const authorNames = listOf(first(data, 'authors', 'author')).concat(
    // Some themes write `author: { name: … }`.
    typeof data.author === 'object' && data.author !== null && !Array.isArray(data.author)
      ? listOf((data.author as { name?: unknown }).name)
      : [],
  );
  const authors = authorsFor(authorNames, context, lineOf(data.authors === undefined ? 'author' : 'authors'));
  // Zola's `path` was the post's address: it redirects here too.
  const zolaPath = typeof data.path === 'string' ? [data.path] : [];
  const oldAddresses = [...zolaPath, ...listOf(first(data, 'aliases', 'redirect_from'))];
  const aliasKey =
    data.aliases !== undefined ? 'aliases' : data.redirect_from !== undefined ? 'redirect_from' : 'path';
  const aliases = aliasesFor(oldAddresses, slug, lineOf(aliasKey));
  notes.push(...section.notes, ...tags.notes, ...authors.notes, ...aliases.notes);

  const unknown = Object.keys(data).filter((key) => !MAPPED.has(key) && !QUIET.has(key));
  if (unknown.length)
    notes.push({
      line: lineOf(unknown[0]!),
      message: `front-matter fields not imported: ${unknown.join(', ')}`,
    });

  const hero = heroOf(data, lineOf);
  const converted = convertShortcodes(frontMatter.body, frontMatter.bodyLine, resolveLink);
  notes.push(...converted.notes);
  if (!converted.lines.some(({ text }) => text.trim()))
    notes.push({ line: frontMatter.bodyLine, message: 'the post has no body text' });

  return {
    kind: 'article',
    slug,
    fields: {
      title,
      description,
      pubDate,
      updatedDate,
      authors: authors.authors,
      section: section.section,
      tags: tags.tags,
      aliases: aliases.aliases,
      sourceDraft: data.draft === true || data.published === false || post.inDrafts === true,
    },
    lines: converted.lines,
    notes: notes.sort((a, b) => a.line - b.line),
    hero,
  };
}
