/**
 * Input rules against hostile front matter: every case in tests/security/rejected/<case>/content
 * is refused by the front-matter check that runs before Astro's content sync (the same
 * checkProjectContent the build runs), with an error naming the file, line and field.
 * Each case is checked on its own, so one case can never hide another.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/content.config.ts';
import { checkProjectContent } from '../../src/integrations/content-check.ts';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';

const REJECTED = join(import.meta.dirname, 'rejected');

/** case folder -> [file, field] of an error the check must report (more may come with it). */
const EXPECTED: Record<string, [file: string, field: string | RegExp][]> = {
  'source-url-javascript': [['content/articles/article/index.md', 'source.url']],
  'source-url-data': [['content/articles/article/index.md', 'source.url']],
  'source-url-obfuscated': [['content/articles/article/index.md', 'source.url']],
  'author-url-javascript': [['content/authors/evil.yaml', 'url']],
  'author-sameas-data': [['content/authors/evil.yaml', 'sameAs[0]']],
  'title-bidi-override': [['content/articles/article/index.md', 'title']],
  'title-control-character': [['content/articles/article/index.md', 'title']],
  'title-zero-width': [['content/articles/article/index.md', 'title']],
  'tag-bidi-isolate': [['content/articles/article/index.md', 'tags[0]']],
  'slug-traversal': [['content/articles/article/index.md', 'slug']],
  'slug-nested-path': [['content/articles/article/index.md', 'slug']],
  'slug-encoded-traversal': [['content/articles/article/index.md', 'slug']],
  'slug-uppercase': [['content/articles/article/index.md', 'slug']],
  'alias-traversal': [['content/articles/article/index.md', 'aliases[0]']],
  'duplicate-keys': [['content/articles/article/index.md', 'title']],
  'custom-tag-js': [['content/articles/article/index.md', 'description']],
  'custom-tag-local': [['content/articles/article/index.md', 'description']],
  'billion-laughs': [['content/articles/article/index.md', '(YAML aliases)']],
  'proto-key': [['content/articles/article/index.md', '__proto__']],
  'constructor-prototype': [['content/articles/article/index.md', 'constructor']],
  'toml-front-matter': [['content/articles/article/index.md', '(front matter)']],
  'yaml-merge-key': [['content/articles/article/index.md', '<<']],
  'hero-traversal': [['content/articles/article/index.md', 'heroImage.src']],
  'hero-absolute': [['content/articles/article/index.md', 'heroImage.src']],
  'hero-remote': [['content/articles/article/index.md', 'heroImage.src']],
  'inline-image-traversal': [['content/articles/article/index.md', '(body image)']],
  'duplicate-slug': [
    ['content/articles/first/index.md', 'slug'],
    ['content/articles/second/index.md', 'slug'],
  ],
  'case-collision': [
    ['content/articles/Harbour/index.md', '(file name)'],
    ['content/articles/harbour/index.md', '(file name)'],
  ],
  'file-vs-folder': [
    ['content/articles/harbour.md', '(file name)'],
    ['content/articles/harbour/index.md', '(file name)'],
  ],
};

describe('hostile front matter is refused before content sync, naming file, line and field', () => {
  it.each(Object.entries(EXPECTED))('%s', { timeout: 10_000 }, (name, expected) => {
    const { problems } = checkProjectContent(pathToFileURL(join(REJECTED, name, '/')));
    const errors = problems.filter((problem) => problem.severity === 'error');
    for (const [file, field] of expected) {
      expect(errors, `no error for ${field} in ${file}: ${JSON.stringify(errors, null, 1)}`).toContainEqual(
        expect.objectContaining({ file, field, line: expect.any(Number), hint: expect.stringMatching(/\S/) }),
      );
    }
  });

  it('covers every case folder', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(REJECTED).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('the content schema itself (Astro validates js-yaml output with it, checker or not)', () => {
  const schema = articleSchema({ image: () => z.string() } as unknown as SchemaContext);
  const valid = {
    title: 'Fine',
    pubDate: '2026-11-20T10:00:00+00:00',
    section: 'news',
    source: { relationship: 'original' },
  };
  const issuesFor = (patch: Record<string, unknown>) => {
    const result = schema.safeParse({ ...valid, ...patch });
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts the valid baseline', () => expect(issuesFor({})).toEqual([]));

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//example.org/protocol-relative',
    '/relative/path',
    'ftp://example.org/',
  ])('source.url %j is refused', (url) => {
    expect(issuesFor({ source: { relationship: 'syndicated', url } })).toContain('source.url');
  });

  it.each(['\u202Eevil', 'a\u2066b', 'zero\u200Bwidth', 'nul\u0000', 'esc\u001b[31m', 'b\uFEFFom', '   '])(
    'title %j is refused',
    (title) => {
      expect(issuesFor({ title })).toContain('title');
    },
  );

  it.each(['../index', 'a/b', 'Index', 'a--b', '-a', 'a_b', '%2e%2e', 'a.b', ''])(
    'slug %j is refused',
    (slug) => {
      expect(issuesFor({ slug })).toContain('slug');
    },
  );
});

describe("Astro's own front-matter parser (js-yaml, via @astrojs/markdown-remark)", () => {
  // What happens when the checker is bypassed (e.g. `astro sync` in a tool that skips integrations).
  const parse = (yaml: string) => parseFrontmatter(`---\n${yaml}\n---\nBody`).frontmatter;

  it('refuses JavaScript tags and unknown custom tags', () => {
    expect(() => parse('x: !!js/function "function () { return 1 }"')).toThrow(/unknown tag/);
    expect(() => parse('x: !exec "touch /tmp/pwned"')).toThrow(/unknown tag/);
  });

  it('refuses duplicate keys', () => {
    expect(() => parse('title: one\ntitle: two')).toThrow(/duplicated mapping key/);
  });

  it('keeps a __proto__ key as data without polluting Object.prototype', () => {
    const data = parse('__proto__:\n  polluted: true');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
