/**
 * Heading ids: stable GitHub-style slugs that never collide with the page chrome (`page-…`) or editors' ids
 * (`user-content-…`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { articleFolder, render, renderArticleFile } from './astro-processor.ts';

const ids = async (markdown: string) =>
  [...(await render(markdown)).body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.id);

describe('heading ids', () => {
  it('are slugs of the heading text, the same on every build', async () => {
    const markdown = '## A lamp restored by hand\n\n### Why “forty” years?\n\n## Ça marche';
    expect(await ids(markdown)).toEqual(['a-lamp-restored-by-hand', 'why-forty-years', 'ça-marche']);
    expect(await ids(markdown)).toEqual(await ids(markdown));
  });

  it('are unique within an article', async () => {
    expect(await ids('## Update\n\n## Update\n\n## Update')).toEqual(['update', 'update-1', 'update-2']);
  });

  it.each([
    ['h2', '## Page main', 'section-page-main'],
    ['h1 (named by Astro otherwise)', '# Page header', 'section-page-header'],
    ['h3', '### Page-footer', 'section-page-footer'],
  ])('never start with the chrome prefix page- (%s)', async (_, markdown, id) => {
    expect(await ids(markdown)).toEqual([id]);
  });

  it('never take the prefix of editors’ ids', async () => {
    expect(await ids('## User content note')).toEqual(['section-user-content-note']);
  });

  it('keep an id the editor gave, prefixed like every editor id', async () => {
    expect(await ids('<h2 id="page-main">Mine</h2>')).toEqual(['user-content-page-main']);
  });

  it('fall back to "section" for a heading without text', async () => {
    expect(await ids('##\n\n## …')).toEqual(['section', 'section-1']);
  });
});

describe('explicit heading ids ({#id} after the heading text)', () => {
  it('give the heading that id, unprefixed, and take the {#…} off its text', async () => {
    const { body } = await render(
      '## The vote {#old-anchor}\n\nSetext too {#Legacy_2019.v2}\n---\n\n### Dashes -- kept {#a--b}',
    );
    const headings = [...body.querySelectorAll('h2, h3')].map((heading) => [heading.id, heading.textContent]);
    expect(headings).toEqual([
      ['old-anchor', 'The vote'],
      ['Legacy_2019.v2', 'Setext too'],
      ['a--b', 'Dashes — kept'],
    ]);
  });

  it('are not read in the middle of a heading or in code', async () => {
    expect(await ids('## A {#x} b\n\n## `{#y}`')).toEqual(['a-x-b', 'y']);
  });

  it('make generated ids step aside, whichever comes first', async () => {
    expect(await ids('## Update\n\n## Later {#update}\n\n## Update')).toEqual([
      'update-1',
      'update',
      'update-2',
    ]);
  });

  it('leave ids written in HTML prefixed as before', async () => {
    expect(await ids('<h2 id="x">Raw</h2>\n\n## Markdown {#x}')).toEqual(['user-content-x', 'x']);
  });
});

describe('unusable explicit heading ids', () => {
  const folder = articleFolder();
  afterAll(() => folder.cleanup());

  const renderFile = (body: string) => renderArticleFile(folder.indexFile, body);

  it.each([
    ['## Empty {#}', 'the heading id {#} is empty', 'empty'],
    ['## Spaced {#two words}', 'the heading id {#two words} contains a space', 'spaced'],
    ['## Kramdown {#x .wide}', 'the heading id {#x .wide} contains a space', 'kramdown'],
    [
      '## Chrome {#page-main}',
      'the heading id {#page-main} starts with "page-", which the site keeps for its own ids',
      'chrome',
    ],
    [
      '## Prefixed {#user-content-x}',
      'the heading id {#user-content-x} starts with "user-content-", which the site keeps for its own ids',
      'prefixed',
    ],
    ['## Odd {#a/b}', 'the heading id {#a/b} has characters an id cannot have', 'odd'],
    [
      `## Long {#${'x'.repeat(201)}}`,
      `the heading id {#${'x'.repeat(201)}} is longer than 200 characters`,
      'long',
    ],
  ])(
    'are reported with line, column and fix, and the heading gets its generated id: %s',
    async (markdown, message, id) => {
      const { html, facts } = await renderFile(`Intro.\n\n${markdown}`);
      expect(facts.notes).toEqual([
        { line: 7, column: markdown.indexOf('{#') + 1, message, fix: expect.any(String) },
      ]);
      expect(html).toContain(`id="${id}"`);
      expect(html).not.toContain('{#');
    },
  );

  it('report a duplicate at the second heading, which gets its generated id', async () => {
    const { html, facts } = await renderFile('## One {#same}\n\n## Two {#same}');
    expect(facts.notes).toEqual([
      {
        line: 7,
        column: 8,
        message: 'the heading id {#same} is already used by an earlier heading',
        fix: expect.stringContaining('give each heading its own id'),
      },
    ]);
    expect(html).toContain('<h2 id="same">One</h2>');
    expect(html).toContain('<h2 id="two">Two</h2>');
  });

  it('say nothing about good ones', async () => {
    expect((await renderFile('## Fine {#fine}')).facts.notes).toEqual([]);
  });
});
