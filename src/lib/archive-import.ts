/**
 * Imports a folder of markdown posts (Jekyll, Hugo, Eleventy) into content/articles/: walks the
 * folder, plans each post (src/lib/archive-markdown.ts), copies the images it shows into the new
 * article folder, keeps the old site's heading ids where they differ (src/lib/archive-heading-ids.ts),
 * writes the article (never over an existing one, src/lib/article-bundle.ts) and returns the summary:
 * imported, needs attention (with file, line and reason), skipped (and why).
 */
import { copyFileSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import {
  articleMarkdown,
  type ArchiveContext,
  type ArticleFields,
  type ImportNote,
} from './archive-article.ts';
import { oldHeadingIdRule, withOldHeadingIds } from './archive-heading-ids.ts';
import { fileReferences, rewriteFileLinks } from './archive-files.ts';
import { imageFileName, imageReferences, rewriteImages } from './archive-images.ts';
import { claimAddresses, postLinks, rewriteSiteLinks } from './archive-links.ts';
import { planMarkdownPost, type PlannedArticle } from './archive-markdown.ts';
import { ArticleBundleError, writeNewArticle } from './article-bundle.ts';
import { declaredSections } from './sections.ts';
import { RASTER_EXTENSIONS } from '../markdown/rehype-article-images.ts';

export interface ImportedArticle {
  source: string;
  target: string;
  notes: ImportNote[];
}

export interface ImportSummary {
  imported: ImportedArticle[];
  skipped: { source: string; reason: string }[];
  /** Author files the importer wrote (content/authors/<id>.yaml), whose bio an editor writes. */
  authorsCreated?: string[];
}

/** Folders that hold a generator's output or tools, never posts. */
const NOT_POSTS = new Set([
  'node_modules',
  '_site',
  'public',
  'resources',
  '.git',
  '_layouts',
  '_includes',
  'layouts',
  'themes',
]);
/** Files that mark a site's root, where site-absolute image paths (`/assets/x.png`) start. */
const SITE_MARKERS = [
  '_config.yml',
  '_config.yaml',
  '_config.toml',
  'hugo.toml',
  'hugo.yaml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  '.eleventy.js',
  'eleventy.config.js',
  'eleventy.config.mjs',
  'eleventy.config.cjs',
];

/** The site's root for a folder of posts: the nearest folder up with a generator's config, else the folder's parent. */
export function siteRootOf(folder: string): string {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    if (SITE_MARKERS.some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) return dirname(resolve(folder));
  }
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return NOT_POSTS.has(entry.name) ? [] : markdownFiles(path);
      return /\.(md|markdown)$/i.test(entry.name) ? [path] : [];
    });
}

const isInside = (path: string, dir: string) =>
  path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);

/**
 * The file an image address in a post means: relative to the post's folder, or, site-absolute,
 * under the site's root or the folder its generator copies as it is: static/ (Hugo, Zola), public/
 * (Eleventy's passthrough, Ember, Next.js, Astro; the Ember blog's 266 images), src/. Undefined when
 * it is not there; nothing outside the site's root is read.
 */
export function locateImage(url: string, postDir: string, siteRoot: string): string | undefined {
  let path = url.split(/[?#]/)[0]!;
  try {
    path = decodeURI(path);
  } catch {
    return undefined;
  }
  const candidates = path.startsWith('/')
    ? [siteRoot, ...['static', 'public', 'src'].map((dir) => join(siteRoot, dir)), postDir].map((dir) =>
        join(dir, path),
      )
    : [resolve(postDir, path)];
  return candidates.find((file) => isInside(file, siteRoot) && existsSync(file) && statSync(file).isFile());
}

export interface MarkdownImportOptions {
  /** The site's project root: its content/sections.yaml and content/authors/ are read. */
  projectRoot: string;
  /** Where articles are written (content/articles). */
  articlesDir: string;
  /** Where site-absolute image paths start; found from the generator's config when left out. */
  siteRoot?: string | undefined;
  context: Omit<ArchiveContext, 'sections' | 'authorIds'>;
}

/** The site's sections and author ids, for the importers' mapping. */
export function siteContext(projectRoot: string, context: MarkdownImportOptions['context']): ArchiveContext {
  const authorsDir = join(projectRoot, 'content/authors');
  const authorIds = existsSync(authorsDir)
    ? readdirSync(authorsDir)
        .filter((name) => /\.(md|ya?ml)$/.test(name))
        .map((name) => name.replace(/\.(md|ya?ml)$/, ''))
    : [];
  return { ...context, sections: declaredSections(projectRoot), authorIds: new Set(authorIds) };
}

/** Copies the post's local images and linked files next to the article and gives each its new `./name`. */
function planImages(plan: PlannedArticle, postDir: string, siteRoot: string) {
  const renamed = new Map<string, string>();
  const copies: { from: string; name: string }[] = [];
  const notes: ImportNote[] = [];
  const taken = new Set<string>(['index.md']);
  for (const { url, line } of [...imageReferences(plan.lines), ...(plan.hero ? [plan.hero] : [])]) {
    if (renamed.has(url)) continue;
    if (/^(?:https?:)?\/\//i.test(url)) {
      notes.push({
        line,
        message: `image ${url} is on another site; download it next to the article and write ./name`,
      });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      notes.push({ line, message: `image ${url.slice(0, 60)} is not a file; not imported` });
      continue;
    }
    const file = locateImage(url, postDir, siteRoot);
    if (!file) {
      notes.push({
        line,
        message: `image ${url} was not found in the post's folder or the site; not copied`,
      });
      continue;
    }
    const name = imageFileName(file, taken);
    if (!RASTER_EXTENSIONS.includes(extname(name)))
      notes.push({
        line,
        message:
          `image ${url} is ${extname(name) || 'without extension'}, not ` +
          `a format this site publishes; export it as JPEG, PNG or WebP`,
      });
    renamed.set(url, `./${name}`);
    copies.push({ from: file, name });
  }
  // Linked files (report.pdf, a page kept beside the post) go next to the article, the only place served.
  const files = new Map<string, string>();
  for (const { path } of fileReferences(plan.lines)) {
    const file = files.has(path) ? undefined : locateImage(path, postDir, siteRoot);
    if (!file) continue;
    // An image the post also shows (a link to its full size) is copied once.
    const shown = copies.find(({ from }) => from === file);
    const name = shown?.name ?? imageFileName(file, taken);
    files.set(path, `./${name}`);
    if (!shown) copies.push({ from: file, name });
  }
  return { renamed, files, copies, notes };
}

/**
 * The lead image, once its file is copied; without alt text it is listed, since the article cannot build
 * without it.
 */
function heroImage(
  plan: PlannedArticle,
  renamed: ReadonlyMap<string, string>,
  notes: ImportNote[],
): ArticleFields['heroImage'] {
  const src = plan.hero && renamed.get(plan.hero.url);
  if (!plan.hero || !src) return undefined;
  const { alt, caption, line } = plan.hero;
  if (!alt)
    notes.push({
      line,
      message:
        'the lead image has no alt text; write heroImage.alt (or decorative: true) before the article can build',
    });
  return { src, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
}

export function importMarkdownFolder(folder: string, options: MarkdownImportOptions): ImportSummary {
  const root = resolve(folder);
  const siteRoot = resolve(options.siteRoot ?? siteRootOf(root));
  const context = siteContext(options.projectRoot, options.context);
  // Old deep links (`…/lamp.html#the-vote`) keep landing on their heading: see archive-heading-ids.ts.
  const headingIdRule = oldHeadingIdRule(siteRoot);
  const summary: ImportSummary = { imported: [], skipped: [] };
  const posts = markdownFiles(root).map((file) => {
    const source = relative(siteRoot, file).split(sep).join('/');
    return {
      file,
      source,
      post: {
        path: source,
        text: readFileSync(file, 'utf8'),
        inDrafts: source.split('/').includes('_drafts'),
      },
    };
  });
  // A first reading gives every post its address, so that links between posts can point at the new ones.
  const firstReading = posts.flatMap(({ source, post }) => {
    const plan = planMarkdownPost(post, context);
    return plan.kind === 'article'
      ? [{ source, slug: plan.slug, aliases: plan.fields.aliases, line: 1 }]
      : [];
  });
  const addresses = new Map(
    claimAddresses(firstReading).map((claimed, index) => [firstReading[index]!.source, claimed]),
  );
  const links = postLinks(firstReading.map(({ source }) => ({ path: source, ...addresses.get(source)! })));
  for (const { file, source, post } of posts) {
    const planned = planMarkdownPost(post, context, links);
    if (planned.kind === 'skipped') {
      summary.skipped.push({ source, reason: planned.reason });
      continue;
    }
    const address = addresses.get(source)!;
    const plan = {
      ...planned,
      slug: address.slug,
      fields: { ...planned.fields, aliases: address.aliases },
      notes: [...planned.notes, ...address.notes],
    };
    const images = planImages(plan, dirname(file), siteRoot);
    const headings = withOldHeadingIds(plan.lines, headingIdRule);
    const copied = rewriteFileLinks(rewriteImages(headings.lines, images.renamed), images.files);
    const linked = rewriteSiteLinks(copied, links);
    const body = linked.lines.map(({ text }) => text).join('\n');
    let target: string;
    try {
      target = writeNewArticle(
        options.articlesDir,
        plan.slug,
        articleMarkdown(
          { ...plan.fields, heroImage: heroImage(plan, images.renamed, images.notes) },
          body,
          source,
          context,
        ),
      );
    } catch (error) {
      if (!(error instanceof ArticleBundleError)) throw error;
      summary.skipped.push({ source, reason: error.message });
      continue;
    }
    // The article's folder is new, so nothing there can be overwritten; COPYFILE_EXCL makes sure.
    for (const { from, name } of images.copies)
      copyFileSync(from, join(dirname(target), name), constants.COPYFILE_EXCL);
    const notes = [...plan.notes, ...images.notes, ...headings.notes, ...linked.notes];
    notes.sort((a, b) => a.line - b.line);
    summary.imported.push({ source, target, notes });
  }
  return summary;
}

/** The summary as printed: counts, then each article needing attention with its notes, then the skipped files. */
export function formatSummary(summary: ImportSummary, cwd = process.cwd()): string {
  const show = (path: string) => relative(cwd, path).split(sep).join('/');
  const attention = summary.imported.filter(({ notes }) => notes.length);
  const lines = [
    `Imported ${summary.imported.length} (${attention.length} need attention), skipped ${summary.skipped.length}.`,
  ];
  if (summary.imported.length)
    lines.push(
      '',
      'Imported:',
      ...summary.imported.map(({ source, target }) => `  ${show(target)}  (from ${source})`),
    );
  if (attention.length) {
    lines.push('', 'Needs attention:');
    for (const { source, target, notes } of attention) {
      lines.push(
        `  ${show(target)}`,
        ...notes.map(
          ({ line, message, file }) => `    ${file ?? source}${line ? `:${line}` : ''}  ${message}`,
        ),
      );
    }
  }
  if (summary.authorsCreated?.length) {
    lines.push(
      '',
      'Authors created (the export has no biography: write each bio):',
      ...summary.authorsCreated.map((path) => `  ${show(path)}`),
    );
  }
  if (summary.skipped.length)
    lines.push('', 'Skipped:', ...summary.skipped.map(({ source, reason }) => `  ${source}: ${reason}`));
  if (attention.length)
    lines.push('', 'Needs attention, by kind (fix these in bulk first):', ...reasonTally(attention));
  return lines.join('\n');
}

/**
 * The notes counted by kind, most frequent first: an archive of 700 posts gives thousands of notes but a
 * handful of kinds.
 */
function reasonTally(articles: ImportedArticle[]): string[] {
  const counts = new Map<string, number>();
  for (const { message } of articles.flatMap(({ notes }) => notes)) {
    const kind = message
      .replace(/^(featured )?image \S+/, '$1image …')
      .replace(/^(author|tag|category) ".*?" (has|is)/, '$1 "…" $2')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/[^\s"]*[/{][^\s";,)]*/g, '…')
      .replace(/\b\d+\b/g, 'N')
      .replace(/: .*$/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([kind, count]) => `  ${String(count).padStart(5)}  ${kind}`);
}
