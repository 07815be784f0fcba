/**
 * Checks every article's and author's front matter before Astro's content sync, in `astro build`,
 * `astro dev`, `astro check` and `astro sync` (all run `astro:config:setup` first), so editors get
 * every problem of a run at once as `file:line:col` with a fix hint instead of one crash at a time.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { articleSchema, authorSchema } from '../content.config.ts';
import { checkContent, type CheckedArticle, type ContentCheckResult, type Problem, type ValidatingSchema } from '../lib/frontmatter-check.ts';
import { formatProblem, summary } from '../lib/frontmatter-check-format.ts';
import { buildNow, draftsIncluded, hasPage, publicationState } from '../lib/publication.ts';
import { mayHaveRawHtml, mayShowImages, renderArticle } from '../markdown/render-article.ts';

/** image() as the checker sees it: the written path, which the checker resolves and looks for itself. */
const schemaContext = { image: () => z.string() } as unknown as SchemaContext;

export function checkProjectContent(root: URL): ContentCheckResult {
  const at = (path: string) => fileURLToPath(new URL(path, root));
  return checkContent({
    root: fileURLToPath(root),
    articlesDir: at('content/articles/'),
    authorsDir: at('content/authors/'),
    assetsDir: at('content/assets/'),
    articleSchema: articleSchema(schemaContext) as unknown as ValidatingSchema,
    authorSchema: authorSchema(schemaContext) as unknown as ValidatingSchema,
  });
}

/**
 * Renders the bodies that may show images, so that a missing, unreadable or oversized image (or
 * one without alt text) is listed with the other problems before Astro bundles the images: its
 * own error for a broken image names the image but not the article. Files that already failed
 * the check are skipped; bodies without images cost nothing here.
 * Bodies with raw HTML are rendered too: whatever the sanitizer removed from them is listed as a
 * warning (src/markdown/rehype-sanitize-report.ts), so nothing disappears without a word.
 */
export async function bodyImageProblems({ articles, problems }: ContentCheckResult, root: string): Promise<Problem[]> {
  const failing = new Set(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file));
  const found: Problem[] = [];
  for (const { file } of articles) {
    const relativeFile = relative(root, file).split(sep).join('/');
    const source = failing.has(relativeFile) ? '' : readFileSync(file, 'utf8');
    if (!mayShowImages(source) && !mayHaveRawHtml(source)) continue;
    try {
      const { facts } = await renderArticle(file, source);
      for (const { line, column, message, fix } of facts.removed) {
        found.push({ severity: 'warning', file: relativeFile, line, column, field: '(body)', message: `the sanitizer ${message}`, hint: fix });
      }
    } catch (error) {
      // rehype-article-images fails with "file:line:col: what is wrong. How to fix it."
      const { line, column, reason, message } = error as { line?: number; column?: number; reason?: string; message: string };
      const said = (reason ?? message).replace(/^\S+:\d+:\d+: /, '');
      found.push({ severity: 'error', file: relativeFile, line: line ?? 1, column: column ?? 1, field: '(body)', message: said, hint: '' });
    }
  }
  return found;
}

/** Logs warnings, then errors; returns how many errors there were. */
function reportProblems(problems: Problem[], logger: AstroIntegrationLogger): number {
  const errors = problems.filter((problem) => problem.severity === 'error');
  for (const warning of problems.filter((problem) => problem.severity === 'warning')) logger.warn(formatProblem(warning));
  for (const error of errors) logger.error(formatProblem(error));
  return errors.length;
}

const dateOf = (value: unknown) => (value === undefined ? undefined : new Date(String(value)));

/** The checked articles that get a page in a build run by `command`, by the rules src/data/articles.ts applies. */
function withPages(articles: CheckedArticle[], command: string): CheckedArticle[] {
  const now = buildNow(process.env);
  const includeDrafts = draftsIncluded(process.env, command === 'dev');
  return articles.filter(({ data }) => {
    const state = publicationState({ pubDate: dateOf(data.pubDate)!, expires: dateOf(data.expires), draft: data.draft === true }, now);
    return hasPage(state, includeDrafts);
  });
}

export interface CheckedContent {
  /** Every article the check read, valid or not. */
  articles(): CheckedArticle[];
  /** Those that get a page in a build run by `command` (build, dev). */
  articlesWithPages(command: string): CheckedArticle[];
}

/** The integration, plus the articles it checked, for integrations that run after it (redirects, link check, cards). */
export default function contentCheck(): AstroIntegration & CheckedContent {
  let checked: CheckedArticle[] = [];
  return {
    name: 'wirepress:content-check',
    articles: () => checked,
    articlesWithPages: (command) => withPages(checked, command),
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        // `astro preview` only serves dist/, which a checked build already made.
        if (command === 'preview') return;
        const result = checkProjectContent(config.root);
        checked = result.articles;
        const problems = [...result.problems, ...(await bodyImageProblems(result, fileURLToPath(config.root)))];
        if (reportProblems(problems, logger) === 0) return;
        const error = new AstroError(summary(problems), 'Fix the problems listed above (file:line:column, field, expected, fix), then run the command again.');
        // The list above is the useful part; a stack trace into this file would only bury it.
        error.stack = '';
        throw error;
      },
      // While `astro dev` runs, each saved article or author file is checked again and its
      // problems are logged (the server keeps running so the editor can fix them).
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const contentDir = fileURLToPath(new URL('content/', pathToFileURL(`${root}/`)));
        const recheck = async (path: string) => {
          if (!path.startsWith(contentDir)) return;
          const result = checkProjectContent(pathToFileURL(`${root}/`));
          checked = result.articles;
          // Every error still open anywhere (a clash can involve other files), but only the saved file's warnings.
          const saved = relative(root, path).split(sep).join('/');
          // The saved article's body too: its images, and what the sanitizer removed from it.
          const body = await bodyImageProblems({ ...result, articles: result.articles.filter(({ file }) => file === path) }, root);
          const errorCount = reportProblems([...result.problems.filter((problem) => problem.severity === 'error' || problem.file === saved), ...body], logger);
          if (errorCount > 0) logger.error(summary([...result.problems, ...body]));
          else logger.info(`${saved}: front matter OK`);
        };
        const report = (path: string) => void recheck(path).catch((error: Error) => logger.error(`${relative(root, path)}: ${error.message}`));
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, report);
      },
    },
  };
}
