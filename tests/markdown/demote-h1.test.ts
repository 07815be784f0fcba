/** An h1 in a body (markdown or HTML) becomes an h2, with a warning at its line: the page's headline is its only h1. */
import { afterAll, describe, expect, it } from 'vitest';
import { articleFolder, render, renderArticleFile } from './astro-processor.ts';

const folder = articleFolder();
afterAll(() => folder.cleanup());

const headings = async (markdown: string) =>
  [...(await render(markdown)).body.querySelectorAll('h1, h2, h3')].map(
    (heading) => `${heading.tagName} ${heading.id}`,
  );

describe('an h1 in a body', () => {
  it('becomes an h2, ATX, setext or HTML, keeping its id', async () => {
    expect(
      await headings(
        '# Opening\n\nSetext\n======\n\n<h1>Raw</h1>\n\n<h1 id="mine">Own id</h1>\n\n## Section\n\n### Detail',
      ),
    ).toEqual(['H2 opening', 'H2 setext', 'H2 raw', 'H2 user-content-mine', 'H2 section', 'H3 detail']);
  });

  it('is reported at its line and column in the file, with a fix', async () => {
    const { facts } = await renderArticleFile(
      folder.indexFile,
      'Intro.\n\n# The harbour light returns\n\n## Fine\n\n<h1 id="x">Raw</h1>',
    );
    expect(facts.notes).toEqual([
      {
        line: 7,
        column: 1,
        message: 'the h1 "The harbour light returns" was made an h2: the page\'s headline is its only h1',
        fix: expect.stringContaining('start section headings with ##'),
      },
      {
        line: 11,
        column: 1,
        message: 'the h1 "Raw" was made an h2: the page\'s headline is its only h1',
        fix: expect.any(String),
      },
    ]);
  });

  it('says nothing when there is none', async () => {
    expect((await renderArticleFile(folder.indexFile, '## Fine\n\nText.')).facts.notes).toEqual([]);
  });
});
