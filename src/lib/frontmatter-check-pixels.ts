/**
 * Measures the images the content check found (heroImage.src, avatar, body images) before Astro
 * sees them: over MAX_IMAGE_PIXELS sharp gives up (and Astro would ship the original under a .webp
 * name), and a file that is not an image fails image generation late with a stack trace. Reading
 * the header is enough: sharp's metadata() does not decode the pixels.
 */
import sharp from 'sharp';
import type { Problem } from './frontmatter-check.ts';
import type { Position } from './frontmatter-check-yaml.ts';
import { MAX_IMAGE_PIXELS } from '../markdown/rehype-article-images.ts';

export interface ImageToMeasure {
  /** The article or author file, relative to the project root. */
  file: string;
  /** The image's absolute path. */
  path: string;
  position: Position;
  field: string;
  /** The path as written. */
  url: string;
}

export async function pixelProblems(images: ImageToMeasure[], limit = MAX_IMAGE_PIXELS): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const { file, path, position, field, url } of images) {
    const problem = (message: string, hint: string): Problem => ({
      severity: 'error',
      file,
      ...position,
      field,
      message,
      hint,
    });
    try {
      const { width = 0, height = 0 } = await sharp(path).metadata();
      if (width * height > limit) {
        problems.push(
          problem(
            `the image "${url}" is ${width}×${height} pixels, more than the ${limit / 1_000_000}-megapixel limit`,
            'scale the image down (e.g. to 3000 pixels wide) and replace the file',
          ),
        );
      }
    } catch (error) {
      problems.push(
        problem(
          `the image "${url}" could not be read as an image (${(error as Error).message})`,
          'export it again as JPEG or PNG and replace the file',
        ),
      );
    }
  }
  return problems;
}
