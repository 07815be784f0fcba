/**
 * Checks every article's and author's front matter before Astro's content sync, in `astro build`,
 * `astro dev`, `astro check` and `astro sync` (all run `astro:config:setup` first), so editors get
 * every problem of a run at once as `file:line:col` with a fix hint instead of one crash at a time.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { articleSchema, authorSchema, sectionsFileSchema } from '../content.config.ts';
import { SECTIONS_FILE } from '../lib/sections.ts';
import { setCheckedArticles } from '../lib/checked-articles.ts';
import {
  checkContent,
  type ContentCheckResult,
  type Problem,
  type ValidatingSchema,
} from '../lib/frontmatter-check.ts';
import { formatProblem, summary } from '../lib/frontmatter-check-format.ts';
import {
  mayHaveHeadingNotes,
  mayHaveRawHtml,
  mayShowImages,
  renderArticle,
} from '../markdown/render-article.ts';
import type { RenderFacts } from '../markdown/render-facts.ts';
import type { ImageProblemsError } from '../markdown/rehype-article-images.ts';
import { pixelProblems } from '../lib/frontmatter-check-pixels.ts';
import { serveProblems } from './dev-problems.ts';
import { stopBuild } from './stop-build.ts';

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
    sections: { file: at(SECTIONS_FILE), schema: sectionsFileSchema as unknown as ValidatingSchema },
  });
}

/**
 * Renders the bodies that may show images, so that every missing, unreadable or oversized image
 * (or one without alt text) is listed with the other problems before Astro bundles the images: its
 * own error for a broken image names the image but not the article. Bodies are rendered even when
 * the front matter has problems, so one round lists everything; an image the front-matter check
 * already reported (same file, line and path) is not listed twice. Bodies with raw HTML are
 * rendered too: whatever the sanitizer removed from them is listed as a warning
 * (src/markdown/rehype-sanitize-report.ts), so nothing disappears without a word, and so are
 * bodies with an h1 or a `{#…}` heading id, for what the heading plugins say about them. Other
 * bodies cost nothing here.
 */
export async function bodyImageProblems(
  { articles, problems }: ContentCheckResult,
  root: string,
): Promise<Problem[]> {
  // A body over the size or nesting limits was reported and must not be parsed.
  const tooCostly = new Set(
    problems.filter((problem) => problem.field === '(body)').map((problem) => problem.file),
  );
  const failing = new Set(
    problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file),
  );
  const reported = new Set(
    problems.map((problem) => `${problem.file}|${problem.line}|${/"([^"]*)"/.exec(problem.message)?.[1]}`),
  );
  const found: Problem[] = [];
  for (const { file } of articles) {
    const relativeFile = relative(root, file).split(sep).join('/');
    const source = tooCostly.has(relativeFile) ? '' : readFileSync(file, 'utf8');
    if (!mayShowImages(source) && !mayHaveRawHtml(source) && !mayHaveHeadingNotes(source)) continue;
    const { error, facts } = await renderQuietly(file, source);
    const removed = (facts?.removed ?? []).map((note) => ({
      ...note,
      message: `the sanitizer ${note.message}`,
    }));
    for (const { line, column, message, fix } of [...removed, ...(facts?.notes ?? [])]) {
      found.push({
        severity: 'warning',
        file: relativeFile,
        line,
        column,
        field: '(body)',
        message,
        hint: fix,
      });
    }
    if (!error) continue;
    // rehype-article-images fails with every problem of the file, each "file:line:col: what is wrong. How to fix it."
    const { line, column, reason, message, imageProblems } = error as Partial<ImageProblemsError> & {
      line?: number;
      column?: number;
      reason?: string;
      message: string;
    };
    // Front matter the build's parser cannot read fails the render too: it is already listed.
    if (!imageProblems && failing.has(relativeFile)) continue;
    for (const problem of imageProblems ?? [
      { line, column, text: reason ?? message.replace(/^Failed to parse Markdown file[^\n]*\n/, '') },
    ]) {
      const said = problem.text.replace(/^\S+:\d+:\d+: /, '');
      const at = problem.line ?? 1;
      if (reported.has(`${relativeFile}|${at}|${/"([^"]*)"/.exec(said)?.[1]}`)) continue;
      found.push({
        severity: 'error',
        file: relativeFile,
        line: at,
        column: problem.column ?? 1,
        field: '(body)',
        message: said,
        hint: '',
      });
    }
  }
  return found;
}

/**
 * Renders one body for its errors and what the sanitizer removed. Astro's renderer prints every failure as
 * a raw error object ("Failed to parse Markdown file …", with its fields) before rethrowing it; here the
 * failure is listed cleanly with the others, so that dump is kept off the terminal.
 */
async function renderQuietly(file: string, source: string): Promise<{ error?: Error; facts?: RenderFacts }> {
  const log = console.error;
  console.error = () => {};
  try {
    return { facts: (await renderArticle(file, source)).facts };
  } catch (error) {
    return { error: error as Error };
  } finally {
    console.error = log;
  }
}

/** Logs warnings, then errors; returns how many errors there were. */
function reportProblems(problems: Problem[], logger: AstroIntegrationLogger): number {
  const errors = problems.filter((problem) => problem.severity === 'error');
  for (const warning of problems.filter((problem) => problem.severity === 'warning'))
    logger.warn(formatProblem(warning));
  for (const error of errors) logger.error(formatProblem(error));
  return errors.length;
}

/** Articles and author files; images and other files under content/ have no front matter to call OK. */
const isContentFile = (path: string) => /\.(md|ya?ml)$/.test(path);

/** Every check that runs before rendering, as one sorted list. */
async function checkEverything(root: URL): Promise<ContentCheckResult> {
  const result = checkProjectContent(root);
  const measured = {
    ...result,
    problems: [...result.problems, ...(await pixelProblems(result.imagesToMeasure))],
  };
  const problems = [...measured.problems, ...(await bodyImageProblems(measured, fileURLToPath(root)))].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  return { ...result, problems };
}

/**
 * The integration. The articles it checked are kept in src/lib/checked-articles.ts for the
 * integrations that run after it (redirects, cards, bodies ahead, link check): register it first.
 */
export default function contentCheck(): AstroIntegration {
  let openProblems: Problem[] = [];
  return {
    name: 'wirepress:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        // `astro preview` only serves dist/, which a checked build already made.
        if (command === 'preview') return;
        const result = await checkEverything(config.root);
        setCheckedArticles(result.articles, result.linkedFiles);
        openProblems = result.problems;
        // `astro dev` keeps running: its pages show the list until the files are fixed (dev-problems.ts).
        if (reportProblems(openProblems, logger) === 0 || command === 'dev') return;
        stopBuild(
          logger,
          summary(openProblems),
          'Fix the problems listed above (file:line:column, field, expected, fix), then run the command again.',
        );
      },
      // While `astro dev` runs, each saved article or author file is checked again, its problems
      // are logged and the preview's problem panel follows (the server keeps running so the editor
      // can fix them).
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const contentDir = fileURLToPath(new URL('content/', pathToFileURL(`${root}/`)));
        const panel = serveProblems(server, openProblems);
        let rechecks = Promise.resolve();
        const recheck = async (path: string) => {
          const result = await checkEverything(pathToFileURL(`${root}/`));
          setCheckedArticles(result.articles, result.linkedFiles);
          openProblems = result.problems;
          // Every error still open anywhere (a clash can involve other files), but only the saved file's warnings.
          const saved = relative(root, path).split(sep).join('/');
          const errorCount = reportProblems(
            result.problems.filter((problem) => problem.severity === 'error' || problem.file === saved),
            logger,
          );
          if (errorCount > 0) logger.error(summary(result.problems));
          else if (isContentFile(saved)) logger.info(`${saved}: front matter OK`);
          else logger.info(`${saved}: content OK`);
          panel.show(result.problems);
        };
        const onEvent = (path: string) => {
          if (!path.startsWith(contentDir)) return;
          // One check at a time, in the order files were saved, so the last save's result is the one shown.
          rechecks = rechecks
            .then(() => recheck(path))
            .catch((error: Error) =>
              logger.error(`${relative(root, path)}: could not be checked: ${error.message}`),
            );
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onEvent);
      },
    },
  };
}
