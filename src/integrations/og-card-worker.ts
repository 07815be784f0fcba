/**
 * The thread that draws Open Graph cards into the card cache while the build renders pages
 * (og-cards.ts). Node runs this file itself (type stripping), so its imports name their .ts files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ensureCached } from '../lib/og-cache.ts';
import { renderCard, type CardJob } from '../lib/og-image.ts';

const { cacheDir } = workerData as { cacheDir: string };

parentPort!.on('message', async ({ key, card }: CardJob) => {
  try {
    const { hit } = await ensureCached(cacheDir, key, 'png', () => renderCard(card));
    parentPort!.postMessage({ key, hit });
  } catch (error) {
    parentPort!.postMessage({ key, error: String(error) });
  }
});
