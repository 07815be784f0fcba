/**
 * Renders article bodies on a second thread while `astro build` syncs, bundles and renders pages.
 * Markdown was over half of an article page's time on the main thread while the machine's other
 * core sat idle (docs/performance.md). The thread works through the articles in page order
 * (newest first), a bounded distance ahead of the pages; a page takes its body from there
 * (rendered-ahead.ts), or renders it itself when the thread has not got to it.
 *
 * On a rebuild Astro restores most pages from its cache and never asks for their bodies, so the
 * thread renders only the articles whose files changed since the last build: rendering the
 * others ahead cost a one-article edit at N = 10,000 a third more time. A rebuild that renders
 * every page again for another reason (a template change) renders their bodies on the main thread.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  checkedArticlesWithPages,
  type CheckedArticle,
  type CheckedArticleData,
} from '../lib/checked-articles.ts';
import { newestFirst } from '../lib/publication.ts';
import { readEnvironment } from '../lib/environment.ts';
import { startHelperThread } from './helper-thread.ts';
import { offerRenderedAhead, type RenderedSource } from './rendered-ahead.ts';

/**
 * How far the thread may run ahead of the pages: far enough to use the seconds of content sync
 * and bundling before the first page, while bounding the rendered bodies waiting in memory
 * (~25 KB each, ~100 MB in all).
 */
const LEAD = 4096;

/** What rendering ahead needs of a checked article. */
type BodySource = Pick<CheckedArticle, 'id' | 'file' | 'sourceDigest'> & {
  parsed?: Pick<CheckedArticleData, 'pubDate'> | undefined;
};

/** An article's file (relative to the project) and the digest of its text, as the record keeps them. */
const versionOf = (root: string, article: Pick<CheckedArticle, 'file' | 'sourceDigest'>) =>
  `${relative(root, article.file)}\u0000${article.sourceDigest}`;

/**
 * The files whose bodies to render ahead, in the order their pages render: every article with a
 * page, or, given the versions the last build rendered, those whose file changed since.
 */
export function bodyPaths(
  articles: readonly BodySource[],
  root: string,
  lastBuilt?: ReadonlySet<string>,
): string[] {
  return articles
    .flatMap(({ id, file, sourceDigest, parsed }) =>
      parsed && !lastBuilt?.has(versionOf(root, { file, sourceDigest }))
        ? [{ id, file, pubDate: parsed.pubDate }]
        : [],
    )
    .sort(newestFirst)
    .map(({ file }) => file);
}

/**
 * The versions the last successful build rendered, or undefined before the first (a cold build)
 * or when the record is unreadable: it only decides what is rendered early, so a damaged one
 * must not fail the build.
 */
export function readRecord(file: string): Set<string> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const versions: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(versions)
      ? new Set(versions.filter((version) => typeof version === 'string'))
      : undefined;
  } catch {
    return undefined;
  }
}

function writeRecord(file: string, root: string, articles: readonly CheckedArticle[]) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(articles.map((article) => versionOf(root, article))));
}

/** A thread rendering the bodies of `paths`, offered to the pages; resolves to a line for the build log. */
function renderAhead(paths: string[]): () => Promise<string> {
  const { ahead, stop } = startHelperThread<RenderedSource>(
    new URL('./body-worker.ts', import.meta.url),
    paths.length,
    { paths, lead: LEAD },
    'body',
  );
  const indexOf = new Map(paths.map((path, index) => [path, index]));
  let handedOver = 0;
  const withdraw = offerRenderedAhead({
    take: (path) => {
      const index = indexOf.get(path);
      const taken = index === undefined ? undefined : ahead.take(index);
      if (taken) handedOver += 1;
      return taken;
    },
  });
  return async () => {
    withdraw();
    await stop();
    return (
      `Rendered ${ahead.done} of ${paths.length} article bodies ` +
      `on a second thread; the pages took ${handedOver} of them.`
    );
  };
}

export default function bodiesAhead(): AstroIntegration {
  let finish: (() => Promise<string>) | undefined;
  let recordBuild: (() => void) | undefined;
  return {
    name: 'wirepress:bodies-ahead',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        // BUILD_THREADS=0: the pages render every body, as if this integration were not there.
        if (command !== 'build' || !readEnvironment(process.env).BUILD_THREADS) return;
        const root = fileURLToPath(config.root);
        const record = join(fileURLToPath(config.cacheDir), 'bodies-rendered.json');
        const articles = checkedArticlesWithPages(command);
        const lastBuilt = readRecord(record);
        const paths = bodyPaths(articles, root, lastBuilt);
        recordBuild = () => writeRecord(record, root, articles);
        if (paths.length) finish = renderAhead(paths);
        else if (lastBuilt && articles.length)
          finish = async () => 'No article changed since the last build: no body rendered ahead.';
      },
      'astro:build:done': async ({ logger }) => {
        if (finish) logger.info(await finish());
        recordBuild?.();
      },
    },
  };
}
