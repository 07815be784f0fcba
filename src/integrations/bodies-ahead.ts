/**
 * Renders article bodies on a second thread while `astro build` syncs, bundles and renders pages.
 * Markdown was over half of an article page's time on the main thread while the machine's other
 * core sat idle (docs/performance.md). The thread works through the articles in page order
 * (newest first), a bounded distance ahead of the pages; a page takes its body from there
 * (src/markdown/render-article.ts), or renders it itself when the thread has not got to it.
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { newestFirst } from '../lib/publication.ts';
import { workAhead, workBoard } from '../lib/work-ahead.ts';
import { offerRenderedAhead, type RenderedSource } from '../markdown/render-article.ts';
import type { CheckedContent } from './content-check.ts';

/**
 * How far the thread may run ahead of the pages: far enough to use the seconds of content sync
 * and bundling before the first page, while bounding the rendered bodies waiting in memory
 * (~25 KB each, ~100 MB in all), including those of pages Astro restores from its cache and never
 * asks for (on a rebuild, that many bodies are rendered for nothing, on the otherwise idle core).
 */
const LEAD = 4096;

/** The articles' files in the order their pages render. */
export function bodyPaths(content: CheckedContent, command: string): string[] {
  return content
    .articlesWithPages(command)
    .flatMap(({ id, file, parsed }) => (parsed ? [{ id, file, pubDate: parsed.pubDate as Date }] : []))
    .sort(newestFirst)
    .map(({ file }) => file);
}

export default function bodiesAhead(content: CheckedContent): AstroIntegration {
  let finish: (() => Promise<string>) | undefined;
  return {
    name: 'wirepress:bodies-ahead',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const paths = bodyPaths(content, command);
        if (paths.length === 0) return;
        // rehype-article-images uses sharp: its native module is loaded here first, as sharp asks of worker users.
        void sharp;
        const board = workBoard(paths.length);
        const ahead = workAhead<RenderedSource>(board);
        const worker = new Worker(new URL('./body-worker.ts', import.meta.url), { workerData: { board, paths, lead: LEAD } });
        // Never keeps a failed build's process alive.
        worker.unref();
        worker.on('message', ahead.receive);
        // Pages waiting on a dead thread render their bodies themselves.
        worker.on('error', (error) => ahead.abandon(error));
        worker.on('exit', (code) => code === 0 || ahead.abandon(new Error(`the body thread exited with code ${code}`)));
        const indexOf = new Map(paths.map((path, index) => [path, index]));
        let handedOver = 0;
        offerRenderedAhead({
          take: (path) => {
            const index = indexOf.get(path);
            const taken = index === undefined ? undefined : ahead.take(index);
            if (taken) handedOver += 1;
            return taken;
          },
        });
        finish = async () => {
          offerRenderedAhead(undefined);
          await worker.terminate();
          return `Rendered ${ahead.done} of ${paths.length} article bodies on a second thread; the pages took ${handedOver} of them.`;
        };
      },
      'astro:build:done': async ({ logger }) => {
        if (finish) logger.info(await finish());
      },
    },
  };
}
