/**
 * A thread that indexes search shards (search-shard-threads.ts), one per message. Its own import
 * of `pagefind` starts its own indexer process, so two of these index two shards at once, where
 * one indexer answers one message at a time. Node runs this file itself, so imports name .ts files.
 */
import { parentPort } from 'node:worker_threads';
import { indexShard } from '../lib/search-shard-index.ts';
import type { ShardJob, ShardOutcome } from './search-shard-threads.ts';

parentPort!.on('message', async ({ site, pages, outputPath }: ShardJob & { site: string }) => {
  let outcome: ShardOutcome;
  try {
    outcome = { indexed: await indexShard(site, pages, outputPath) };
  } catch (error) {
    outcome = { failed: (error as Error).message };
  }
  parentPort!.postMessage(outcome);
});
