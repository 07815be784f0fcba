/** Body positions mapped to lines of the article file, which is what an editor opens. */
import { describe, expect, it } from 'vitest';
import { bodyLineOffset } from '../../src/markdown/article-location.ts';

describe('bodyLineOffset', () => {
  it('counts the front matter and blank lines before the body', () => {
    const file = '---\ntitle: T\n---\n\nFirst paragraph.\n\nSecond.\n';
    expect(bodyLineOffset(file, 'First paragraph.\n\nSecond.')).toBe(4);
  });

  it('is 0 for a file without front matter', () => {
    expect(bodyLineOffset('Just text.\n', 'Just text.')).toBe(0);
  });

  it('finds the body at the end even when its text also occurs in the front matter', () => {
    const file = '---\ndescription: Same words.\n---\nSame words.\n\n';
    expect(bodyLineOffset(file, 'Same words.')).toBe(3);
  });

  it('is 0 when the body is not the end of the file (a file edited since), rather than a wrong line', () => {
    expect(bodyLineOffset('---\ntitle: T\n---\nNew text.\n', 'Old text.')).toBe(0);
  });
});
