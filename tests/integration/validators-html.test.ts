/**
 * The W3C Nu HTML Checker, the same checker as validator.w3.org/nu, run locally. That every HTML
 * file of the built site passes it is asserted by `npm run verify` on the real site with no
 * publish record (tests/integration/verify.test.ts), which runs it over every page: a second
 * run here cost a JVM and the whole site's pages again.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHtml, describeMessages } from '../../scripts/verify/nu-html-checker.ts';

describe('the Nu HTML Checker', () => {
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
