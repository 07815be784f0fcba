import { describe, expect, it } from 'vitest';
import { ARTICLE_IMAGE_WIDTHS, articleImageWidths, cardImageWidths } from '../../src/lib/responsive-images.ts';

describe('articleImageWidths', () => {
  it('offers every standard width for a large image, capped at the largest', () => {
    expect(articleImageWidths(2400)).toEqual([...ARTICLE_IMAGE_WIDTHS]);
    expect(articleImageWidths(1600)).toEqual([480, 800, 1200, 1600]);
  });

  it('never offers a width larger than the file, and always offers the file’s own width', () => {
    expect(articleImageWidths(1000)).toEqual([480, 800, 1000]);
    expect(articleImageWidths(800)).toEqual([480, 800]);
    expect(articleImageWidths(300)).toEqual([300]);
  });
});

describe('cardImageWidths', () => {
  it('offers each card size its widths up to the image’s own', () => {
    expect(cardImageWidths('lead', 2400)).toEqual([480, 800, 1200]);
    expect(cardImageWidths('lead', 960)).toEqual([480, 800]);
    expect(cardImageWidths('river', 960)).toEqual([160, 320, 480]);
  });
  it('uses the image’s own width when it is smaller than every card width', () => {
    expect(cardImageWidths('secondary', 200)).toEqual([200]);
  });
});
