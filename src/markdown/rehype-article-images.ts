/**
 * Checks every image in an article body and hands the local ones to Astro's image pipeline.
 *
 * Astro optimises only markdown `![alt](./file)` images, and when one is missing or broken its
 * error names the image but not the article; a raw-HTML `<img src="./file">` it publishes as a
 * dead relative link. This plugin runs after the sanitizer, so it sees every image, markdown and
 * raw HTML alike, and fails the file with `file:line:column`, the image path and a fix when an
 * image is:
 * - remote or site-absolute (it would skip sharp, have no intrinsic size and leak readers'
 *   addresses to another host),
 * - outside the article's folder and content/assets/, not a raster format (SVG can carry script),
 * - missing, unreadable, or larger than MAX_IMAGE_PIXELS (where sharp would give up and Astro
 *   would ship the original under a .webp name).
 * Raw-HTML local images are added to Astro's list of local images, so Astro's rehypeImages,
 * which runs after this plugin, treats them like markdown images.
 *
 * The content check renders every body that may show an image before the build
 * (src/integrations/content-check.ts), so these problems are listed with the front-matter ones;
 * pages render bodies on demand (src/data/article-body.ts), so a body that fails fails its page.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Element, Root } from 'hast';
import sharp from 'sharp';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';
import { slugify } from '../lib/slugs.ts';
import { describeLocation, displayPath, pointInFile } from './article-location.ts';

/**
 * Bounds decompression bombs; larger than any camera original we publish. astro.config.ts gives sharp the
 * same limit.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

export const RASTER_EXTENSIONS = ['.avif', '.gif', '.jpeg', '.jpg', '.png', '.tif', '.tiff', '.webp'];

export interface ArticleImagesOptions {
  /** Folders any article may take images from besides its own (e.g. content/assets/). */
  sharedFolders?: string[];
}

interface AstroData {
  astro?: { localImagePaths?: string[] };
}

const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Why the image at `src`, written in the article `articleFile`, cannot be published; undefined if it can. */
export async function imageProblem(
  src: string,
  articleFile: string | undefined,
  sharedFolders: string[],
): Promise<string | undefined> {
  if (hasScheme(src) || src.startsWith('/')) {
    return (
      `the image "${src}" is not a file in the article's folder. Download ` +
      `it, put it next to the article and write "${suggestedFileName(src)}".`
    );
  }
  if (!articleFile)
    return `the image "${src}" is relative, but the markdown has no file to resolve it against.`;
  if (/[?#]/.test(src))
    return (
      `the image "${src}" has a query or fragment, which a file ` +
      `name cannot have. Write just "${src.split(/[?#]/)[0]}".`
    );
  let path: string;
  try {
    path = resolve(dirname(articleFile), decodeURI(src));
  } catch {
    return `the image path "${src}" is not a valid URL path. Rename the file without "%" and write the new name.`;
  }
  const folders = [dirname(articleFile), ...sharedFolders].map(realPath);
  if (!folders.some((folder) => isInside(folder, realPath(path)))) {
    return (
      `the image "${src}" is outside the article's folder. Move it ` +
      `next to the article and write "./${path.split(sep).at(-1)}".`
    );
  }
  const extension = extname(path).toLowerCase();
  if (!RASTER_EXTENSIONS.includes(extension)) {
    const why =
      extension === '.svg' ? ' SVG is not published because it can carry script: export a PNG.' : '';
    return `the image "${src}" is not in a format we publish (${RASTER_EXTENSIONS.join(', ')}).${why}`;
  }
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
    return (
      `the image "${src}" was not found (looked for ${displayPath(path)}). ` +
      `Check the file name and its case, or add the file.`
    );
  }
  try {
    const { width = 0, height = 0 } = await sharp(path).metadata();
    if (width * height > MAX_IMAGE_PIXELS) {
      return (
        `the image "${src}" is ${width}×${height} pixels, more than ` +
        `the ${MAX_IMAGE_PIXELS / 1_000_000}-megapixel limit. Resize it (e.g. to 2400 pixels wide).`
      );
    }
  } catch (error) {
    return (
      `the image "${src}" could not be read as an image ` +
      `(${(error as Error).message}). Export it again as JPEG or PNG.`
    );
  }
  return undefined;
}

export default function rehypeArticleImages(options: ArticleImagesOptions = {}) {
  const sharedFolders = options.sharedFolders ?? [];
  return async (tree: Root, file: VFile) => {
    const images: Element[] = [];
    walkTree(tree, 'element', (node) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string') images.push(node);
    });
    const data = file.data as AstroData;
    const problems: ImageProblemInFile[] = [];
    for (const image of images) {
      const src = image.properties.src as string;
      const problem =
        (await imageProblem(src, file.path, sharedFolders)) ??
        (image.properties.alt === undefined
          ? `the image "${src}" has no alt text. Describe what it shows (or write alt="" if it is only decoration).`
          : undefined);
      if (problem) {
        const place = pointInFile(file, image.position?.start);
        problems.push({
          line: place?.line,
          column: place?.column,
          text: `${describeLocation(file, place)}: ${problem}`,
        });
        continue;
      }
      const astro = (data.astro ??= {});
      const local = decodeURI(src);
      if (!astro.localImagePaths?.includes(local))
        astro.localImagePaths = [...(astro.localImagePaths ?? []), local];
    }
    // Every image problem of the file at once (one per line), so an article with 29 broken images
    // takes one round of fixes, not 29; the content check lists them one by one.
    if (problems.length > 0) {
      const first = problems[0]!;
      const place = first.line === undefined ? undefined : { line: first.line, column: first.column ?? 1 };
      const message = file.message(problems.map((problem) => problem.text).join('\n'), {
        place,
        ruleId: 'article-image',
        source: 'rehype-article-images',
      });
      message.fatal = true;
      (message as unknown as ImageProblemsError).imageProblems = problems;
      throw message;
    }
  };
}

/** One image problem, positioned in the article file; `text` is `file:line:column: what is wrong. How to fix it.` */
export interface ImageProblemInFile {
  line: number | undefined;
  column: number | undefined;
  text: string;
}

/** The error this plugin fails a file with: every image problem of the file. */
export interface ImageProblemsError extends Error {
  imageProblems: ImageProblemInFile[];
}

/**
 * A file name an editor can save a remote image as: `https://x.org/badge/Status-Completed%20%3D%29-green`
 * gives `./status-completed-green.png`.
 */
export function suggestedFileName(url: string): string {
  const last = url.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Keep the name as written.
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const base = slugify(dot > 0 && RASTER_EXTENSIONS.includes(extension) ? name.slice(0, dot) : name)
    .slice(0, 60)
    .replace(/-+$/, '');
  return `./${base || 'image'}${RASTER_EXTENSIONS.includes(extension) ? extension : '.jpg'}`;
}
