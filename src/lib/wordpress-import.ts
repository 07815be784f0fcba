/**
 * Imports a WordPress export (src/lib/wordpress-export.ts plans it) into content/articles/:
 * fetches each image a post shows, and its featured image, once into the article's folder (the
 * site publishes no remote image), writes the article (never over an existing one) and an author
 * file for each author of the export who has none, and returns the importers' summary.
 *
 * The fetcher is passed in: the CLI gives the network one (httpFetcher), `--no-fetch` none, and
 * tests one that answers from memory, so no test touches the network.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { articleMarkdown, type ImportNote } from './archive-article.ts';
import { imageFileName, imageReferences, rewriteImages } from './archive-images.ts';
import { claimAddresses, postLinks, rewriteOldSiteLinks } from './archive-links.ts';
import { siteContext, type ImportSummary, type MarkdownImportOptions } from './archive-import.ts';
import { ArticleBundleError, writeNewArticle } from './article-bundle.ts';
import { planWordPressExport, type PlannedPost } from './wordpress-export.ts';
import { RASTER_EXTENSIONS } from '../markdown/rehype-article-images.ts';

export type FetchResult = { bytes: Uint8Array } | { error: string };
export type Fetcher = (url: string) => Promise<FetchResult>;

/** Larger than any photo a post shows; bounds what one address can make us download. */
const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

/** Fetches an image over http(s), with a time limit and a size limit; says why when it cannot. */
export const httpFetcher: Fetcher = async (url) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
    if (!response.ok) return { error: `the server answered ${response.status}` };
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) return { error: `not an image (${type || 'no content type'})` };
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_IMAGE_BYTES) return { error: `larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > MAX_IMAGE_BYTES
      ? { error: `larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` }
      : { bytes };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

export interface WordPressImportOptions extends Omit<MarkdownImportOptions, 'siteRoot'> {
  /** The export's name as the summary shows it, e.g. export.xml. */
  sourceName: string;
  /** Undefined with --no-fetch: images stay remote and are listed. */
  fetcher?: Fetcher | undefined;
}

/** An image address in the export, made absolute against the old site's address. */
function absoluteUrl(url: string, siteUrl: string): string | undefined {
  try {
    const absolute = new URL(url, siteUrl || undefined);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : undefined;
  } catch {
    return undefined;
  }
}

interface Download {
  name: string;
  bytes: Uint8Array;
}

/** Fetches the post's images (each address once per run) and plans their names in the article folder. */
async function fetchImages(
  post: PlannedPost,
  siteUrl: string,
  fetchOnce: (url: string) => Promise<FetchResult> | undefined,
) {
  const renamed = new Map<string, string>();
  const downloads: Download[] = [];
  const bodyNotes: ImportNote[] = [];
  const notes: ImportNote[] = [];
  const taken = new Set(['index.md']);
  const saved = new Map<string, string>();
  const get = async (url: string, report: (message: string) => void): Promise<string | undefined> => {
    const absolute = absoluteUrl(url, siteUrl);
    if (!absolute) return void report(`image ${url.slice(0, 80)} is not a web address; not imported`);
    const pending = fetchOnce(absolute);
    if (!pending)
      return void report(
        `image ${absolute} not fetched (--no-fetch); download it next to the article and write ./name`,
      );
    const result = await pending;
    if ('error' in result)
      return void report(
        `image ${absolute} could not be fetched (${result.error}); download it next to the article and write ./name`,
      );
    // The same image twice in a post (in the body and as the featured image) is one file.
    if (saved.has(absolute)) return saved.get(absolute);
    const name = imageFileName(absolute, taken);
    saved.set(absolute, `./${name}`);
    if (!RASTER_EXTENSIONS.includes(extname(name)))
      report(
        `image ${absolute} is ${extname(name) || 'without extension'}, ` +
          `not a format this site publishes; export it as JPEG, PNG or WebP`,
      );
    downloads.push({ name, bytes: result.bytes });
    return `./${name}`;
  };
  for (const { url, line } of imageReferences(post.lines)) {
    if (renamed.has(url)) continue;
    const local = await get(url, (message) => bodyNotes.push({ line, message }));
    if (local) renamed.set(url, local);
  }
  const hero =
    post.featured &&
    (await get(post.featured.url, (message) => notes.push({ line: 0, message: `featured ${message}` })));
  return { renamed, downloads, notes, bodyNotes, hero };
}

/** The author file for an author of the export: the export has their name but no biography. */
function authorFile(name: string, siteTitle: string): string {
  const note = '# Imported from the WordPress export, which has no biography: replace the bio.\n';
  const author = { name, bio: `${name} writes for ${siteTitle || 'this publication'}.` };
  return `${note}${stringify(author, { lineWidth: 0 })}`;
}

export async function importWordPressExport(
  xml: string,
  options: WordPressImportOptions,
): Promise<ImportSummary> {
  const context = siteContext(options.projectRoot, options.context);
  const exported = planWordPressExport(xml, context);
  const summary: ImportSummary = { imported: [], skipped: [], authorsCreated: [] };
  const fetched = new Map<string, Promise<FetchResult>>();
  const fetchOnce = (url: string) => {
    if (!options.fetcher) return undefined;
    if (!fetched.has(url)) fetched.set(url, options.fetcher(url));
    return fetched.get(url);
  };
  const show = (path: string) => relative(options.projectRoot, path).split(sep).join('/');
  // Every post gets its own address first; posts link each other by their old addresses, which become the new ones.
  const articles = exported.posts.filter((post): post is PlannedPost => post.kind === 'article');
  const addresses = new Map(
    claimAddresses(articles.map((post) => ({ slug: post.slug, aliases: post.fields.aliases, line: 0 }))).map(
      (claimed, index) => [articles[index]!, claimed],
    ),
  );
  const links = postLinks(articles.map((post) => ({ path: post.slug, ...addresses.get(post)! })));

  for (const planned of exported.posts) {
    const source = `${options.sourceName}, ${planned.source}`;
    if (planned.kind === 'skipped') {
      summary.skipped.push({ source, reason: planned.reason });
      continue;
    }
    const address = addresses.get(planned)!;
    const post = {
      ...planned,
      slug: address.slug,
      fields: { ...planned.fields, aliases: address.aliases },
      notes: [...planned.notes, ...address.notes],
    };
    if (
      existsSync(join(options.articlesDir, post.slug)) ||
      existsSync(join(options.articlesDir, `${post.slug}.md`))
    ) {
      // Checked before fetching, so a second run fetches nothing for articles it will not write.
      summary.skipped.push({
        source,
        reason: `${join(options.articlesDir, post.slug)} already exists; not overwriting. Rename or remove it first.`,
      });
      continue;
    }
    const images = await fetchImages(post, exported.siteUrl, fetchOnce);
    const notes = [...post.notes, ...images.notes];
    const featured = post.featured;
    const heroImage =
      images.hero && featured
        ? {
            src: images.hero,
            ...(featured.alt ? { alt: featured.alt } : {}),
            ...(featured.caption ? { caption: featured.caption } : {}),
          }
        : undefined;
    if (heroImage && !featured?.alt)
      notes.push({
        line: 0,
        message:
          'the featured image has no alt text in the export; write ' +
          'heroImage.alt (or decorative: true) before the article can build',
      });
    const body = rewriteOldSiteLinks(rewriteImages(post.lines, images.renamed), exported.siteUrl, links)
      .map(({ text }) => text)
      .join('\n');
    const markdown = articleMarkdown({ ...post.fields, heroImage }, body, source, context);
    let target: string;
    try {
      target = writeNewArticle(options.articlesDir, post.slug, markdown);
    } catch (error) {
      if (!(error instanceof ArticleBundleError)) throw error;
      summary.skipped.push({ source, reason: error.message });
      continue;
    }
    for (const { name, bytes } of images.downloads)
      writeFileSync(join(dirname(target), name), bytes, { flag: 'wx' });
    // Body notes point into the new article, where the editor fixes them.
    const bodyStart = markdown.slice(0, markdown.indexOf('\n---\n', 3) + 5).split('\n').length + 1;
    const bodyNotes = [...post.bodyNotes, ...images.bodyNotes]
      .sort((a, b) => a.line - b.line)
      .map((entry) => ({ ...entry, file: show(target), line: bodyStart + entry.line - 1 }));
    summary.imported.push({ source, target, notes: [...notes, ...bodyNotes] });
  }

  for (const author of exported.authors.values()) {
    const file = join(options.projectRoot, 'content/authors', `${author.id}.yaml`);
    if (context.authorIds.has(author.id) || existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, authorFile(author.name, exported.title), { flag: 'wx' });
    summary.authorsCreated!.push(file);
  }
  const others = [...exported.otherItems].map(([type, count]) => `${count} ${type}${count === 1 ? '' : 's'}`);
  if (others.length)
    summary.skipped.push({
      source: options.sourceName,
      reason: `${others.join(', ')}: only posts are imported`,
    });
  return summary;
}
