/**
 * The publish record: a small JSON file written into each deployed site (dist/_publish/record.json)
 * so the next workflow run can read, from the live site, what is deployed: the commit it was built
 * from, the build clock (PUBLISH_NOW) it published against, and a digest of every HTML page.
 * The commit decides whether code changed since (scripts/publish/code-paths.ts), the clock whether
 * anything fell due since (scripts/publish/due.ts), and the digests which pages `npm run verify`
 * passes through the Nu HTML Checker.
 *
 * Node built-ins only: the scheduled run reads it before (and usually instead of) `npm ci`.
 *
 *   node scripts/publish/record.ts --dist dist --commit <sha> --clock <ISO date-time>
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';

export const RECORD_PATH = '_publish/record.json';

export interface PublishRecord {
  /** The commit the deployed site was built from. */
  commit: string;
  /** The build clock (ISO 8601) the site published against: PUBLISH_NOW of its build. */
  clock: string;
  /** Every HTML page, relative to dist/ with `/`, and the SHA-256 of its bytes (base64url). */
  pages: Record<string, string>;
}

/** The digest of every HTML page in `dist`. */
export function pageDigests(dist: string): Record<string, string> {
  const pages: Record<string, string> = {};
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  for (const page of files)
    pages[page] = createHash('sha256')
      .update(readFileSync(join(dist, page)))
      .digest('base64url');
  return pages;
}

/** Pages that are new or differ from the record's (all of them when there is no record). */
export function changedPages(current: Record<string, string>, previous: PublishRecord | undefined): string[] {
  return Object.keys(current).filter((page) => previous?.pages[page] !== current[page]);
}

/**
 * The record in a JSON text, or why it cannot be used (a first deploy has none; a site deployed
 * before records existed serves a 404 page or nothing). Never throws: callers fall back to
 * "check everything".
 */
export function parseRecord(text: string | undefined): { record?: PublishRecord; problem?: string } {
  if (text === undefined || text.trim() === '') return { problem: 'no publish record' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'the publish record is not JSON' };
  }
  const record = value as Partial<PublishRecord> | null;
  if (
    typeof record?.commit !== 'string' ||
    typeof record.clock !== 'string' ||
    Number.isNaN(Date.parse(record.clock)) ||
    typeof record.pages !== 'object' ||
    record.pages === null
  ) {
    return { problem: 'the publish record lacks a commit, a clock or page digests' };
  }
  return { record: record as PublishRecord };
}

/** Reads a record file; a missing or unreadable file is "no record". */
export function readRecordFile(file: string | undefined): { record?: PublishRecord; problem?: string } {
  if (!file) return { problem: 'no publish record' };
  try {
    return parseRecord(readFileSync(file, 'utf8'));
  } catch {
    return { problem: `no publish record at ${file}` };
  }
}

export function writeRecord(dist: string, record: Omit<PublishRecord, 'pages'>): PublishRecord {
  if (Number.isNaN(Date.parse(record.clock)))
    throw new Error(`--clock "${record.clock}" is not an ISO 8601 date-time`);
  const full = { ...record, clock: new Date(record.clock).toISOString(), pages: pageDigests(dist) };
  const file = join(dist, RECORD_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(full)}\n`);
  return full;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      commit: { type: 'string' },
      clock: { type: 'string' },
    },
  });
  if (!values.commit || !values.clock) {
    console.error(
      'record: usage: node scripts/publish/record.ts --dist dist --commit <sha> --clock <ISO date-time>',
    );
    process.exit(1);
  }
  try {
    const record = writeRecord(values.dist, { commit: values.commit, clock: values.clock });
    console.log(
      `Wrote ${join(values.dist, RECORD_PATH)}: commit ${record.commit}, ` +
        `clock ${record.clock}, ${Object.keys(record.pages).length} pages`,
    );
  } catch (error) {
    console.error(`record: ${(error as Error).message}`);
    process.exit(1);
  }
}
