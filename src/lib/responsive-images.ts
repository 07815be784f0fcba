/**
 * The widths and `sizes` every article image (hero and in-body) is offered at. The column is
 * at most 44rem wide; 1600 pixels covers it on a 2x screen, and no width is larger than the
 * file itself (sharp does not upscale, and a bigger file would only waste bytes).
 */
export const ARTICLE_IMAGE_WIDTHS = [480, 800, 1200, 1600] as const;

export const ARTICLE_IMAGE_SIZES = '(min-width: 44rem) 44rem, 100vw';

/** The widths to generate for an image `intrinsicWidth` pixels wide: the standard ones below it, and its own (capped). */
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
