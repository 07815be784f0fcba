/**
 * A content-addressed file cache for generated images: the file name is a hash of everything
 * that decides the image, so an unchanged article finds its image and never renders it again,
 * and any change (title, date, layout, font) misses and renders a new one.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The cache folder: OG_CACHE_DIR, else og-images/ inside Astro's cache dir (ASTRO_CACHE_DIR or
 * node_modules/.astro).
 */
export function ogCacheDir(env: Record<string, string | undefined>): string {
  return env.OG_CACHE_DIR ?? join(env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'og-images');
}

/** A cache file's name: the hex sha256 of everything that decides the image (src/lib/file-digest.ts). */
export { jsonDigest as cacheKey } from '../lib/file-digest.ts';

export interface Cached {
  bytes: Buffer;
  hit: boolean;
  file: string;
}

/** The cached bytes for `key`, or `render()`'s bytes, which are then stored under `key`. */
export async function cachedFile(
  dir: string,
  key: string,
  extension: string,
  render: () => Promise<Buffer>,
): Promise<Cached> {
  const file = join(dir, `${key}.${extension}`);
  try {
    return { bytes: readFileSync(file), hit: true, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const bytes = await render();
  store(file, bytes);
  return { bytes, hit: false, file };
}

/** Like cachedFile, for callers that only need the file to exist: a hit is not read. */
export async function ensureCached(
  dir: string,
  key: string,
  extension: string,
  render: () => Promise<Buffer>,
): Promise<Omit<Cached, 'bytes'>> {
  const file = join(dir, `${key}.${extension}`);
  if (statSync(file, { throwIfNoEntry: false })?.isFile()) return { hit: true, file };
  store(file, await render());
  return { hit: false, file };
}

function store(file: string, bytes: Buffer) {
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename, so a build running beside this one never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}
