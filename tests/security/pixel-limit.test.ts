import { describe, expect, it } from 'vitest';
import { assertWithinPixelLimit } from '../../src/lib/pixel-limit.ts';

describe('assertWithinPixelLimit', () => {
  it('accepts an image up to the limit', () => {
    expect(() =>
      assertWithinPixelLimit(
        'content/articles/a/index.md',
        'heroImage.src',
        { width: 8_000, height: 5_000 },
        40_000_000,
      ),
    ).not.toThrow();
  });

  it('refuses a larger one, naming file, field, size and fix', () => {
    expect(() =>
      assertWithinPixelLimit(
        'content/articles/a/index.md',
        'heroImage.src',
        { width: 8_000, height: 6_000 },
        40_000_000,
      ),
    ).toThrow(
      'content/articles/a/index.md: heroImage.src is 8000×6000 pixels, ' +
        'more than the 40-megapixel limit. Fix: scale the image down',
    );
  });
});
