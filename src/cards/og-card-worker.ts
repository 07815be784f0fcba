/**
 * The thread that draws Open Graph cards into the card cache while the build renders pages
 * (og-cards.ts). Node runs this file itself (type stripping), so its imports name their .ts files.
 * Two cards at a time: while sharp rasterises a glyph not seen before for one, the other is drawn
 * (encoding and writing a card are synchronous).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ensureCached } from './og-cache.ts';
import { renderCard, type CardJob } from './og-image.ts';
import { workThrough } from '../build-threads/work-ahead.ts';

const { cacheDir, board, jobs } = workerData as {
  cacheDir: string;
  board: SharedArrayBuffer;
  jobs: CardJob[];
};

/** Whether the card was in the cache already. */
const draw = async ({ key, card }: CardJob) =>
  (await ensureCached(cacheDir, key, 'png', () => renderCard(card))).hit;

await workThrough(board, jobs, draw, parentPort!, { parallel: 2 });
