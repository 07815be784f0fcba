/**
 * Resource limits (src/markdown/remark-limits.ts) through the real markdown processor: hostile
 * bodies are refused quickly with an error naming the file, line and limit; ordinary and
 * moderately nested articles still render. Vitest's per-test timeout is the bound on time.
 */
import { describe, expect, it } from 'vitest';
import { checkLimits, LIMITS } from '../../src/lib/body-limits.ts';
import { render } from '../markdown/astro-processor.ts';

const renderMarkdown = async (markdown: string, options?: { filePath?: string }) =>
  (await render(markdown, options)).html;

const FILE = '/site/content/articles/hostile/index.md';

async function rejection(markdown: string): Promise<string> {
  const error = await renderMarkdown(markdown, { filePath: FILE }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error, 'the body was accepted').toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).toContain('content/articles/hostile/index.md');
  expect(message).not.toMatch(/Maximum call stack/);
  return message;
}

describe('hostile bodies are refused before parsing, naming the file', () => {
  it('a 5 MB article', { timeout: 20_000 }, async () => {
    const body = 'All work and no play makes a dull article. '.repeat(122_000);
    expect(body.length).toBeGreaterThan(5_000_000);
    expect(await rejection(body)).toMatch(/5,246,000 characters long; the limit is 500,000/);
  });

  it('50,000-deep nested blockquotes', { timeout: 10_000 }, async () => {
    expect(await rejection(`${'>'.repeat(50_000)} deep`)).toMatch(
      /index\.md:1: .*nested about 50000 levels deep.*limit is 100/,
    );
  });

  it('50,000-deep nested lists on one line and by indentation', { timeout: 10_000 }, async () => {
    expect(await rejection(`Intro.\n\n${'- '.repeat(50_000)}item`)).toMatch(
      /index\.md:3: .*nested about 50000 levels/,
    );
    expect(await rejection(`${'1. '.repeat(50_000)}item`)).toMatch(/nested about 50000 levels/);
    const staircase = Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join(
      '\n',
    );
    expect(await rejection(staircase)).toMatch(/index\.md:101: .*nested about 101 levels/);
  });

  it('50,000-deep nested raw HTML', { timeout: 10_000 }, async () => {
    expect(await rejection(`Text\n\n${'<div>'.repeat(50_000)}x`)).toMatch(
      /index\.md:3: raw HTML elements are nested more than 100 deep/,
    );
    expect(await rejection('<span>'.repeat(50_000))).toMatch(/nested more than 100 deep/);
  });

  it(
    'pathological inline markup: runs of * and [, and unresolved references',
    { timeout: 10_000 },
    async () => {
      expect(await rejection('*'.repeat(50_000))).toMatch(/50,000 emphasis or link characters/);
      expect(await rejection('['.repeat(50_000))).toMatch(/50,000 emphasis or link characters/);
      expect(await rejection(`Fine.\n\n${'*a'.repeat(25_000)}`)).toMatch(
        /index\.md:3: this paragraph has 25,000/,
      );
      expect(await rejection('[a][b]'.repeat(16_000))).toMatch(/64,000 emphasis or link characters/);
    },
  );
});

describe('ordinary articles are untouched by the limits', () => {
  it(
    'renders a long article, nested lists and quotes, and HTML examples in code',
    { timeout: 20_000 },
    async () => {
      const prose = ('The harbour light returns after forty years in the dark. '.repeat(20) + '\n\n').repeat(
        300,
      );
      const nested = Array.from({ length: 12 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join(
        '\n',
      );
      const quotes = '> > > > quoted four deep';
      const htmlLesson = `\`\`\`html\n${'<div>'.repeat(500)}\n\`\`\`\n\nInline: ${'`<section>` '.repeat(300)}`;
      const html = await renderMarkdown([prose, nested, quotes, htmlLesson].join('\n\n'), { filePath: FILE });
      expect(html).toContain('level 11');
      expect(html.match(/<blockquote>/g)).toHaveLength(4);
      expect(html.match(/&#x3C;section>/g)).toHaveLength(300);
    },
  );

  it('accepts what sits exactly at each limit', () => {
    expect(checkLimits('a'.repeat(LIMITS.characters))).toBeUndefined();
    expect(checkLimits(`${'> '.repeat(LIMITS.containerDepth)}x`)).toBeUndefined();
    expect(checkLimits(`${'<i>'.repeat(LIMITS.htmlDepth)}x`)).toBeUndefined();
    expect(checkLimits('_'.repeat(LIMITS.delimitersPerParagraph))).toBeUndefined();
    expect(checkLimits('_'.repeat(LIMITS.delimitersPerParagraph + 1))).toBeDefined();
  });

  it('counts void, self-closed and closed elements correctly', () => {
    expect(checkLimits('<p>a</p>'.repeat(5_000))).toBeUndefined();
    expect(checkLimits('<br><img src="x.png"><hr/>'.repeat(500))).toBeUndefined();
    expect(checkLimits('<b title="<i>">x</b>'.repeat(500))).toBeUndefined();
  });
});

describe('the front-matter check refuses them before content sync, naming file:line', () => {
  it('reports each hostile body of a content folder, without parsing it', { timeout: 20_000 }, async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { checkProjectContent } = await import('../../src/integrations/content-check.ts');
    const root = mkdtempSync(join(tmpdir(), 'wirepress-limits-'));
    const bodies: Record<string, string> = {
      'five-megabytes': 'All work and no play makes a dull article. '.repeat(122_000),
      'deep-quotes': `${'>'.repeat(50_000)} deep`,
      'deep-list': `${'- '.repeat(50_000)}item`,
      'deep-html': `${'<div>'.repeat(50_000)}x`,
      'star-run': '*'.repeat(50_000),
    };
    try {
      for (const [name, body] of Object.entries(bodies)) {
        mkdirSync(join(root, 'content/articles', name), { recursive: true });
        const frontMatter =
          '---\ntitle: Hostile\npubDate: 2026-11-20T10:00:00+00:00\n' +
          'section: security\nsource:\n  relationship: original\n---\n\n';
        writeFileSync(join(root, 'content/articles', name, 'index.md'), frontMatter + body);
      }
      const problems = checkProjectContent(pathToFileURL(`${root}/`)).problems;
      expect(problems.map(({ file, line, field }) => `${file}:${line} ${field}`).sort()).toEqual(
        // Line 9 is the body's first line; a body that is too long as a whole is reported at its start.
        Object.keys(bodies)
          .map((name) => `content/articles/${name}/index.md:${name === 'five-megabytes' ? 8 : 9} (body)`)
          .sort(),
      );
      for (const problem of problems) expect(problem.hint).toMatch(/split|flatten|close|break/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
