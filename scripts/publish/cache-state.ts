/**
 * The state of a build cache folder (node_modules/.astro): its size, for the build log, and a
 * digest of its listing (path, size and modification time of every file), so the workflow saves
 * a new cache entry only when the build changed the folder. Node built-ins only.
 *
 *   node scripts/publish/cache-state.ts node_modules/.astro   prints digest=… and bytes=… lines
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface CacheState {
  /** 'empty' for a missing or empty folder. */
  digest: string;
  bytes: number;
  files: number;
}

export function cacheState(folder: string): CacheState {
  if (!existsSync(folder)) return { digest: 'empty', bytes: 0, files: 0 };
  const hash = createHash('sha256');
  let bytes = 0;
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const stat = statSync(file);
    bytes += stat.size;
    hash.update(`${relative(folder, file).split(sep).join('/')}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return { digest: files.length ? hash.digest('hex').slice(0, 16) : 'empty', bytes, files: files.length };
}

export const describeSize = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

if (import.meta.main) {
  const folder = process.argv[2] ?? 'node_modules/.astro';
  const state = cacheState(folder);
  console.error(
    `${folder}: ${describeSize(state.bytes)} in ${state.files} files (GitHub keeps 10 GB of caches per repository)`,
  );
  console.log(`digest=${state.digest}\nbytes=${state.bytes}`);
}
