/** The checker reads front matter as the build's js-yaml does (src/lib/frontmatter-check-js-yaml.ts). */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import {
  buildParserRejection,
  indentQuotedContinuations,
  parseFrontMatterYaml,
} from '../../src/lib/frontmatter-check-js-yaml.ts';

const astroReads = (yaml: string) => parseFrontmatter(`---\n${yaml}\n---\n`).frontmatter;

describe('quoted values continued on unindented lines', () => {
  it.each([
    ['double quotes', 'title: "A long\nheadline"\nsection: news'],
    ['single quotes with an escaped quote', "title: 'It''s a long\nheadline'\nsection: news"],
    ['an escaped double quote inside', 'title: "She said \\"no\\" to the\nharbour plan"\nsection: news'],
    ['a nested field', 'heroImage:\n  src: ./a.jpg\n  alt: "A lamp\nat dusk"\nsection: news'],
    ['a list item', 'tags:\n  - "Coast\nline"\nsection: news'],
    ['a blank line inside (a line break)', 'title: "First\n\nsecond"\nsection: news'],
  ])('%s: read with the value the build reads, on the same lines', (_, yaml) => {
    const parsed = parseFrontMatterYaml(yaml);
    expect(parsed.document.errors).toEqual([]);
    expect(parsed.document.toJS()).toEqual(astroReads(yaml));
    expect(parsed.text.split('\n')).toHaveLength(yaml.split('\n').length);
  });

  it('leaves text without multi-line quoted values as it is', () => {
    const yaml = 'title: Plain\ndescription: "one line"\ntags: [a, b]';
    expect(indentQuotedContinuations(yaml)).toBe(yaml);
  });

  it('still reports a quote that never closes, which the build refuses too', () => {
    const yaml = 'title: "Unclosed\nsection: news';
    expect(parseFrontMatterYaml(yaml).document.errors.length).toBeGreaterThan(0);
    expect(buildParserRejection(yaml)).toMatchObject({
      reason: expect.stringContaining('double quoted scalar'),
    });
  });
});

describe('buildParserRejection', () => {
  it('is undefined for what js-yaml reads, and gives its reason and line otherwise', () => {
    expect(buildParserRejection('title: Fine\nsection: news')).toBeUndefined();
    expect(buildParserRejection('title: Fine\n  bad: indentation: here')).toMatchObject({
      line: 2,
      reason: expect.any(String),
    });
  });
});
