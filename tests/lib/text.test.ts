import { describe, expect, it } from 'vitest';
import {
  firstUnsafeCharacter,
  hasUnsafeCharacters,
  ledeFromMarkdown,
  stripXmlIllegal,
} from '../../src/lib/text.ts';

describe('hasUnsafeCharacters', () => {
  it.each([
    '\u0000',
    '\u0007',
    '\u001B',
    '\u007F',
    '\u0085',
    '\u200B',
    '\u202A',
    '\u202E',
    '\u2060',
    '\u2066',
    '\u2069',
    '\uFEFF',
    '\uFFFE',
  ])('finds U+%s', (character) => {
    expect(hasUnsafeCharacters(`a${character}b`)).toBe(true);
  });

  it('accepts ordinary text, tabs, newlines, curly quotes and accents', () => {
    expect(hasUnsafeCharacters('“Quoted” — it’s\tfine\né ñ 東京 🙂')).toBe(false);
  });

  it.each([
    ['an emoji joined with ZWJ', 'Coder 👩\u200D💻 of the year'],
    ['a Persian word with ZWNJ', 'می\u200Cخواهم'],
    ['an emoji with a variation selector', 'Love \u2764\uFE0F'],
    ['LRM and RLM marks in mixed-direction text', 'Tel Aviv \u200Eתל אביב\u200F 2026'],
    ['the Arabic letter mark', 'a\u061Cb'],
  ])('accepts %s', (_, text) => {
    expect(hasUnsafeCharacters(text)).toBe(false);
  });
});

describe('firstUnsafeCharacter', () => {
  it('names the character as U+XXXX with its Unicode name, and where it is', () => {
    expect(firstUnsafeCharacter('abc\u202Edef')).toEqual({
      index: 3,
      name: 'U+202E (RIGHT-TO-LEFT OVERRIDE)',
    });
    expect(firstUnsafeCharacter('x\u001B[31m')).toEqual({ index: 1, name: 'U+001B (a control character)' });
    expect(firstUnsafeCharacter('fine 👩\u200D💻')).toBeUndefined();
  });
});

describe('stripXmlIllegal', () => {
  it('removes what XML 1.0 forbids and keeps tab, newline and carriage return', () => {
    expect(stripXmlIllegal('a\u0000b\u000Bc\u001Bd\uFFFEe\uFFFF\t\n\r')).toBe('abcde\t\n\r');
  });
});

describe('ledeFromMarkdown', () => {
  it('takes the first paragraph, skipping headings, images, quotes, lists, code, tables and raw HTML', () => {
    const markdown =
      '## Heading\n\n![x](./a.jpg)\n\n> Quote\n\n- item\n\n1. item\n\n```\n' +
      'code\n```\n\n| a |\n\n<figure>x</figure>\n\nThe lede.\n\nSecond.';
    expect(ledeFromMarkdown(markdown)).toBe('The lede.');
  });

  it('strips inline markup but keeps link text, inline HTML text and words with underscores', () => {
    expect(
      ledeFromMarkdown(
        'A **bold** _claim_ with [a link](https://x.example), [a ' +
          'reference][ref], <kbd>Ctrl</kbd> and snake_case `code`.',
      ),
    ).toBe('A bold claim with a link, a reference, Ctrl and snake_case code.');
  });

  it('joins the lines of a paragraph with single spaces (CRLF too)', () => {
    expect(ledeFromMarkdown('One\r\ntwo   three\n\nNext')).toBe('One two three');
  });

  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const lede = ledeFromMarkdown('word '.repeat(60));
    expect(lede.length).toBeLessThanOrEqual(160);
    expect(lede).toMatch(/^(word )*word…$/);
  });

  it('is empty when there is no paragraph (never invented)', () => {
    expect(ledeFromMarkdown('## Only a heading')).toBe('');
    expect(ledeFromMarkdown('')).toBe('');
  });
});
