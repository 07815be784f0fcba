/** Smart punctuation is on for articles written here and off, per article, for copy that must stay verbatim. */
import { readFileSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import fc from 'fast-check';
// remark-smartypants is kept (a devDependency; @astrojs/markdown-remark installs it anyway) only as
// the reference this file compares remark-smart-punctuation with; the build uses retext-smartypants.
import remarkSmartypants from 'remark-smartypants';
import { describe, expect, it } from 'vitest';
import remarkSmartPunctuation from '../../src/markdown/remark-smart-punctuation.ts';
import { render } from './astro-processor.ts';

const STRAIGHT = `"It's back," she said -- after 'forty years'... Really.`;

describe('smart punctuation', () => {
  it('curls quotes, apostrophes, dashes and ellipses by default', async () => {
    const { body } = await render(STRAIGHT);
    expect(body.textContent?.trim()).toBe('“It’s back,” she said — after ‘forty years’… Really.');
  });

  it('is off for an article with smartPunctuation: false, which keeps the text exactly as written', async () => {
    const { body } = await render(STRAIGHT, { frontmatter: { smartPunctuation: false } });
    expect(body.textContent?.trim()).toBe(STRAIGHT);
  });

  it('never touches code', async () => {
    const { body } = await render('Run `say "hi" -- now`');
    expect(body.querySelector('code')?.textContent).toBe('say "hi" -- now');
  });
});

describe('remark-smart-punctuation against remark-smartypants (the reference it speeds up)', () => {
  const renderer = (plugin: unknown) =>
    createMarkdownProcessor({
      remarkPlugins: [plugin as never],
      smartypants: false,
      gfm: true,
      syntaxHighlight: false,
    });
  const ours = renderer(remarkSmartPunctuation);
  const reference = renderer(remarkSmartypants);
  const html = async (processor: ReturnType<typeof renderer>, markdown: string) =>
    (await (await processor).render(markdown)).code;

  // Tokens that exercise every rule: quotes in and around inline markup, apostrophes, decades,
  // dashes, spaced and unspaced ellipses, backticks, code, and block starts.
  const token = fc.constantFrom(
    'word',
    "it's",
    '"',
    "'",
    '``',
    "''",
    '--',
    '---',
    '...',
    '. . .',
    '.',
    ',',
    ' ',
    ' ',
    '\n',
    '\n\n',
    '\n\n## ',
    '*',
    '**',
    '_',
    '[',
    '](https://example.com/)',
    '`code "x" --`',
    "'80s",
    '"Hi,"',
    '- ',
    '> ',
    '| a | "b" |\n|---|---|\n| \'c\' | d... |\n',
  );
  const markdown = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(''));

  it('gives the same HTML for generated markdown', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (source) => {
        expect(await html(ours, source)).toBe(await html(reference, source));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same HTML for the seed and sample articles', async () => {
    for (const file of [
      'content/articles/harbour-light-returns/index.md',
      'tests/fixtures/seed-articles/000_8f9d78f08d0ec58e.txt',
    ]) {
      const source = readFileSync(file, 'utf8');
      expect(await html(ours, source)).toBe(await html(reference, source));
    }
  });
});
