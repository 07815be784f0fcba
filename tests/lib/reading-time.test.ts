import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/lib/reading-time.ts';

describe('countWords', () => {
  it('counts the words a reader sees, not link targets, images, tags or code fences', () => {
    const markdown = [
      'The light [shone again](https://example.org/a-very-long-url) tonight.',
      '',
      '![A harbour at dawn](./harbour.jpg)',
      '',
      '```js',
      'const notProse = true;',
      '```',
      '',
      '<kbd>Ctrl</kbd> — see https://example.org/x',
    ].join('\n');
    expect(countWords(markdown)).toBe(5 + 2);
  });

  it('counts words in any script and ignores lone punctuation', () => {
    expect(countWords('Ça va — très bien ! 東京 2026')).toBe(6);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute and rounds to the nearest minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('word '.repeat(WORDS_PER_MINUTE * 3))).toBe(3);
    expect(readingMinutes('word '.repeat(Math.round(WORDS_PER_MINUTE * 3.6)))).toBe(4);
  });
});
