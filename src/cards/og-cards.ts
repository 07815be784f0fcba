/**
 * Publishes the Open Graph card (dist/og/<slug>.png) of every article that has a page and no
 * hero image. Cards were half of a cold build's time at N = 10,000 when an endpoint drew them one
 * after another at the end (docs/performance.md); here a second thread starts drawing them into
 * the card cache (og-cache.ts) right after the content check, while the main thread
 * syncs content, bundles and renders pages. When the pages are done, the main thread draws what
 * is still queued, then links every card from the cache into dist/: a rebuild draws only cards
 * whose input changed and never keeps a third copy of each card in Astro's page cache.
 * `astro dev` serves the same cards on request from og-card-preview.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkedArticlesWithPages, type CheckedArticleData } from '../lib/checked-articles.ts';
import { ensureCached, ogCacheDir } from './og-cache.ts';
import {
  cardInput,
  cardJob,
  hasGeneratedCard,
  ogCardPath,
  ogCardRendered,
  renderCard,
  rendererFingerprint,
  type CardJob,
} from './og-image.ts';
import { readEnvironment } from '../lib/environment.ts';
import { buildNow, publicationState } from '../lib/publication.ts';
import { publishFile } from '../lib/publish-file.ts';
import { site } from '../site.config.ts';
import { startHelperThread } from '../build-threads/helper-thread.ts';

/** What a card needs of a checked article (of its hero image, only whether there is one). */
interface CardSource {
  id: string;
  parsed?:
    | (Pick<CheckedArticleData, 'title' | 'section' | 'pubDate' | 'expires' | 'draft'> & {
        heroImage?: unknown;
      })
    | undefined;
}

/** The cards to publish, oldest article first (the newest are the likeliest to change next). */
export function cardJobs(articles: readonly CardSource[], now: Date, fingerprint: string): CardJob[] {
  return articles
    .flatMap(({ id, parsed: article }) => {
      if (!article || !hasGeneratedCard(article, publicationState(article, now))) return [];
      return [{ article, job: cardJob(id, cardInput(article, site), fingerprint) }];
    })
    .sort(
      (a, b) =>
        a.article.pubDate.getTime() - b.article.pubDate.getTime() || a.job.slug.localeCompare(b.job.slug),
    )
    .map(({ job }) => job);
}

/** One job per distinct card: identical cards (same input) share a key, drawn once and published under each slug. */
export function distinctCards(jobs: readonly CardJob[]): CardJob[] {
  const seen = new Set<string>();
  return jobs.filter(({ key }) => !seen.has(key) && seen.add(key));
}

/**
 * A thread that draws `jobs` (one per distinct card) into the cache, in order, while this thread
 * does other work; see src/build-threads/work-ahead.ts.
 */
const cardThread = (cacheDir: string, jobs: CardJob[]) =>
  startHelperThread<boolean>(
    new URL('./og-card-worker.ts', import.meta.url),
    jobs.length,
    { cacheDir, jobs },
    'card',
    (outcome) => {
      if ('value' in outcome && !outcome.value) console.log(ogCardRendered(jobs[outcome.index]!.slug));
    },
  );

/** Draws a card on this thread, unless it is cached. */
async function drawHere(cacheDir: string, { slug, key, card }: CardJob) {
  const { hit } = await ensureCached(cacheDir, key, 'png', () => renderCard(card));
  // One line per card drawn, none per cache hit: the build log (and the benchmark) count them.
  if (!hit) console.log(ogCardRendered(slug));
}

export default function ogCards(): AstroIntegration {
  const cacheDir = ogCacheDir(process.env);
  let publish: ((dist: string) => Promise<{ cards: number; ahead: number }>) | undefined;
  return {
    name: 'wirepress:og-cards',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, injectRoute }) => {
        // Only dev and build draw cards (check, sync and preview need no fingerprint).
        if (command !== 'dev' && command !== 'build') return;
        const fingerprint = rendererFingerprint();
        if (command === 'dev') {
          // The preview route keys cards with the fingerprint computed here, from the sources.
          updateConfig({
            vite: { define: { 'import.meta.env.OG_RENDERER_FINGERPRINT': JSON.stringify(fingerprint) } },
          });
          injectRoute({
            pattern: '/og/[slug].png',
            entrypoint: new URL('./og-card-preview.ts', import.meta.url),
            prerender: true,
          });
        }
        if (command !== 'build') return;
        const jobs = cardJobs(checkedArticlesWithPages(command), buildNow(process.env), fingerprint);
        if (jobs.length === 0) return;
        const distinct = distinctCards(jobs);
        const threadsOn = readEnvironment(process.env).BUILD_THREADS;
        const thread = threadsOn ? cardThread(cacheDir, distinct) : undefined;
        publish = async (dist) => {
          for (const [index, job] of distinct.entries()) {
            // Cached by now, unless the thread had not started it or there is none (BUILD_THREADS=0:
            // then it is drawn here) or failed on it (then it fails here again, in this build).
            const drawnThere = await thread?.ahead.take(index)?.then(
              () => true,
              () => false,
            );
            if (!drawnThere) await drawHere(cacheDir, job);
          }
          const drawnAhead = thread?.ahead.done ?? 0;
          await thread?.stop();
          mkdirSync(join(dist, 'og'), { recursive: true });
          for (const job of jobs)
            publishFile(join(cacheDir, `${job.key}.png`), join(dist, ogCardPath(job.slug)));
          return { cards: jobs.length, ahead: drawnAhead };
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!publish) return;
        const { cards, ahead } = await publish(fileURLToPath(dir));
        logger.info(
          `Published ${cards} Open Graph card${cards === 1 ? '' : 's'} (${ahead} drawn ` +
            `or found in the cache on a second thread while the pages rendered).`,
        );
      },
    },
  };
}
