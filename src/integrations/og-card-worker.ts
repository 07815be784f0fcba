/**
 * The thread that draws Open Graph cards ahead of the build's pages (og-cards-ahead.ts). Node
 * runs this file itself (type stripping), so its imports name their .ts files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedFile } from '../lib/og-cache.ts';
import { renderCard, type CardJob } from '../lib/og-image.ts';

const { cacheDir } = workerData as { cacheDir: string };

parentPort!.on('message', async ({ key, card }: CardJob) => {
  try {
    const { hit } = await cachedFile(cacheDir, key, 'png', () => renderCard(card));
    parentPort!.postMessage({ key, hit });
  } catch (error) {
    parentPort!.postMessage({ key, error: String(error) });
  }
});
