import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, slugOf } from '../../scripts/bench/floor.ts';

describe('the floor baseline', () => {
  it('names pages like the site does', () => {
    expect(slugOf('harbour-walk.md')).toBe('harbour-walk');
    expect(slugOf('harbour-walk/index.md')).toBe('harbour-walk');
  });

  it('renders and sanitizes every article into articles/<slug>/index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
    try {
      mkdirSync(join(dir, 'content/articles/with-hero'), { recursive: true });
      writeFileSync(
        join(dir, 'content/articles/plain.md'),
        '---\ntitle: "Tom & Jerry"\n---\n\n## Heading\n\nText <script>alert(1)</script>\n',
      );
      writeFileSync(join(dir, 'content/articles/with-hero/index.md'), '---\ntitle: Hero\n---\n\n> quoted\n');
      expect(main(join(dir, 'content'), join(dir, 'out'))).toBe(2);
      const plain = readFileSync(join(dir, 'out/articles/plain/index.html'), 'utf8');
      expect(plain).toContain('<title>Tom &#38; Jerry</title>');
      expect(plain).toContain('<h2>Heading</h2>');
      expect(plain).not.toContain('<script');
      expect(readFileSync(join(dir, 'out/articles/with-hero/index.html'), 'utf8')).toContain('<blockquote>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
