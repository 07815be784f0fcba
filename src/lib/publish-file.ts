/**
 * Puts a file kept in a build cache into dist/: as a hard link where the file system allows
 * (instant, and no second copy on disk: 9,000 cards are 400 MB at N = 10,000), else as a copy.
 * Cache files are only ever replaced by renaming a new file over them, never written in place,
 * so a link cannot change under dist/. The reverse is the one caveat, documented in
 * docs/performance.md: a tool that rewrites files of dist/ in place would change the cache too.
 */
import { copyFileSync, linkSync } from 'node:fs';

export function publishFile(cached: string, target: string) {
  try {
    linkSync(cached, target);
  } catch (error) {
    // Another file system (EXDEV), or one without hard links (EPERM).
    if (!['EXDEV', 'EPERM', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(cached, target);
  }
}
