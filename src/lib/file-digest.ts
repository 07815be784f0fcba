/**
 * The build's sha256 digests, under which caches keep results: of a set of files (their paths
 * and bytes) and of whatever else decides a result drawn from them (the search index, the link
 * check), and of JSON-serialisable inputs (Open Graph cards, incremental-build page keys).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A stable hash of JSON-serialisable inputs: equal inputs, equal key (object key order counts). */
export function jsonDigest(inputs: unknown, encoding: 'hex' | 'base64url' = 'hex'): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest(encoding);
}

/** sha256 of some bytes, hex. */
export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A digest of files (each path and the sha256 of its bytes) under `root`, and of `also`. A caller
 * that already knows a file's sha256 passes `digestOf` (the link check knows every page's).
 */
export function fileDigest(
  root: string,
  paths: readonly string[],
  also: readonly (string | Buffer)[] = [],
  digestOf: (path: string) => string = (path) => sha256Of(readFileSync(join(root, path))),
): string {
  const hash = createHash('sha256');
  for (const part of also) hash.update(part).update('\0');
  for (const path of [...paths].sort()) hash.update(`${path}\0${digestOf(path)}\0`);
  return hash.digest('hex');
}
