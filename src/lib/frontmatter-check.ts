/**
 * Checks every article and author file before Astro's content sync, and reports ALL problems
 * of a run together, each as `file:line:col`, the field, what was expected and a fix hint.
 *
 * The schema is passed in (src/integrations/content-check.ts gives it the real one from
 * src/content.config.ts) so this module stays free of Astro's content APIs. Each concern has its
 * own module: one file's YAML and schema (frontmatter-check-file.ts), authors and sections
 * (-references), images (-images), bodies (-body), URL clashes (-urls); this one runs them in order.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { articleFiles, type PublishedFile } from './article-files.ts';
import { articleLinks } from './article-links.ts';
import type { CheckedArticle, CheckedArticleData } from './checked-articles.ts';
import { MAX_PIN_DAYS } from './front-page.ts';
import { checkBody } from './frontmatter-check-body.ts';
import { articleEntries } from './frontmatter-check-entries.ts';
import { featuredPinProblem } from './frontmatter-check-featured.ts';
import { checkFile, type CheckedFile } from './frontmatter-check-file.ts';
import { checkImage } from './frontmatter-check-images.ts';
import type { SchemaIssue } from './frontmatter-check-issues.ts';
import type { ImageToMeasure } from './frontmatter-check-pixels.ts';
import {
  checkAuthors,
  checkSections,
  reportUnknownAuthors,
  reportUnknownSection,
} from './frontmatter-check-references.ts';
import { ProblemReport } from './frontmatter-check-report.ts';
import type { SchemaLike } from './frontmatter-check-schema.ts';
import { reportUrlClashes, urlClaimsOf, type UrlClaim } from './frontmatter-check-urls.ts';
import { readFrontMatter, type FieldPath, type Position } from './frontmatter-check-yaml.ts';
import { articleIdFromPath, SLUG_PATTERN } from './slugs.ts';

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
  safeParse(
    input: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: SchemaIssue[] } };
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
  /**
   * Images that exist where they may be, in a format we publish: their pixels are measured next
   * (frontmatter-check-pixels.ts).
   */
  imagesToMeasure: ImageToMeasure[];
  /**
   * Files in articles' folders that bodies link to, checked: published next to the pages
   * (src/integrations/article-files.ts).
   */
  linkedFiles: PublishedFile[];
}

const ARTICLE_DATE_FIELDS: FieldPath[] = [
  ['pubDate'],
  ['updatedDate'],
  ['expires'],
  ['source', 'originalPubDate'],
  ['featured', 'until'],
];

/**
 * An article that passed far enough to have an id, with what later steps read of it; not its parsed
 * front matter, which would be kept for every article of the archive at once.
 */
interface ArticleInCheck {
  article: CheckedArticle;
  /** Its slug and aliases, where they are written. */
  urlClaims: UrlClaim[];
  /** The markdown body; '' for a body too costly to parse, whose links are not read. */
  body: string;
  /** The line of the body's first line in the file. */
  bodyLine: number;
}

/** What an article's references are checked against. */
interface Known {
  authorIds: string[];
  /** Undefined when content/sections.yaml does not exist: any section is accepted then. */
  sectionSlugs: string[] | undefined;
}

export function checkContent(options: ContentCheckOptions): ContentCheckResult {
  const report = new ProblemReport(options.root);
  const imagesToMeasure: ImageToMeasure[] = [];
  // Authors and sections first: articles refer to them.
  const known: Known = {
    authorIds: checkAuthors(report, options, imagesToMeasure),
    sectionSlugs: options.sections && checkSections(report, options.sections),
  };
  const articles = articleEntries(options.articlesDir).flatMap(
    (entry) => checkArticle(report, options, known, entry, imagesToMeasure) ?? [],
  );
  reportUrlClashes(
    report,
    articles.flatMap(({ urlClaims }) => urlClaims),
  );
  const linkedFiles = checkBodyLinks(report, articles);
  return {
    problems: report.sorted(),
    articles: articles.map(({ article }) => article),
    imagesToMeasure,
    linkedFiles,
  };
}

/** Checks one article file: front matter, references, images, body and URL slug. */
function checkArticle(
  report: ProblemReport,
  options: ContentCheckOptions,
  known: Known,
  entry: string,
  toMeasure: ImageToMeasure[],
): ArticleInCheck | undefined {
  const file = join(options.articlesDir, entry);
  const checked = checkFile(report, file, options.articleSchema, ARTICLE_DATE_FIELDS);
  const imageFolders = [entry.includes('/') ? dirname(file) : options.articlesDir, options.assetsDir];
  if (!checked) {
    // Front matter that cannot be read as data: its body's problems are listed all the same, in this round.
    checkBody(report, file, readFrontMatter(readFileSync(file, 'utf8')), imageFolders, toMeasure);
    return undefined;
  }
  const { frontMatter, data } = checked;
  reportUnknownAuthors(report, file, frontMatter, data.authors, known.authorIds);
  if (known.sectionSlugs) reportUnknownSection(report, file, frontMatter, data.section, known.sectionSlugs);
  const hero = data.heroImage as { src?: unknown } | undefined;
  if (typeof hero?.src === 'string') {
    const image = {
      file,
      position: frontMatter.positionOf(['heroImage', 'src']),
      field: 'heroImage.src',
      url: hero.src,
    };
    checkImage(report, image, imageFolders, toMeasure);
  }
  const bodyReadable = checkBody(report, file, frontMatter, imageFolders, toMeasure);
  reportSyndicatedWithoutUrl(report, file, checked);
  reportPinProblem(report, file, checked);
  const article = checkedArticle(report, file, entry, checked);
  return {
    article,
    urlClaims: urlClaimsOf(article, frontMatter),
    body: bodyReadable ? frontMatter.body : '',
    bodyLine: frontMatter.bodyLine,
  };
}

function reportSyndicatedWithoutUrl(report: ProblemReport, file: string, { data, frontMatter }: CheckedFile) {
  const source = data.source as { relationship?: unknown; url?: unknown } | undefined;
  if (source?.relationship !== 'syndicated' || source.url !== undefined) return;
  report.add(file, frontMatter.positionOf(['source']), {
    field: 'source.url',
    message: 'syndicated article without source.url: readers cannot reach the original',
    hint: 'add `url:` under source with the address of the original when you know it',
    severity: 'warning',
  });
}

function reportPinProblem(report: ProblemReport, file: string, { parsed, frontMatter }: CheckedFile) {
  const pin = parsed && featuredPinProblem(parsed);
  if (!pin) return;
  report.add(file, frontMatter.positionOf(['featured', 'until']), {
    field: 'featured.until',
    ...pin,
    expected: `a moment after pubDate, at most ${MAX_PIN_DAYS} days later`,
  });
}

/** The article with its URL slug (from `slug:` or its file name, reported when that is no slug). */
function checkedArticle(
  report: ProblemReport,
  file: string,
  entry: string,
  checked: CheckedFile,
): CheckedArticle {
  const { data, source } = checked;
  const id = typeof data.slug === 'string' ? data.slug : articleIdFromPath(entry);
  if (typeof data.slug !== 'string' && !SLUG_PATTERN.test(id)) {
    report.add(
      file,
      { line: 1, column: 1 },
      {
        field: '(file name)',
        message: `the file name gives the URL slug "${id}", which is not a valid slug`,
        hint:
          'rename the file or folder to lowercase letters, digits and hyphens (e.g. my-article), ' +
          'or set `slug:`',
        expected: 'lowercase letters, digits and single hyphens',
      },
    );
  }
  // checked.parsed is the article schema's output (options.articleSchema, from content-check.ts).
  const parsed = checked.parsed as CheckedArticleData | undefined;
  return { file, id, data, parsed, sourceDigest: createHash('sha256').update(source).digest('base64url') };
}

/** Reports links in bodies to articles or files that do not exist; returns the files they link to. */
function checkBodyLinks(report: ProblemReport, articles: ArticleInCheck[]): PublishedFile[] {
  const links = articleLinks(
    articles.map(({ article, body }) => ({
      id: article.id,
      aliases: Array.isArray(article.data.aliases)
        ? article.data.aliases.filter((alias): alias is string => typeof alias === 'string')
        : [],
      body,
    })),
  );
  const linkedFiles = articleFiles(
    articles.map(({ article }) => article),
    links.files,
  );
  for (const [field, found] of [
    ['(body link)', links.problems],
    ['(linked file)', linkedFiles.problems],
  ] as const) {
    found.forEach((problems, index) => {
      const { article, bodyLine } = articles[index]!;
      for (const { line, column, message, hint } of problems) {
        report.add(article.file, { line: bodyLine + line - 1, column }, { field, message, hint });
      }
    });
  }
  return linkedFiles.files;
}
