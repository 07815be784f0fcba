import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileDigest } from '../../src/lib/file-digest.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'file-digest-'));
  writeFileSync(join(root, 'a.html'), '<p>a</p>');
  writeFileSync(join(root, 'b.html'), '<p>b</p>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('fileDigest', () => {
  it('is the same for the same files in any order', () => {
    expect(fileDigest(root, ['a.html', 'b.html'])).toBe(fileDigest(root, ['b.html', 'a.html']));
  });

  it('changes with a byte of a file, with the set of files, with a rename and with the extra inputs', () => {
    const before = fileDigest(root, ['a.html', 'b.html'], ['v1']);
    expect(fileDigest(root, ['a.html', 'b.html'], ['v2'])).not.toBe(before);
    expect(fileDigest(root, ['a.html'], ['v1'])).not.toBe(before);
    writeFileSync(join(root, 'c.html'), '<p>b</p>');
    expect(fileDigest(root, ['a.html', 'c.html'], ['v1'])).not.toBe(before);
    writeFileSync(join(root, 'b.html'), '<p>B</p>');
    expect(fileDigest(root, ['a.html', 'b.html'], ['v1'])).not.toBe(before);
  });

  it('does not confuse where one file ends and the next begins', () => {
    writeFileSync(join(root, 'a.html'), 'ab');
    writeFileSync(join(root, 'b.html'), '');
    const joined = fileDigest(root, ['a.html', 'b.html']);
    writeFileSync(join(root, 'a.html'), 'a');
    writeFileSync(join(root, 'b.html'), 'b');
    expect(fileDigest(root, ['a.html', 'b.html'])).not.toBe(joined);
  });
});
