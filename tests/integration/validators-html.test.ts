/**
 * Every HTML file of the built site passes the W3C Nu HTML Checker with no error, the same
 * checker as validator.w3.org/nu, run locally.
 */
import { globSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkHtml, describeMessages } from '../../scripts/verify/nu-html-checker.ts';

describe('the Nu HTML Checker', () => {
  it('finds no error in any HTML file in dist/', () => {
    const dist = inject('siteDist');
    const files = globSync('**/*.html', { cwd: dist }).map((file) => join(dist, file));
    expect(files.length).toBeGreaterThan(3);
    const messages = checkHtml(files);
    expect(messages, describeMessages(messages, dist)).toEqual([]);
  });

  it('does report an error in invalid markup (the gate can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirepress-vnu-'));
    const file = join(dir, 'bad.html');
    writeFileSync(file, '<!doctype html><html lang="en"><title>x</title><p><div>block in p</p></span>');
    try {
      const messages = checkHtml([file]);
      expect(messages.some((m) => m.type === 'error')).toBe(true);
      expect(describeMessages(messages, dir)).toContain('bad.html');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
