/**
 * The thread that draws Open Graph cards into the card cache while the build renders pages
 * (og-cards.ts). Node runs this file itself (type stripping), so its imports name their .ts files.
 * The main thread keeps a few cards queued here, so that this thread need not wait for the main
 * thread's event loop (busy rendering pages) between cards; they are drawn two at a time, one
 * being laid out while sharp encodes the other.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ensureCached } from '../lib/og-cache.ts';
import { renderCard, type CardJob } from '../lib/og-image.ts';

const { cacheDir } = workerData as { cacheDir: string };
const DRAWING_AT_ONCE = 2;
const waiting: CardJob[] = [];
let drawing = 0;

async function draw({ key, card }: CardJob) {
  try {
    const { hit } = await ensureCached(cacheDir, key, 'png', () => renderCard(card));
    parentPort!.postMessage({ key, hit });
  } catch (error) {
    parentPort!.postMessage({ key, error: String(error) });
  }
}

function next() {
  while (drawing < DRAWING_AT_ONCE && waiting.length) {
    drawing += 1;
    void draw(waiting.shift()!).finally(() => {
      drawing -= 1;
      next();
    });
  }
}

parentPort!.on('message', (job: CardJob) => {
  waiting.push(job);
  next();
});
