/**
 * Moves the previous build's dist/ aside before Astro empties it, and deletes it on another
 * thread. Astro empties dist/ file by file on the main thread before bundling: 2.5 s of a
 * no-change rebuild at N = 10,000 (15,000 pages in their own folders, 9,000 cards, the search
 * index's 10,000 fragments). A rename is instant, and the deletion runs beside the build, on the
 * core a rebuild leaves idle then. Where dist/ cannot be renamed (another file system, a mount
 * point), Astro empties it as before.
 *
 * The build writes into a staging folder (staged-dist.ts), so what is moved
 * aside here is what a failed or killed build left half-written; staged-dist moves the previous
 * good dist/ aside itself once the new build is complete, and this deletes it at the next build's
 * start, beside its work.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

/** Deletes `dir` on a worker thread; resolves when it is gone (or could not be deleted). */
function removeOnAThread(dir: string): Promise<void> {
  const worker = new Worker(
    `require('node:fs').rmSync(require('node:worker_threads').workerData, ` +
      `{ recursive: true, force: true, maxRetries: 3 });`,
    { eval: true, workerData: dir },
  );
  return new Promise((resolve) => {
    // A folder left behind (an error) is deleted with the next build's.
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}

export default function distAside(): AstroIntegration {
  let outDir = '';
  let aside = '';
  let removed: Promise<void> | undefined;
  return {
    name: 'wirepress:dist-aside',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        aside = fileURLToPath(new URL('dist-being-removed/', config.cacheDir));
      },
      'astro:build:start': () => {
        if (existsSync(outDir)) {
          mkdirSync(aside, { recursive: true });
          try {
            renameSync(outDir, join(aside, `${Date.now()}-${process.pid}`));
          } catch {
            // Left where it is: Astro empties it.
          }
        }
        // Also the dist/ the last build replaced, and whatever a build that stopped half-way left.
        if (existsSync(aside)) removed = removeOnAThread(aside);
      },
      'astro:build:done': async () => {
        await removed;
      },
    },
  };
}
