/**
 * Checks every article and author file before Astro's content sync, and reports ALL problems
 * of a run together, each as `file:line:col`, the field, what was expected and a fix hint.
 *
 * The schema is passed in (src/integrations/content-check.ts gives it the real one from
 * src/content.config.ts) so this module stays free of Astro imports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { instantProblem } from './frontmatter-check-dates.ts';
import { featuredPinProblem } from './frontmatter-check-featured.ts';
import { MAX_PIN_DAYS } from './front-page.ts';
import { articleFiles, type PublishedFile } from './article-files.ts';
import { articleLinks } from './article-links.ts';
import type { CheckedArticle, CheckedArticleData } from './checked-articles.ts';
import { checkLimits } from './body-limits.ts';
import { bodyImageReferences, imageFileProblem, isLocalReference } from './frontmatter-check-images.ts';
import { closest, describeIssue, fieldName, type SchemaIssue } from './frontmatter-check-issues.ts';
import type { SchemaLike } from './frontmatter-check-schema.ts';
import { readFrontMatter, type FieldPath, type FrontMatter, type Position } from './frontmatter-check-yaml.ts';
import type { ImageToMeasure } from './frontmatter-check-pixels.ts';
import { tagSlugProblems, unsafeTextProblems } from './frontmatter-check-values.ts';
import { articleIdFromPath, slugify, SLUG_PATTERN } from './slugs.ts';
import { ledeFromMarkdown } from './text.ts';
import { RASTER_EXTENSIONS, suggestedFileName } from '../markdown/rehype-article-images.ts';

export interface Problem extends Position {
  severity: 'error' | 'warning';
  /** Path relative to the project root, with forward slashes. */
  file: string;
  field: string;
  message: string;
  expected?: string | undefined;
  hint: string;
}

export interface ValidatingSchema extends SchemaLike {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: { issues: SchemaIssue[] } };
}

export interface ContentCheckOptions {
  root: string;
  articlesDir: string;
  authorsDir: string;
  /** Shared images any article may use, e.g. content/assets/. */
  assetsDir: string;
  /** The schemas, built with an image() that accepts the written path as a string. */
  articleSchema: ValidatingSchema;
  authorSchema: ValidatingSchema;
  /** content/sections.yaml and its schema: when the file exists, articles must use a declared section. */
  sections?: { file: string; schema: ValidatingSchema } | undefined;
}

export interface ContentCheckResult {
  problems: Problem[];
  articles: CheckedArticle[];
  /** Images that exist where they may be, in a format we publish: their pixels are measured next (frontmatter-check-pixels.ts). */
  imagesToMeasure: ImageToMeasure[];
  /** Files in articles' folders that bodies link to, checked: published next to the pages (src/integrations/article-files.ts). */
  linkedFiles: PublishedFile[];
}

const ARTICLE_DATE_FIELDS = ['pubDate', 'updatedDate', 'expires', 'source.originalPubDate', 'featured.until'];

const listFiles = (dir: string, accept: (name: string) => boolean): string[] => {
  try {
    return readdirSync(dir).filter(accept).sort();
  } catch {
    return [];
  }
};

/** content/articles/*.md and content/articles/<folder>/index.md, as the glob loader sees them. */
export function articleEntries(articlesDir: string): string[] {
  // Like the glob loader, hidden files and folders (.drafts/, .DS_Store) are not articles.
  return listFiles(articlesDir, (name) => !name.startsWith('.')).flatMap((name) => {
    const path = join(articlesDir, name);
    if (statSync(path).isDirectory()) return listFiles(path, (file) => file === 'index.md').map((file) => `${name}/${file}`);
    return name.endsWith('.md') ? [name] : [];
  });
}

const toPath = (field: string): FieldPath => field.split('.');

/** The key a YAML error belongs to (`title`, not `title[0]` for an unclosed `[`), when there is one. */
function yamlKey(field: FieldPath | undefined): string | undefined {
  const key = field?.slice(0, field.findLastIndex((step) => typeof step === 'string') + 1);
  return key?.length ? fieldName(key) : undefined;
}

/** A headline to suggest for a missing or empty title: the body's first sentence, as plain text. */
function headlineHint(body: string): string | undefined {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(ledeFromMarkdown(body, 90))?.[0] ?? ledeFromMarkdown(body, 90);
  const headline = sentence.replace(/[.…]$/, '').replace(/"/g, "'");
  return headline ? `add a headline, e.g. \`title: "${headline}"\` (from the first paragraph; say it your own way)` : undefined;
}

export function checkContent(options: ContentCheckOptions): ContentCheckResult {
  const problems: Problem[] = [];
  const relativeFile = (file: string) => relative(options.root, file).split(sep).join('/');
  const report = (file: string, position: Position, field: string, message: string, hint: string, expected?: string, severity: Problem['severity'] = 'error') =>
    problems.push({ severity, file: relativeFile(file), ...position, field, message, expected, hint });

  /** Parses and validates one file; undefined when it could not be read as data. */
  function checkFile(
    file: string,
    schema: ValidatingSchema,
    dateFields: string[],
  ): { frontMatter: FrontMatter; data: Record<string, unknown>; parsed?: Record<string, unknown>; source: string } | undefined {
    const problemsBefore = problems.length;
    const source = readFileSync(file, 'utf8');
    const frontMatter = readFrontMatter(source, /\.ya?ml$/.test(file));
    if (!frontMatter.document) {
      report(file, { line: 1, column: 1 }, '(front matter)', 'the file has no front matter', 'start the file with a line `---`, the fields, and another line `---`', 'front matter between --- lines');
      return undefined;
    }
    for (const error of frontMatter.syntaxErrors) {
      if (error.code === 'DUPLICATE_KEY') {
        const key = error.lineText.replace(/:.*$/, '').trim();
        report(file, error.position, key, `"${key}" is written twice`, 'keep one of them and delete the other');
      } else if (error.code === 'TAG_RESOLVE_FAILED') {
        report(file, error.position, error.field ? fieldName(error.field) : '(YAML tag)', `YAML tags are not allowed: ${error.message}`, 'remove the tag (the word starting with ! before the value) and write the value as plain text');
      } else if (error.lineText.includes('\t')) {
        report(file, error.position, yamlKey(error.field) ?? '(YAML syntax)', `YAML syntax error: this line contains a tab`, 'replace the tab with spaces: YAML indents with spaces only');
      } else {
        report(file, error.position, yamlKey(error.field) ?? '(YAML syntax)', `YAML syntax error: ${error.message}`, 'check quotes, colons and indentation on this line; text containing ": " or starting with a quote needs to be wrapped in quotes');
      }
    }
    for (const position of frontMatter.keysNamed('__proto__')) {
      report(file, position, '__proto__', 'the key "__proto__" is not allowed', 'remove this key; it is not a front-matter field');
    }
    if (problems.length > problemsBefore) return undefined;

    let data: unknown;
    try {
      // `yaml` refuses documents that expand aliases past maxAliasCount (billion laughs) here.
      data = frontMatter.document.toJS();
    } catch (error) {
      report(file, { line: 1, column: 1 }, '(YAML aliases)', `the front matter could not be read: ${(error as Error).message}`, 'write each value out instead of repeating it with YAML anchors (&name) and aliases (*name)');
      return undefined;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      report(file, { line: 1, column: 1 }, '(front matter)', 'the front matter is not a list of fields', 'write one `field: value` per line');
      return undefined;
    }

    const datePaths = [
      ...dateFields.map(toPath),
      ...((data as { corrections?: unknown }).corrections instanceof Array ? (data as { corrections: unknown[] }).corrections.map((_, index) => ['corrections', index, 'date']) : []),
    ];
    const badDates = new Set<string>();
    for (const path of datePaths) {
      const raw = frontMatter.rawScalar(path);
      const problem = raw === undefined ? undefined : instantProblem(raw);
      if (problem) {
        badDates.add(fieldName(path));
        report(file, frontMatter.positionOf(path), fieldName(path), problem.message, problem.hint, 'a date-time with timezone offset');
      }
    }

    // Refused characters are reported at the character, with its code point, instead of the schema's general message.
    const badText = new Set<string>();
    for (const problem of [...unsafeTextProblems(frontMatter), ...tagSlugProblems(data as Record<string, unknown>, frontMatter)]) {
      badText.add(fieldName(problem.path));
      report(file, problem.position, fieldName(problem.path), problem.message, problem.hint, problem.expected);
    }

    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        for (const problem of describeIssue(issue, schema, frontMatter)) {
          const name = fieldName(problem.path);
          if (badDates.has(name) || badText.has(name)) continue;
          const hint = name === 'title' ? (headlineHint(frontMatter.body) ?? problem.hint) : problem.hint;
          report(file, frontMatter.positionOf(problem.path), name, problem.message, hint, problem.expected);
        }
      }
    }
    return { frontMatter, data: data as Record<string, unknown>, parsed: result.success ? (result.data as Record<string, unknown>) : undefined, source };
  }

  function checkImage(file: string, position: Position, field: string, url: string, folders: string[]) {
    const problem = imageFileProblem(file, url, folders);
    if (problem?.kind === 'format') {
      const svg = problem.extension === '.svg';
      report(
        file,
        position,
        field,
        `the image "${url}" is ${svg ? 'an SVG, which is not published: an SVG can carry script that would run on this site' : `not in a format we publish (${problem.extension || 'no extension'})`}`,
        svg ? 'export it as PNG (drawings, charts) or JPEG (photos) and write the new file name' : 'export it as JPEG, PNG, WebP or AVIF and write the new file name',
        RASTER_EXTENSIONS.join(', '),
      );
    } else if (!problem) {
      imagesToMeasure.push({ file: relativeFile(file), path: resolve(dirname(file), decodedPath(url)), position, field, url });
    } else if (problem?.kind === 'outside') {
      const where = isLocalReference(url) ? "is outside the article's folder" : "is not a file in the article's folder (a remote or site-absolute address)";
      report(file, position, field, `the image "${url}" ${where}`, `download or move the image next to the article (or into content/assets/) and write "${suggestedFileName(url)}"`, "a file in the article's folder or content/assets/");
    } else if (problem?.kind === 'missing') {
      report(file, position, field, `the image "${url}" does not exist (looked for ${relativeFile(problem.resolved)})`, 'check the file name and its case, or add the image file next to the article');
    }
  }

  const imagesToMeasure: ImageToMeasure[] = [];

  /**
   * The body's size and nesting limits, then every local image it shows (markdown, `<img>`,
   * `<source srcset>`). Returns false for a body too costly to parse, whose links are not read.
   */
  function checkBody(file: string, frontMatter: FrontMatter, imageFolders: string[]): boolean {
    // Parsing a hostile body can hang or overflow the stack: measure it before parsing it.
    const tooCostly = checkLimits(frontMatter.body);
    if (tooCostly) {
      report(file, { line: frontMatter.bodyLine + (tooCostly.line ?? 1) - 1, column: 1 }, '(body)', tooCostly.message, tooCostly.hint);
      return false;
    }
    for (const image of bodyImageReferences(frontMatter.body)) {
      const position = { line: frontMatter.bodyLine + image.line - 1, column: image.column };
      checkImage(file, position, '(body image)', image.url, imageFolders);
      if (image.inSourceSrcset) {
        report(file, position, '(body image)', `the <source srcset> image "${image.url}" is not published: <picture> and <source> are removed, only the <img> inside is kept`, 'delete the <source> element (the site makes its own sizes and formats of the <img>)', undefined, 'warning');
      }
    }
    return true;
  }

  /** Checks the sections file; returns its slugs, or undefined when sections are not declared (no file). */
  function checkSections({ file, schema }: { file: string; schema: ValidatingSchema }): string[] | undefined {
    if (!existsSync(file)) return undefined;
    const checked = checkFile(file, schema, []);
    const sections = Array.isArray(checked?.data.sections) ? (checked.data.sections as { slug?: unknown }[]) : [];
    const seen = new Map<string, number>();
    sections.forEach((section, index) => {
      if (typeof section?.slug !== 'string') return;
      const first = seen.get(section.slug);
      if (first === undefined) seen.set(section.slug, index);
      else report(file, checked!.frontMatter.positionOf(['sections', index, 'slug']), `sections[${index}].slug`, `the section "${section.slug}" is listed twice (first as sections[${first}])`, 'keep one of them and delete the other');
    });
    return [...seen.keys()];
  }

  // Authors first: articles refer to them.
  const authorFiles = listFiles(options.authorsDir, (name) => !name.startsWith('.') && /\.(md|ya?ml)$/.test(name));
  const authorIds = authorFiles.map((name) => name.replace(/\.(md|ya?ml)$/, ''));
  for (const name of authorFiles) {
    const file = join(options.authorsDir, name);
    const id = name.replace(/\.(md|ya?ml)$/, '');
    if (!SLUG_PATTERN.test(id)) {
      report(file, { line: 1, column: 1 }, '(file name)', `the file name gives the author id "${id}", which is not a valid id for the author's page URL`, `rename the file to lowercase letters, digits and hyphens, e.g. ${slugify(id) || 'amara-okafor'}${name.slice(id.length)}, and use that id in articles' authors:`, 'lowercase letters, digits and single hyphens');
    }
    const checked = checkFile(file, options.authorSchema, []);
    if (checked && typeof checked.data.avatar === 'string') {
      checkImage(file, checked.frontMatter.positionOf(['avatar']), 'avatar', checked.data.avatar, [options.authorsDir, options.assetsDir]);
    }
  }

  const sectionSlugs = options.sections && checkSections(options.sections);

  const articles: CheckedArticle[] = [];
  const frontMatters = new Map<CheckedArticle, FrontMatter>();
  /** Articles whose bodies are too costly to parse: their links are not read. */
  const tooCostly = new Set<CheckedArticle>();
  for (const entry of articleEntries(options.articlesDir)) {
    const file = join(options.articlesDir, entry);
    const checked = checkFile(file, options.articleSchema, ARTICLE_DATE_FIELDS);
    const imageFolders = [entry.includes('/') ? dirname(file) : options.articlesDir, options.assetsDir];
    if (!checked) {
      // Front matter that cannot be read as data: its body's problems are listed all the same, in this round.
      checkBody(file, readFrontMatter(readFileSync(file, 'utf8')), imageFolders);
      continue;
    }
    const { frontMatter, data } = checked;

    const authors = Array.isArray(data.authors) ? data.authors : [];
    authors.forEach((author, index) => {
      if (typeof author !== 'string' || authorIds.includes(author)) return;
      const suggestion = closest(author, authorIds);
      report(
        file,
        frontMatter.positionOf(['authors', index]),
        `authors[${index}]`,
        `unknown author "${author}"`,
        suggestion ? `did you mean "${suggestion}"?` : `add content/authors/${author}.yaml (name and bio), or use one of: ${authorIds.join(', ') || '(no authors yet)'}`,
        'the name of a file in content/authors/ without its extension',
      );
    });

    if (sectionSlugs && typeof data.section === 'string' && !sectionSlugs.includes(data.section)) {
      const suggestion = closest(data.section, sectionSlugs);
      report(
        file,
        frontMatter.positionOf(['section']),
        'section',
        `unknown section "${data.section}"`,
        suggestion ? `did you mean "${suggestion}"?` : `use one of: ${sectionSlugs.join(', ') || '(none yet)'}, or add the section to content/sections.yaml`,
        'a slug listed in content/sections.yaml',
      );
    }

    const hero = data.heroImage as { src?: unknown } | undefined;
    if (typeof hero?.src === 'string') checkImage(file, frontMatter.positionOf(['heroImage', 'src']), 'heroImage.src', hero.src, imageFolders);
    const bodyReadable = checkBody(file, frontMatter, imageFolders);

    const source = data.source as { relationship?: unknown; url?: unknown } | undefined;
    if (source?.relationship === 'syndicated' && source.url === undefined) {
      report(
        file,
        frontMatter.positionOf(['source']),
        'source.url',
        'syndicated article without source.url: readers cannot reach the original',
        'add `url:` under source with the address of the original when you know it',
        undefined,
        'warning',
      );
    }

    const pin = checked.parsed && featuredPinProblem(checked.parsed);
    if (pin) report(file, frontMatter.positionOf(['featured', 'until']), 'featured.until', pin.message, pin.hint, `a moment after pubDate, at most ${MAX_PIN_DAYS} days later`);

    const id = typeof data.slug === 'string' ? data.slug : articleIdFromPath(entry);
    if (typeof data.slug !== 'string' && !SLUG_PATTERN.test(id)) {
      report(file, { line: 1, column: 1 }, '(file name)', `the file name gives the URL slug "${id}", which is not a valid slug`, 'rename the file or folder to lowercase letters, digits and hyphens (e.g. my-article), or set `slug:`', 'lowercase letters, digits and single hyphens');
    }
    // checked.parsed is the article schema's output (options.articleSchema, from content-check.ts).
    const parsed = checked.parsed as CheckedArticleData | undefined;
    const article = { file, id, data, parsed, sourceDigest: createHash('sha256').update(checked.source).digest('base64url') };
    articles.push(article);
    frontMatters.set(article, frontMatter);
    if (!bodyReadable) tooCostly.add(article);
  }

  for (const claimants of urlClaims(articles, frontMatters)) {
    for (const claim of claimants) {
      const others = claimants.filter((other) => other.article !== claim.article || other.position !== claim.position).map((other) => relativeFile(other.article.file));
      report(
        claim.article.file,
        claim.position,
        claim.field,
        `the URL /articles/${claim.slug}/ is also claimed by ${[...new Set(others)].join(', ')}`,
        'give one of them a different `slug:` (or rename its file or folder), or remove the clashing alias',
        'a URL slug no other article uses',
      );
    }
  }
  const linked = articles.map((article) => ({
    id: article.id,
    aliases: Array.isArray(article.data.aliases) ? article.data.aliases.filter((alias): alias is string => typeof alias === 'string') : [],
    body: tooCostly.has(article) ? '' : frontMatters.get(article)!.body,
  }));
  const links = articleLinks(linked);
  const linkedFiles = articleFiles(articles, links.files);
  for (const [field, found] of [['(body link)', links.problems], ['(linked file)', linkedFiles.problems]] as const) {
    found.forEach((list, index) => {
      const article = articles[index]!;
      for (const problem of list) {
        report(article.file, { line: frontMatters.get(article)!.bodyLine + problem.line - 1, column: problem.column }, field, problem.message, problem.hint);
      }
    });
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, articles, imagesToMeasure, linkedFiles: linkedFiles.files };
}

const decodedPath = (url: string) => {
  const path = url.trim().replace(/[?#].*$/, '');
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
};

interface UrlClaim {
  article: CheckedArticle;
  field: string;
  slug: string;
  position: Position;
}

/** Groups of two or more claims on one URL (article slugs and aliases), compared case-insensitively. */
function urlClaims(articles: CheckedArticle[], frontMatters: Map<CheckedArticle, FrontMatter>): UrlClaim[][] {
  const claims = new Map<string, UrlClaim[]>();
  for (const article of articles) {
    const frontMatter = frontMatters.get(article)!;
    const ownField = typeof article.data.slug === 'string' ? 'slug' : '(file name)';
    const own: UrlClaim = { article, field: ownField, slug: article.id, position: ownField === 'slug' ? frontMatter.positionOf(['slug']) : { line: 1, column: 1 } };
    const aliases = Array.isArray(article.data.aliases) ? article.data.aliases : [];
    const aliasClaims = aliases.flatMap((alias, index): UrlClaim[] =>
      typeof alias === 'string' ? [{ article, field: `aliases[${index}]`, slug: alias, position: frontMatter.positionOf(['aliases', index]) }] : [],
    );
    for (const claim of [own, ...aliasClaims]) {
      const key = claim.slug.toLowerCase();
      claims.set(key, [...(claims.get(key) ?? []), claim]);
    }
  }
  return [...claims.values()].filter((group) => group.length > 1);
}
