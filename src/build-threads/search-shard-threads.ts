/**
 * The search shards that need indexing, on two worker threads (search-shard-worker.ts), each
 * taking the next shard when it is done with one. Pagefind's indexer handles one message at a
 * time, so two shards sent to one indexer take as long as one after the other; each thread's own
 * indexer does them side by side. Measured over a built N = 10,000 site (two shards of 5,000):
 * 25.0 s one after the other, 17.0 s on two threads (docs/performance.md, tenth round); it costs
 * a second indexer's memory while both run (~0.9 GiB a shard of 5,000 pages), so the second
 * thread starts only when the build's memory leaves room for both (`indexerThreads`): at
 * N = 100,000 on a 7 GB runner that depends on what the build holds when the index begins (one
 * run without this rule went to 7.41 GiB; the next, with it, started both and peaked at 6.38).
 *
 * A shard Pagefind cannot index fails the build with Pagefind's words. A thread that dies hands
 * its shard back: the other thread, or the main thread once none is left, indexes it.
 */
import { Worker } from 'node:worker_threads';
import { indexShard } from '../lib/search-shard-index.ts';
import type { IndexedPage } from '../lib/search-shards.ts';

export interface ShardJob {
  pages: readonly Pick<IndexedPage, 'path'>[];
  /** Emptied, then written (src/lib/search-shard-index.ts). */
  outputPath: string;
}

/** A worker's answer: pages indexed, or Pagefind's message. */
export type ShardOutcome = { indexed: number } | { failed: string };

/**
 * What one indexer holds at its peak for a shard of `pages` article pages, with its thread:
 * Pagefind's indexer peaked at 0.87 GiB for 5,000 (docs/performance.md, eighth round), ~180 KiB a
 * page; the thread's own heap and the module are ~100 MiB.
 */
export const indexerBytes = (pages: number): number => pages * 185 * 1024 + 100 * 1024 ** 2;

/** Kept free of the budget for what the build allocates meanwhile (the passes after the index). */
const MARGIN_BYTES = 512 * 1024 ** 2;

/**
 * How many shards to index at once: 2 when the build's resident memory (`usedBytes`) plus two
 * indexers of the largest shard fit in `budgetBytes` with a margin, else 1.
 */
export function indexerThreads(budgetBytes: number, usedBytes: number, largestShardPages: number): 1 | 2 {
  return usedBytes + 2 * indexerBytes(largestShardPages) + MARGIN_BYTES <= budgetBytes ? 2 : 1;
}

/** The job on `worker`, or undefined if the thread died. */
function indexOnThread(
  worker: Worker,
  site: string,
  { pages, outputPath }: ShardJob,
): Promise<ShardOutcome | undefined> {
  return new Promise((resolve) => {
    const settle = (outcome: ShardOutcome | undefined) => {
      worker.off('message', settle).off('error', died).off('exit', died);
      resolve(outcome);
    };
    const died = () => settle(undefined);
    worker.on('message', settle).on('error', died).on('exit', died);
    worker.postMessage({ site, pages, outputPath });
  });
}

/**
 * Indexes every job's pages (paths relative to `site`) into its outputPath, calling `onIndexed`
 * as each is done (not necessarily in the jobs' order), on `threads` worker threads (0: on the
 * main thread, one job after another); returns how many were indexed on worker threads.
 */
export async function indexShardsOnTwoThreads<Job extends ShardJob>(
  site: string,
  jobs: readonly Job[],
  onIndexed: (job: Job, indexed: number) => void,
  { threads = 2 }: { threads?: 0 | 1 | 2 } = {},
): Promise<number> {
  const waiting = [...jobs];
  let onThreads = 0;
  let failure: Error | undefined;
  const lane = async () => {
    const worker = new Worker(new URL('./search-shard-worker.ts', import.meta.url));
    try {
      for (let job = waiting.shift(); job && !failure; job = waiting.shift()) {
        const outcome = await indexOnThread(worker, site, job);
        if (!outcome) {
          waiting.unshift(job);
          return;
        }
        if ('failed' in outcome) {
          failure = new Error(outcome.failed);
          return;
        }
        onThreads++;
        onIndexed(job, outcome.indexed);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, lane));
  if (failure) throw failure;
  // Every job without threads; after threads, the jobs of threads that died.
  for (let job = waiting.shift(); job; job = waiting.shift()) {
    onIndexed(job, await indexShard(site, job.pages, job.outputPath));
  }
  return onThreads;
}
