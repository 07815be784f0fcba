import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishFile } from '../../src/lib/publish-file.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'publish-file-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('publishFile', () => {
  it('links the cached file into place on the same file system: same bytes, no second copy', () => {
    writeFileSync(join(dir, 'cached.png'), 'card');
    publishFile(join(dir, 'cached.png'), join(dir, 'published.png'));
    expect(readFileSync(join(dir, 'published.png'), 'utf8')).toBe('card');
    expect(statSync(join(dir, 'published.png')).ino).toBe(statSync(join(dir, 'cached.png')).ino);
  });

  it('fails loudly when the cached file is missing', () => {
    expect(() => publishFile(join(dir, 'missing.png'), join(dir, 'published.png'))).toThrow(/ENOENT/);
  });
});
