/**
 * The front-matter checker against one content tree holding every kind of mistake the editors'
 * issue lists: each problem is reported with file:line:col, field, expectation and fix, all in one run.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProjectContent } from '../../src/integrations/content-check.ts';
import { formatProblem, summary } from '../../src/lib/frontmatter-check-format.ts';
import type { ContentCheckResult, Problem } from '../../src/lib/frontmatter-check.ts';
import { AUTHOR, article, PIXEL_PNG, writeTree } from './fixtures.ts';

const A = 'content/articles';

const files: Record<string, string | Buffer> = {
  'content/authors/amara-okafor.yaml': AUTHOR,
  'content/authors/no-bio.yaml': 'name: Jo Bell\nurl: javascript:alert(1)\navatar: ./jo.jpg\n',
  [`${A}/good/index.md`]: article({
    authors: '[amara-okafor]',
    heroImage: '\n  src: ./photo.png\n  alt: A photo',
    aliases: '[old-good]',
  }),
  [`${A}/good/photo.png`]: PIXEL_PNG,
  [`${A}/decorative/index.md`]: article({
    heroImage: '\n  src: ../../assets/shared.png\n  decorative: true',
  }),
  'content/assets/shared.png': PIXEL_PNG,
  [`${A}/.hidden/index.md`]: 'not an article: the glob loader skips hidden folders',
  [`${A}/yaml-syntax.md`]: '---\ntitle: "Unclosed quote\nsection: news\n---\nBody\n',
  [`${A}/missing-title.md`]: article({ title: '' }),
  [`${A}/missing-title-long.md`]: article(
    { title: '' },
    '## A heading first\n\nVolunteers restored the lighthouse lamp ' +
      'by hand. On Saturday night it shone over the bay again.\n',
  ),
  [`${A}/tab.md`]: article({ source: '\n\trelationship: original' }),
  [`${A}/unsluggable-tag.md`]: article({ tags: '[Coast, "東京"]' }),
  [`${A}/wrong-type.md`]: article({ tags: 'Coast', draft: 'yes' }),
  [`${A}/impossible-date.md`]: article({ pubDate: '2024-02-30T09:00:00+00:00' }),
  [`${A}/no-offset.md`]: article({ pubDate: '2026-11-29 09:00:00' }),
  [`${A}/unknown-author.md`]: article({ authors: '[amara-okafr]' }),
  [`${A}/javascript-url.md`]: article({ source: '\n  relationship: adapted\n  url: javascript:alert(1)' }),
  [`${A}/hero-no-alt/index.md`]: article({ heroImage: '\n  src: ./photo.png' }),
  [`${A}/hero-no-alt/photo.png`]: PIXEL_PNG,
  [`${A}/outside/index.md`]: article({ heroImage: '\n  src: ../good/photo.png\n  alt: Borrowed' }),
  [`${A}/missing-image/index.md`]: article({}, 'Text.\n\n![A chart](./chart.png)\n'),
  [`${A}/same-url.md`]: article(),
  [`${A}/same-url/index.md`]: article(),
  [`${A}/slug-override.md`]: article({ slug: 'good' }),
  [`${A}/Case-Only/index.md`]: article(),
  [`${A}/case-only/index.md`]: article(),
  [`${A}/typo.md`]: article({ titel: 'Misspelt' }),
  [`${A}/enum-typo.md`]: article({ source: '\n  relationship: syndicted\n  url: https://wire.example/a' }),
  [`${A}/duplicate-key.md`]: article({ section: 'news\nsection: sport' }),
  [`${A}/proto.md`]: article({ ['__proto__']: '\n  polluted: true' }),
  [`${A}/syndicated.md`]: article({ source: '\n  relationship: syndicated\n  publisher: The Wire' }),
  [`${A}/pin-ok.md`]: article({ featured: '\n  until: 2026-11-08T09:00:00+00:00' }),
  [`${A}/pin-too-long.md`]: article({ featured: '\n  until: 2026-11-08T09:00:01+00:00' }),
  [`${A}/pin-before.md`]: article({ featured: '\n  until: 2026-11-01T09:00:00+00:00' }),
  [`${A}/pin-no-offset.md`]: article({ featured: '\n  until: 2026-11-02 09:00' }),
};

let tree: ReturnType<typeof writeTree>;
let result: ContentCheckResult;
const about = (file: string) => result.problems.filter((problem) => problem.file === `${A}/${file}`);
const only = (file: string): Problem => {
  const found = about(file);
  expect(found, found.map(formatProblem).join('\n')).toHaveLength(1);
  return found[0]!;
};

beforeAll(() => {
  tree = writeTree(files);
  result = checkProjectContent(pathToFileURL(`${tree.root}/`));
});
afterAll(() => (process.env.KEEP_TREE ? console.log(tree.root) : tree.cleanup()));

describe('front-matter checker', () => {
  it('accepts valid articles, assets in content/assets/ and decorative heroes without alt', () => {
    // claimed by slug-override.md below
    expect(about('good/index.md').map((problem) => problem.field)).toEqual(['(file name)']);
    expect(about('decorative/index.md')).toEqual([]);
    expect(result.problems.filter((problem) => problem.file.includes('.hidden'))).toEqual([]);
  });

  it('digests each article file as read: the same text, the same digest', () => {
    const digestOf = (file: string) =>
      result.articles.find((checked) => checked.file.endsWith(`${A}/${file}`))?.sourceDigest;
    expect(digestOf('same-url.md')).toMatch(/^[\w-]{43}$/);
    expect(digestOf('same-url/index.md')).toBe(digestOf('same-url.md'));
    expect(digestOf('typo.md')).not.toBe(digestOf('same-url.md'));
  });

  it('reports a YAML syntax error at its line, naming the field it is in', () => {
    const problem = only('yaml-syntax.md');
    expect(problem).toMatchObject({ line: 3, column: 14, field: 'title' });
    expect(problem.message).toMatch(/YAML syntax error: .*quote/i);
    expect(problem.hint).toMatch(/quotes/);
  });

  it('reports a missing title with a headline taken from the first paragraph', () => {
    expect(only('missing-title.md')).toMatchObject({
      field: 'title',
      line: 2,
      message: 'required field is missing',
      expected: 'text',
    });
    expect(only('missing-title-long.md').hint).toBe(
      'add a headline, e.g. `title: "Volunteers restored the lighthouse ' +
        'lamp by hand"` (from the first paragraph; say it your own way)',
    );
  });

  it('reports a tag without a URL slug before any page renders', () => {
    expect(only('unsluggable-tag.md')).toMatchObject({
      line: 7,
      field: 'tags[1]',
      message: 'the tag "東京" has no URL slug (tag URLs keep only the letters a–z and digits)',
    });
  });

  it('says to replace a tab with spaces, on its line', () => {
    expect(only('tab.md')).toMatchObject({
      line: 6,
      field: '(YAML syntax)',
      hint: 'replace the tab with spaces: YAML indents with spaces only',
    });
  });

  it('reports wrong types at the offending key', () => {
    const found = about('wrong-type.md');
    expect(found.map((problem) => [problem.field, problem.line, problem.column, problem.expected])).toEqual([
      ['tags', 7, 1, 'a list, e.g. [first, second]'],
      ['draft', 8, 1, 'true or false'],
    ]);
  });

  it('rejects an impossible date that YAML would roll over', () => {
    expect(only('impossible-date.md')).toMatchObject({
      line: 3,
      column: 1,
      field: 'pubDate',
      message: '"2024-02-30T09:00:00+00:00" is not a real calendar date or time',
      hint: '2024-02 has 29 days; check the day and month',
    });
  });

  it('rejects a date without a timezone offset and suggests one', () => {
    const problem = only('no-offset.md');
    expect(problem).toMatchObject({
      field: 'pubDate',
      message: '"2026-11-29 09:00:00" has no timezone offset, so it is ambiguous',
    });
    expect(problem.hint).toContain('2026-11-29T09:00:00+00:00');
  });

  it('reports an unknown author with the closest known id', () => {
    expect(only('unknown-author.md')).toMatchObject({
      line: 7,
      column: 11,
      field: 'authors[0]',
      message: 'unknown author "amara-okafr"',
      hint: 'did you mean "amara-okafor"?',
    });
  });

  it('rejects a non-http(s) source URL', () => {
    expect(only('javascript-url.md')).toMatchObject({
      line: 7,
      column: 3,
      field: 'source.url',
      expected: 'an absolute http:// or https:// URL',
    });
  });

  it('requires hero alt text unless the image is decorative', () => {
    expect(only('hero-no-alt/index.md')).toMatchObject({
      line: 7,
      column: 1,
      field: 'heroImage.alt',
      message: 'the hero image has no alt text',
    });
    expect(only('hero-no-alt/index.md').hint).toContain('decorative: true');
  });

  it('rejects an image from outside the article folder and content/assets/', () => {
    expect(only('outside/index.md')).toMatchObject({
      line: 8,
      column: 3,
      field: 'heroImage.src',
      message: 'the image "../good/photo.png" is outside the article\'s folder',
    });
  });

  it('reports a missing inline image at its line in the body', () => {
    expect(only('missing-image/index.md')).toMatchObject({
      line: 11,
      column: 1,
      field: '(body image)',
      message: `the image "./chart.png" does not exist (looked for ${A}/missing-image/chart.png)`,
    });
  });

  it('reports two articles on one URL: file vs folder, slug override (and alias), case only', () => {
    expect(only('same-url.md').message).toBe(
      `the URL /articles/same-url/ is also claimed by ${A}/same-url/index.md`,
    );
    expect(only('same-url/index.md').message).toBe(
      `the URL /articles/same-url/ is also claimed by ${A}/same-url.md`,
    );
    expect(only('slug-override.md')).toMatchObject({
      field: 'slug',
      line: 7,
      message: `the URL /articles/good/ is also claimed by ${A}/good/index.md`,
    });
    expect(about('Case-Only/index.md').map((problem) => problem.field)).toEqual([
      '(file name)',
      '(file name)',
    ]);
    expect(only('case-only/index.md').message).toBe(
      `the URL /articles/case-only/ is also claimed by ${A}/Case-Only/index.md`,
    );
  });

  it('suggests the closest allowed value for a misspelt one', () => {
    expect(only('enum-typo.md')).toMatchObject({
      line: 6,
      column: 3,
      field: 'source.relationship',
      message: '"syndicted" is not one of the allowed values',
      expected: 'one of: original, syndicated, adapted, excerpt',
      hint: 'did you mean "syndicated"?',
    });
  });

  it('suggests the closest known field for an unknown one', () => {
    expect(only('typo.md')).toMatchObject({
      line: 7,
      column: 1,
      field: 'titel',
      message: 'unknown field "titel"',
      hint: 'did you mean "title"? Rename the key.',
    });
  });

  it('reports a duplicated key and a __proto__ key instead of crashing', () => {
    expect(only('duplicate-key.md')).toMatchObject({
      line: 5,
      column: 1,
      field: 'section',
      message: '"section" is written twice',
    });
    expect(only('proto.md')).toMatchObject({
      line: 7,
      column: 1,
      field: '__proto__',
      message: 'the key "__proto__" is not allowed',
    });
  });

  it('checks author files too: missing field, non-http(s) URL, missing avatar', () => {
    const found = result.problems.filter((problem) => problem.file === 'content/authors/no-bio.yaml');
    expect(found.map((problem) => [problem.line, problem.column, problem.field, problem.message])).toEqual([
      [1, 1, 'bio', 'required field is missing'],
      [2, 1, 'url', 'must be an absolute http:// or https:// URL'],
      [3, 1, 'avatar', 'the image "./jo.jpg" does not exist (looked for content/authors/jo.jpg)'],
    ]);
  });

  it('accepts a lead-story pin ending within 7 days of pubDate, and rejects one longer, ended or ambiguous', () => {
    expect(about('pin-ok.md')).toEqual([]);
    expect(only('pin-too-long.md')).toMatchObject({
      line: 8,
      column: 3,
      field: 'featured.until',
      message: 'the pin lasts more than 7 days after pubDate',
    });
    expect(only('pin-too-long.md').hint).toContain('2026-11-08T09:00:00.000Z or earlier');
    expect(only('pin-before.md')).toMatchObject({
      field: 'featured.until',
      expected: 'a moment after pubDate, at most 7 days later',
    });
    expect(only('pin-no-offset.md')).toMatchObject({
      field: 'featured.until',
      message: '"2026-11-02 09:00" has no timezone offset, so it is ambiguous',
    });
  });

  it('warns, without failing, about a syndicated article without source.url', () => {
    expect(only('syndicated.md')).toMatchObject({ severity: 'warning', field: 'source.url' });
  });

  it('formats each problem as file:line:col, field, expected and fix, with a one-line summary', () => {
    expect(formatProblem(only('typo.md'))).toBe(
      `${A}/typo.md:7:1  titel: unknown field "titel"\n` +
        '    expected: one of: title, description, pubDate, updatedDate, expires, authors, section, tags, ' +
        'heroImage, source, contentNote, corrections, aliases, slug, smartPunctuation, featured, draft\n' +
        '    fix: did you mean "title"? Rename the key.',
    );
    expect(summary(result.problems)).toMatch(/^Content check failed: \d+ problems in \d+ files\.$/);
  });
});
