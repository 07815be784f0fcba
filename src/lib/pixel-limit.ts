/**
 * Front-matter images (heroImage, an author's avatar) reach Astro's image service without passing
 * the markdown pipeline's image checks. Over sharp's pixel limit, Astro only warns and ships the
 * original file under .webp/.avif/.jpg names, so a decompression bomb would be published as is.
 * Pages call this before asking for any derived image, so the build stops naming the file.
 */
export interface PixelSize {
  width: number;
  height: number;
}

export function assertWithinPixelLimit(file: string, field: string, size: PixelSize, limit: number): void {
  if (size.width * size.height <= limit) return;
  throw new Error(
    `${file}: ${field} is ${size.width}×${size.height} pixels, more ` +
      `than the ${limit / 1_000_000}-megapixel limit. Fix: scale the ` +
      `image down (e.g. to 3000 pixels wide) and replace the file.`,
  );
}
