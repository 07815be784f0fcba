/**
 * A digest of a set of files (their paths and bytes) and of whatever else decides a result drawn
 * from them: the key under which a build step that is a pure function of the built files (the
 * search index, the link check) keeps its last result.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function fileDigest(root: string, paths: readonly string[], also: readonly (string | Buffer)[] = []): string {
  const hash = createHash('sha256');
  for (const part of also) hash.update(part).update('\0');
  for (const path of [...paths].sort()) hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex');
}
