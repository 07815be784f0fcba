/**
 * What the link check between articles costs at archive scale, counted rather than timed: a body
 * is parsed only when it may link inside the site or a fragment points into it, and once at most
 * however many links point to it (issue 19: at 100,000 articles every body was parsed and every
 * tree kept until the end).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { articleLinkProblems, mayLinkInside, type LinkedArticle } from '../../src/lib/article-links.ts';

vi.mock('mdast-util-from-markdown', async (importOriginal) => {
  const original = await importOriginal<typeof import('mdast-util-from-markdown')>();
  return { ...original, fromMarkdown: vi.fn(original.fromMarkdown) };
});
const parses = vi.mocked(fromMarkdown);
beforeEach(() => parses.mockClear());

const elsewhere = (id: string): LinkedArticle => ({
  id,
  aliases: [],
  body:
    '## Budget\n\nRead [the report](https://news.example.com/report/1) ' +
    'and [more](http://example.org/).\n',
});

describe('which bodies may link inside the site', () => {
  it.each([
    ['[the vote](../harbour-vote/)', true],
    ['[the vote](/articles/harbour-vote/#the-vote)', true],
    ['[top](#page-top)', true],
    ['[report](./report.pdf)', true],
    ['[a](https://example.org/) and [b](../b/)', true],
    ['[the vote][vote]\n\n[vote]: ../harbour-vote/', true],
    ['[the vote](\n../harbour-vote/)', true],
    ['[the vote]( https://example.org/)', true],
    ['<p><a href="../harbour-vote/">The vote</a></p>', true],
    ['<A\nHREF="../harbour-vote/">The vote</A>', true],
    ['[a](https://example.org/) and [b](http://example.net/x)', false],
    ['No links at all, [brackets] and (parentheses).', false],
  ])('%j: %s', (body, expected) => {
    expect(mayLinkInside(body)).toBe(expected);
  });

  it('a body that links only elsewhere is not parsed, and has no problems', () => {
    const articles = Array.from({ length: 50 }, (_, index) => elsewhere(`story-${index}`));
    expect(articleLinkProblems(articles).flat()).toEqual([]);
    expect(parses).not.toHaveBeenCalled();
  });
});

describe('each body is parsed once at most', () => {
  const target: LinkedArticle = {
    id: 'harbour-vote',
    aliases: [],
    body: 'Intro.\n\n## The vote\n\nSee [below](#what-next).\n\n## What next\n\nMore.\n',
  };
  const linkers = Array.from({ length: 20 }, (_, index) => ({
    id: `linker-${index}`,
    aliases: [],
    body: '[the vote](../harbour-vote/#the-vote) and [a typo](../harbour-vote/#the-vot)\n',
  }));
  const quiet: LinkedArticle = { id: 'quiet', aliases: [], body: '## Calm\n\nNo links.\n' };
  const toQuiet: LinkedArticle = { id: 'to-quiet', aliases: [], body: '[calm](../quiet/#calm)\n' };

  it('however many links point to it, before or after it, its own fragments too', () => {
    const problems = articleLinkProblems([...linkers.slice(0, 10), target, ...linkers.slice(10)]);
    expect(problems.map((found) => found.length)).toEqual([...Array(10).fill(1), 0, ...Array(10).fill(1)]);
    expect(parses).toHaveBeenCalledTimes(21);
  });

  it('a body that links nowhere only when a fragment points into it', () => {
    expect(articleLinkProblems([quiet, toQuiet, elsewhere('story')]).flat()).toEqual([]);
    expect(parses).toHaveBeenCalledTimes(2);
  });
});
