/** Helpers the runner reports with: medians, output and cache sizes, image-encode counts, the table. */
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Images a build actually encoded, from its log: Astro prints an encode's before/after weight and
 * "(reused cache entry)" for a cache hit; the site's Open Graph cards print one
 * "og-image: rendered" line per card drawn (src/cards/og-cards.ts) and nothing on a hit.
 */
export function countImageEncodes(log: string): { encoded: number; reused: number; ogCards: number } {
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  // Astro prints the route before rendering it, so the line can start mid-way through its own.
  const ogCards = plain.match(/og-image: rendered \//g)?.length ?? 0;
  return {
    encoded: (plain.match(/\(before: [\d.]+kB, after: [\d.]+kB\)/g)?.length ?? 0) + ogCards,
    reused: plain.match(/\(reused cache entry\)/g)?.length ?? 0,
    ogCards,
  };
}

/**
 * Files written under `dirs` since `sinceMs`. Astro writes an encoded image into its assets cache
 * only on a miss, and the site's Open Graph cards into theirs only when drawn, so new files there
 * count encodes exactly, even when a build's log is cut short (Astro exits with process.exit(),
 * which can drop the end of piped output).
 */
export function filesWrittenSince(dirs: readonly string[], sinceMs: number): number {
  let count = 0;
  for (const dir of dirs)
    for (const { path, stats } of filesUnder(dir))
      if (!path.endsWith('.json') && stats.mtimeMs >= sinceMs) count += 1;
  return count;
}

/**
 * The disk space the files under `dirs` take, as `du` counts it: allocated blocks, and a file
 * hard-linked into several places (the Open Graph cards and search index the build links into
 * dist/ from its caches) once. Missing folders take nothing. Files whose inode is in `seen` (an
 * earlier call's, given the same set) are not counted again, so a second call adds only what is new.
 */
export function diskUsage(dirs: readonly string[], seen = new Set<string>()): number {
  let bytes = 0;
  for (const dir of dirs)
    for (const { stats } of filesUnder(dir)) {
      const inode = `${stats.dev}:${stats.ino}`;
      if (seen.has(inode)) continue;
      seen.add(inode);
      bytes += stats.blocks * 512;
    }
  return bytes;
}

/** Every file under `dir` (none when it does not exist), with its path relative to `dir`. */
function* filesUnder(dir: string): Generator<{ path: string; stats: Stats }> {
  if (!existsSync(dir)) return;
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(join(dir, path));
    if (stats.isFile()) yield { path, stats };
  }
}

/** Total bytes under `dir`, and the count and total bytes of articles/<slug>/index.html pages. */
export function outputSizes(dir: string): { bytes: number; articlePages: number; articleHtmlBytes: number } {
  let bytes = 0;
  let articlePages = 0;
  let articleHtmlBytes = 0;
  for (const { path, stats } of filesUnder(dir)) {
    bytes += stats.size;
    if (/^articles\/[^/]+\/index\.html$/.test(path.replace(/\\/g, '/'))) {
      articlePages += 1;
      articleHtmlBytes += stats.size;
    }
  }
  return { bytes, articlePages, articleHtmlBytes };
}

/** A GitHub-flavoured markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
