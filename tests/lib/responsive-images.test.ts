import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  ARTICLE_IMAGE_WIDTHS,
  articleImageWidths,
  cardImageWidths,
  pictureFormats,
} from '../../src/lib/responsive-images.ts';

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

describe('pictureFormats', () => {
  it('offers AVIF and WebP, and WebP only for a GIF', () => {
    expect(pictureFormats('jpg')).toEqual(['avif', 'webp']);
    expect(pictureFormats('png')).toEqual(['avif', 'webp']);
    expect(pictureFormats('gif')).toEqual(['webp']);
  });

  it('has a reason: sharp keeps a GIF animated in WebP, but stacks its frames into one AVIF still', async () => {
    const frames = Buffer.concat([Buffer.alloc(40 * 30 * 3, 200), Buffer.alloc(40 * 30 * 3, 40)]);
    const gif = await sharp(frames, { raw: { width: 40, height: 60, channels: 3, pageHeight: 30 } })
      .gif({ loop: 0, delay: [200, 200] })
      .toBuffer();
    // As Astro's sharp service reads sources: every page.
    const webp = await sharp(await sharp(gif, { pages: -1 }).webp().toBuffer()).metadata();
    const avif = await sharp(await sharp(gif, { pages: -1 }).avif().toBuffer()).metadata();
    expect([webp.pages, webp.height]).toEqual([2, 30]);
    expect([avif.pages ?? 1, avif.height]).toEqual([1, 60]);
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
