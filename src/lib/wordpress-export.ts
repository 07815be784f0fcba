/**
 * A WordPress export (WXR, the XML of Tools → Export) -> plans of articles and authors. Only
 * posts become articles; pages, attachments, menu items and the rest are counted as skipped.
 * Mapped: title; wp:post_date_gmt (else the local post_date, else pubDate) -> pubDate; excerpt ->
 * description; categories -> section; tags; dc:creator -> author id (an author file is planned
 * when missing); status (draft, pending, private -> draft; trash -> skipped); post_name -> slug;
 * the old permalink's last part, when it differs, -> aliases; _thumbnail_id -> the featured image
 * (its attachment's URL, alt text and caption). Fetching and writing is src/lib/wordpress-import.ts's.
 */
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { archiveDate } from './archive-dates.ts';
import {
  aliasesFor,
  authorsFor,
  sectionFor,
  tagsFor,
  type ArchiveContext,
  type ArticleFields,
  type ImportNote,
} from './archive-article.ts';
import type { ConvertedLine } from './archive-shortcodes.ts';
import { slugFromHeadline, slugify } from './slugs.ts';
import { decodePercent } from './urls.ts';
import { wordpressBody } from './wordpress-body.ts';

export class WordPressExportError extends Error {
  override name = 'WordPressExportError';
}

export interface WordPressAuthor {
  id: string;
  name: string;
}

export interface FeaturedImage {
  url: string;
  alt?: string | undefined;
  caption?: string | undefined;
}

export interface PlannedPost {
  kind: 'article';
  /** `post 12 "Title"`, how notes and the summary name the post. */
  source: string;
  slug: string;
  fields: ArticleFields;
  lines: ConvertedLine[];
  /** About the post as a whole (line 0). */
  notes: ImportNote[];
  /** About the body, at its line in the body. */
  bodyNotes: ImportNote[];
  featured?: FeaturedImage | undefined;
}

export interface WordPressExport {
  title: string;
  /** The old site's address, against which site-absolute image paths are read. */
  siteUrl: string;
  /** Authors of imported posts, by id (the login made a slug). */
  authors: Map<string, WordPressAuthor>;
  posts: (PlannedPost | { kind: 'skipped'; source: string; reason: string })[];
  /** Items that are not posts, counted by type: page, attachment, nav_menu_item… */
  otherItems: Map<string, number>;
}

type Item = Record<string, unknown>;

const ARRAYS = new Set(['item', 'wp:author', 'wp:postmeta', 'category']);

/** Text of an element that may carry attributes ({ '#text': … }). */
const textOf = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : value && typeof value === 'object' && '#text' in value
        ? textOf((value as { '#text': unknown })['#text'])
        : '';

/** HTML or entity-encoded text -> plain text, whitespace collapsed. */
export const plainText = (html: string) =>
  toString(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();

const meta = (item: Item, key: string) =>
  (item['wp:postmeta'] as Item[] | undefined)?.find((entry) => textOf(entry['wp:meta_key']) === key)?.[
    'wp:meta_value'
  ];

export function parseWordPressExport(xml: string): {
  title: string;
  siteUrl: string;
  items: Item[];
  authors: Item[];
} {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ARRAYS.has(name),
  });
  let document: { rss?: { channel?: Item } };
  try {
    document = parser.parse(xml) as typeof document;
  } catch (error) {
    throw new WordPressExportError(`not readable XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const channel = document.rss?.channel;
  if (!channel || !xml.includes('wordpress.org/export'))
    throw new WordPressExportError(
      'not a WordPress export (WXR): expected <rss> with a <channel> in the wp: namespace',
    );
  const siteUrl = textOf(channel['wp:base_blog_url']).trim() || textOf(channel.link).trim();
  return {
    title: plainText(textOf(channel.title)),
    siteUrl,
    items: (channel.item as Item[] | undefined) ?? [],
    authors: (channel['wp:author'] as Item[] | undefined) ?? [],
  };
}

/** When the post was published, as ISO with offset; undefined when the export does not say. */
function postDate(item: Item, timeZone: string): string | undefined {
  const gmt = textOf(item['wp:post_date_gmt']).trim();
  if (gmt && !gmt.startsWith('0000')) return archiveDate(`${gmt}Z`, timeZone);
  const local = textOf(item['wp:post_date']).trim();
  if (local && !local.startsWith('0000')) return archiveDate(local, timeZone);
  const rss = Date.parse(textOf(item.pubDate));
  return Number.isNaN(rss) ? undefined : archiveDate(new Date(rss).toISOString(), timeZone);
}

const terms = (item: Item, domain: string) =>
  ((item.category as Item[] | undefined) ?? [])
    .filter((category) => category['@_domain'] === domain)
    .map((category) => plainText(textOf(category)));

function planPost(
  item: Item,
  context: ArchiveContext,
  attachments: Map<string, Item>,
  authorIds: Map<string, WordPressAuthor>,
): PlannedPost | { kind: 'skipped'; source: string; reason: string } {
  const id = textOf(item['wp:post_id']).trim();
  const title = plainText(textOf(item.title));
  const source = `post ${id}${title ? ` "${title}"` : ''}`;
  const status = textOf(item['wp:status']).trim();
  if (status === 'trash') return { kind: 'skipped', source, reason: 'in the trash on the old site' };
  const notes: ImportNote[] = [];
  const note = (message: string) => notes.push({ line: 0, message });

  const postName = slugify(decodePercent(textOf(item['wp:post_name'])));
  const slug = postName || slugFromHeadline(title) || `post-${id}`;
  let pubDate = postDate(item, context.timeZone);
  if (!pubDate) {
    note("no publication date; pubDate set to the import's time");
    pubDate = context.now;
  }
  let description = plainText(textOf(item['excerpt:encoded'])) || undefined;
  if (description && description.length > 400) {
    note('the excerpt is longer than 400 characters; not kept as the dek');
    description = undefined;
  }
  const section = sectionFor(
    terms(item, 'category').filter((name) => name !== 'Uncategorized'),
    context,
    0,
  );
  const tags = tagsFor(terms(item, 'post_tag'), 0);
  const creator = slugify(textOf(item['dc:creator']));
  // Authors of the export get a file when they have none (src/lib/wordpress-import.ts writes it).
  const authors =
    creator && authorIds.has(creator)
      ? { authors: [creator], notes: [] }
      : authorsFor(creator ? [creator] : [], context, 0);
  const link = textOf(item.link);
  const aliases = aliasesFor(link && !link.includes('?') ? [link] : [], slug, 0);
  notes.push(...section.notes, ...tags.notes, ...authors.notes, ...aliases.notes);
  if (status === 'private') note('private on the old site; imported as a draft');
  if (!title) note(`no title; "${slug}" used`);

  const thumbnail = textOf(meta(item, '_thumbnail_id')).trim();
  const attachment = thumbnail ? attachments.get(thumbnail) : undefined;
  if (thumbnail && !attachment) note(`the featured image (attachment ${thumbnail}) is not in the export`);
  const featured = attachment && {
    url: textOf(attachment['wp:attachment_url']).trim(),
    alt: plainText(textOf(meta(attachment, '_wp_attachment_image_alt'))) || undefined,
    caption: plainText(textOf(attachment['excerpt:encoded'])) || undefined,
  };
  const galleryImages = (ids: string[]) =>
    (ids.length
      ? ids.map((attachmentId) => attachments.get(attachmentId))
      : [...attachments.values()].filter((attachment) => textOf(attachment['wp:post_parent']).trim() === id)
    )
      .filter(
        (attachment): attachment is Item =>
          attachment !== undefined &&
          /\.(avif|gif|jpe?g|png|tiff?|webp)$/i.test(textOf(attachment['wp:attachment_url']).trim()),
      )
      .map((attachment) => ({
        url: textOf(attachment['wp:attachment_url']).trim(),
        alt: plainText(textOf(meta(attachment, '_wp_attachment_image_alt'))) || undefined,
      }));
  const body = wordpressBody(textOf(item['content:encoded']), galleryImages);
  return {
    kind: 'article',
    source,
    slug,
    fields: {
      title: title || slug,
      description,
      pubDate,
      authors: authors.authors,
      section: section.section,
      tags: tags.tags,
      aliases: aliases.aliases,
      sourceDraft: ['draft', 'pending', 'private', 'auto-draft'].includes(status),
    },
    lines: body.lines,
    notes,
    bodyNotes: body.notes,
    featured: featured?.url ? featured : undefined,
  };
}

/** Plans every post of the export; `context.authorIds` are the site's existing author files. */
export function planWordPressExport(xml: string, context: ArchiveContext): WordPressExport {
  const { title, siteUrl, items, authors } = parseWordPressExport(xml);
  const attachments = new Map(
    items
      .filter((item) => textOf(item['wp:post_type']) === 'attachment')
      .map((item) => [textOf(item['wp:post_id']).trim(), item]),
  );
  const exportAuthors = new Map(
    authors
      .map((author) => ({
        id: slugify(textOf(author['wp:author_login'])),
        name: plainText(textOf(author['wp:author_display_name'])) || textOf(author['wp:author_login']),
      }))
      .filter((author) => author.id)
      .map((author) => [author.id, author]),
  );
  const otherItems = new Map<string, number>();
  const posts: WordPressExport['posts'] = [];
  for (const item of items) {
    const type = textOf(item['wp:post_type']).trim() || 'post';
    if (type !== 'post') otherItems.set(type, (otherItems.get(type) ?? 0) + 1);
    else posts.push(planPost(item, context, attachments, exportAuthors));
  }
  const used = new Set(posts.flatMap((post) => (post.kind === 'article' ? post.fields.authors : [])));
  return {
    title,
    siteUrl,
    authors: new Map([...exportAuthors].filter(([id]) => used.has(id))),
    posts,
    otherItems,
  };
}
