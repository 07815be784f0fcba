/**
 * Related-article lists kept from one build to the next. The lists are a pure function of the
 * listed articles' ids, sections, tags and dates, in listing order, and of the code that ranks
 * them, so a build whose inputs have the same digest as the last build's reads the last build's
 * lists instead of finding them again. Why: the bench corpus's 100,000 lists cost 91 s of one core
 * on every build (its 20 tags each sit on 12% of the archive), and a no-change rebuild, or one
 * that changes a body, a headline or a picture, has the same lists (docs/performance.md, ninth round).
 *
 * A list is stored as positions in the listing order the digest covers (three numbers an article,
 * not three ids), so 100,000 lists are ~2 MB.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jsonDigest } from '../lib/file-digest.ts';
import type { RelatedCandidate } from '../lib/related.ts';

interface RelatedListsFile {
  digest: string;
  lists: number[][];
}

/** What every list depends on: the candidates in order, and the source of the code ranking them. */
export function relatedListsDigest(
  candidates: readonly RelatedCandidate[],
  rankingCode: readonly string[],
): string {
  return jsonDigest([
    rankingCode,
    candidates.map(({ id, section, tags, pubDate }) => [id, section, tags, pubDate.toISOString()]),
  ]);
}

/** The lists kept under `digest`, or undefined when there are none (or they are another build's). */
export function readRelatedLists(file: string, digest: string): number[][] | undefined {
  let kept: RelatedListsFile;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as RelatedListsFile;
  } catch {
    // None yet, or unreadable (a build killed while writing cannot leave half a file: see below).
    return undefined;
  }
  return kept.digest === digest ? kept.lists : undefined;
}

/** Keeps `lists` under `digest`, replacing the file whole (written aside, then renamed over it). */
export function writeRelatedLists(file: string, digest: string, lists: readonly (readonly number[])[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify({ digest, lists }));
  renameSync(partial, file);
}
