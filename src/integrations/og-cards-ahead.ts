/**
 * Draws the Open Graph cards of `astro build` on a second thread, starting right after the
 * content check, while the main thread syncs content, bundles and renders the article pages.
 * Cards were half of a cold build's time at N = 10,000, drawn by the card endpoint one after the
 * other on a machine with a second core mostly idle (docs/performance.md). The endpoint
 * (src/pages/og/[slug].png.ts) still publishes every card: it finds a card drawn ahead in the card
 * cache, waits for one being drawn, and draws any still queued itself. The queue runs in the
 * endpoint's reverse order so that the two meet in the middle.
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { drawAhead, shareDrawAhead, type DrawAhead } from '../lib/draw-ahead.ts';
import type { CheckedArticle } from '../lib/frontmatter-check.ts';
import { ogCacheDir } from '../lib/og-cache.ts';
import { cardInput, cardJob, hasGeneratedCard, ogCardRendered, rendererFingerprint, type CardJob } from '../lib/og-image.ts';
import { buildNow, publicationState, type PublicationFields } from '../lib/publication.ts';
import { site } from '../site.config.ts';
import type { CheckedContent } from './content-check.ts';

type Parsed = PublicationFields & { title: string; section: string; heroImage?: unknown };

/** The cards the endpoint will publish, in the reverse of its order (newest first). */
export function cardJobs(articles: readonly CheckedArticle[], now: Date, fingerprint: string): CardJob[] {
  return articles
    .flatMap(({ id, parsed }) => {
      const article = parsed as Parsed | undefined;
      if (!article || !hasGeneratedCard(article, publicationState(article, now))) return [];
      return [{ article, job: cardJob(id, cardInput(article, site), fingerprint) }];
    })
    .sort((a, b) => a.article.pubDate.getTime() - b.article.pubDate.getTime() || b.job.slug.localeCompare(a.job.slug))
    .map(({ job }) => job);
}

/** A worker thread that draws cards into the cache, one message per card. */
function cardThread(cacheDir: string) {
  // sharp's native module is loaded on the main thread first, as sharp asks of worker users.
  void sharp;
  const worker = new Worker(new URL('./og-card-worker.ts', import.meta.url), { workerData: { cacheDir } });
  // Never keeps a failed build's process alive.
  worker.unref();
  const waiting = new Map<string, { resolve(hit: boolean): void; reject(error: Error): void }>();
  worker.on('message', ({ key, hit, error }: { key: string; hit?: boolean; error?: string }) => {
    const settle = waiting.get(key);
    waiting.delete(key);
    if (error === undefined) settle?.resolve(hit === true);
    else settle?.reject(new Error(error));
  });
  worker.on('error', (error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  });
  return {
    draw: (job: CardJob) => new Promise<boolean>((resolve, reject) => {
      waiting.set(job.key, { resolve, reject });
      worker.postMessage(job);
    }),
    stop: () => worker.terminate(),
  };
}

export default function ogCardsAhead(content: CheckedContent): AstroIntegration {
  let ahead: DrawAhead | undefined;
  let thread: ReturnType<typeof cardThread> | undefined;
  return {
    name: 'wirepress:og-cards-ahead',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // One fingerprint for the thread and the endpoint: computed where astro.config.ts is loaded
        // (the endpoint's bundled copy of the renderer would hash differently).
        const fingerprint = rendererFingerprint();
        updateConfig({ vite: { define: { 'import.meta.env.OG_RENDERER_FINGERPRINT': JSON.stringify(fingerprint) } } });
        if (command !== 'build') return;
        const jobs = cardJobs(content.articlesWithPages(command), buildNow(process.env), fingerprint);
        if (jobs.length === 0) return;
        const cardsThread = cardThread(ogCacheDir(process.env));
        thread = cardsThread;
        ahead = drawAhead(jobs, async (job) => {
          // The same line the endpoint logs when it draws a card: the log counts every card drawn.
          if (!(await cardsThread.draw(job))) console.log(ogCardRendered(job.slug));
        });
        shareDrawAhead(ahead);
      },
      'astro:build:done': async ({ logger }) => {
        if (!ahead || !thread) return;
        await ahead.stop();
        await thread.stop();
        logger.info(`${ahead.finished} Open Graph cards were ready ahead of their pages (drawn or found in the cache on a second thread).`);
        shareDrawAhead(undefined);
      },
    },
  };
}
