/**
 * The widths and `sizes` every article image (hero and in-body) is offered at. The column is
 * at most 44rem wide; 1600 pixels covers it on a 2x screen, and no width is larger than the
 * file itself (sharp does not upscale, and a bigger file would only waste bytes).
 */
export const ARTICLE_IMAGE_WIDTHS = [480, 800, 1200, 1600] as const;

export const ARTICLE_IMAGE_SIZES = '(min-width: 44rem) 44rem, 100vw';

/**
 * The widths to generate for an image `intrinsicWidth` pixels wide: the standard ones below it, and its own
 * (capped).
 */
export function articleImageWidths(intrinsicWidth: number): number[] {
  const largest = Math.min(intrinsicWidth, ARTICLE_IMAGE_WIDTHS.at(-1)!);
  return [...ARTICLE_IMAGE_WIDTHS.filter((width) => width < largest), largest];
}

/**
 * The formats a `<picture>` offers for a source image. A GIF is offered as WebP only: sharp encodes
 * an animated GIF to an animated WebP, but to an AVIF that shows every frame stacked in one tall
 * still, so AVIF would break the animation in the browsers that pick it. (The `<img>` fallback of
 * a GIF stays a GIF, animated too.)
 */
export function pictureFormats(sourceFormat: string): ('avif' | 'webp')[] {
  return sourceFormat === 'gif' ? ['webp'] : ['avif', 'webp'];
}

/**
 * Story-card images by card size: the lead story's picture spans most of a wide screen; other
 * cards show a thumbnail. Each size lists its widths and the `sizes` that match the CSS
 * (src/styles/global.css, .card) so a browser picks the smallest file that stays sharp.
 *
 * `picture` says whether the card offers AVIF and WebP in a `<picture>` (pictureFormats) or one
 * WebP `<img>` (src/data/card-thumbnails.ts), which every browser has shown since 2020. Only the
 * lead is a picture. For a thumbnail AVIF saved ~1.9 KB a file but cost ten times WebP's
 * encoding CPU (the seed heroes at 160/320/480 px: 42 KB against 62 KB, 3.4 against 0.36 CPU-s),
 * and each format was three more files for every listed hero (docs/performance.md, eighth round).
 */
export const CARD_IMAGES = {
  lead: { widths: [480, 800, 1200], sizes: '(min-width: 64rem) 45rem, 100vw', picture: true },
  secondary: { widths: [320, 480, 800], sizes: '(min-width: 48rem) 24rem, 7rem', picture: false },
  river: { widths: [160, 320, 480], sizes: '(min-width: 48rem) 12rem, 7rem', picture: false },
} as const;

export type CardSize = keyof typeof CARD_IMAGES;

/**
 * The card widths no larger than the image itself (sharp does not upscale), plus its own width when smaller
 * than all.
 */
export function cardImageWidths(size: CardSize, intrinsicWidth: number): number[] {
  const fitting = CARD_IMAGES[size].widths.filter((width) => width <= intrinsicWidth);
  return fitting.length ? fitting : [intrinsicWidth];
}
