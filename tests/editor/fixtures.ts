/** Small content trees for the editor-workflow tests, written into temp dirs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const AUTHOR = 'name: Amara Okafor\nbio: Amara Okafor covers coastal towns for this publication.\n';

/** A one-pixel PNG, enough for a file that must exist. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A valid original article. `fields` replace base fields in place or are appended; '' leaves a field out.
 * Values starting with a newline are indented blocks.
 */
export function article(fields: Record<string, string> = {}, body = 'A paragraph of body text.\n'): string {
  const base: Record<string, string> = {
    title: 'A valid headline',
    pubDate: '2026-11-01T09:00:00+00:00',
    section: 'news',
    source: '\n  relationship: original',
    ...fields,
  };
  const yaml = Object.entries(base)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}:${value.startsWith('\n') ? '' : ' '}${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

/** Writes `files` (path -> contents) under a fresh temp dir, returning it and a cleanup. */
export function writeTree(files: Record<string, string | Buffer>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'wirepress-editor-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
