/**
 * The search shards that need indexing, on two worker threads (search-shard-worker.ts), each
 * taking the next shard when it is done with one. Pagefind's indexer handles one message at a
 * time, so two shards sent to one indexer take as long as one after the other; each thread's own
 * indexer does them side by side. Measured over a built N = 10,000 site (two shards of 5,000):
 * 25.0 s one after the other, 17.0 s on two threads (docs/performance.md, tenth round); it costs
 * a second indexer's memory while both run (~0.9 GiB a shard of 5,000 pages).
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

const THREADS = 2;

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
 * as each is done (not necessarily in the jobs' order); returns how many were indexed on worker
 * threads (none with `threads: false`).
 */
export async function indexShardsOnTwoThreads<Job extends ShardJob>(
  site: string,
  jobs: readonly Job[],
  onIndexed: (job: Job, indexed: number) => void,
  { threads = true } = {},
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
  if (threads) await Promise.all(Array.from({ length: Math.min(THREADS, jobs.length) }, lane));
  if (failure) throw failure;
  // Every job without threads; after threads, the jobs of threads that died.
  for (let job = waiting.shift(); job; job = waiting.shift()) {
    onIndexed(job, await indexShard(site, job.pages, job.outputPath));
  }
  return onThreads;
}
