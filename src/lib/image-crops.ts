/** Crop sizes for the images an article publishes to search engines and social cards. */

/**
 * NewsArticle images: Google recommends one in each of these aspect ratios, at least 1200 px wide where the
 * source allows.
 */
export const JSON_LD_RATIOS = [
  [16, 9],
  [4, 3],
  [1, 1],
] as const;

export const MAX_CROP_WIDTH = 1200;

/** The largest crop of `ratio` that fits the source without enlarging it, at most `maxWidth` wide. */
export function cropSize(
  source: { width: number; height: number },
  [across, down]: readonly [number, number],
  maxWidth = MAX_CROP_WIDTH,
) {
  const width = Math.min(maxWidth, source.width, Math.floor((source.height * across) / down));
  return { width, height: Math.round((width * down) / across) };
}
