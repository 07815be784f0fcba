/**
 * Local image references: where they are written (front matter and markdown body), whether the
 * file exists inside the folders an article may take images from, and the problem reported if not.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { RASTER_EXTENSIONS, suggestedFileName } from '../markdown/rehype-article-images.ts';
import type { ImageToMeasure } from './frontmatter-check-pixels.ts';
import type { ProblemReport } from './frontmatter-check-report.ts';
import { srcsetUrls } from './link-check.ts';
import { rawHtmlUrls } from './raw-html-urls.ts';
import type { Definition, Html, Image, ImageReference } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { walkTree } from './walk-tree.ts';

export interface ImageReferenceInBody {
  url: string;
  line: number;
  column: number;
  /** `<source srcset>` candidates: the sanitizer removes `<source>`, so they are never published. */
  inSourceSrcset?: boolean;
}

/** Not a local file: a URL with a scheme, protocol-relative, site-absolute, or fragment-only. */
export const isLocalReference = (url: string) =>
  !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url.trim()) && url.trim() !== '';

/** Every local image the markdown body refers to (inline and reference-style), positioned in the body. */
export function bodyImageReferences(markdown: string): ImageReferenceInBody[] {
  // Parsing costs milliseconds per article; most bodies have no image syntax at all.
  if (!markdown.includes('![') && !/<(?:img|source)\b/i.test(markdown)) return [];
  const tree = fromMarkdown(markdown);
  const definitions = new Map<string, Definition>();
  walkTree(tree, 'definition', (node) => void definitions.set(node.identifier, node));
  const found: ImageReferenceInBody[] = [];
  walkTree(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const url =
      node.type === 'image' ? (node as Image).url : definitions.get((node as ImageReference).identifier)?.url;
    const start = node.position?.start;
    if (url !== undefined && isLocalReference(url) && start)
      found.push({ url, line: start.line, column: start.column });
  });
  walkTree(tree, 'html', (node: Html) => {
    const start = node.position?.start;
    if (start) found.push(...rawHtmlImages(node.value, start));
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Raw HTML images; `<source srcset>` is read to report it: the sanitizer drops `<source>`. */
const RAW_HTML_IMAGES = { img: ['src'], source: ['srcset'] };

/** Local `<img src>` and `<source srcset>` files in raw HTML, positioned in the body. */
function rawHtmlImages(html: string, start: { line: number; column: number }): ImageReferenceInBody[] {
  return rawHtmlUrls(html, start, RAW_HTML_IMAGES).flatMap(({ attribute, value, line, column }) => {
    const inSourceSrcset = attribute === 'srcset';
    const urls = inSourceSrcset ? srcsetUrls(value) : [value];
    const at = { line, column, ...(inSourceSrcset ? { inSourceSrcset } : {}) };
    return urls.filter(isLocalReference).map((url) => ({ url, ...at }));
  });
}

export type ImageFileProblem =
  | { kind: 'outside'; resolved: string }
  | { kind: 'missing'; resolved: string }
  | { kind: 'format'; resolved: string; extension: string };

const isInside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
};

/** Checks an image path written in `file` against the folders it may come from (symlinks resolved). */
export function imageFileProblem(
  file: string,
  url: string,
  allowedFolders: string[],
): ImageFileProblem | undefined {
  const resolved = resolvedImagePath(file, url);
  const real = existsSync(resolved) ? realpathSync(resolved) : resolved;
  const folders = allowedFolders.map((folder) => (existsSync(folder) ? realpathSync(folder) : folder));
  if (!folders.some((folder) => isInside(folder, real))) return { kind: 'outside', resolved };
  const extension = extname(resolved).toLowerCase();
  if (!RASTER_EXTENSIONS.includes(extension)) return { kind: 'format', resolved, extension };
  if (!existsSync(resolved)) return { kind: 'missing', resolved };
  return undefined;
}

/** Where an image path written in `file` points: query and fragment dropped, percent-escapes decoded. */
export function resolvedImagePath(file: string, url: string): string {
  const path = url.trim().replace(/[?#].*$/, '');
  try {
    return resolve(dirname(file), decodeURI(path));
  } catch {
    // A stray % is part of the file name then.
    return resolve(dirname(file), path);
  }
}

/**
 * Reports an image that is outside the allowed folders, missing or in a format not published;
 * an image that is fine is added to `toMeasure`, whose pixels are checked next.
 */
export function checkImage(
  report: ProblemReport,
  image: Omit<ImageToMeasure, 'path'>,
  folders: string[],
  toMeasure: ImageToMeasure[],
): void {
  const { file, position, field, url } = image;
  const problem = imageFileProblem(file, url, folders);
  if (problem) {
    const lookedFor = report.relativeFile(problem.resolved);
    report.add(file, position, { field, ...imageProblemText(url, problem, lookedFor) });
  } else {
    toMeasure.push({ ...image, file: report.relativeFile(file), path: resolvedImagePath(file, url) });
  }
}

function imageProblemText(url: string, problem: ImageFileProblem, lookedFor: string) {
  if (problem.kind === 'format' && problem.extension === '.svg') {
    return {
      message:
        `the image "${url}" is an SVG, which is not published: ` +
        'an SVG can carry script that would run on this site',
      hint: 'export it as PNG (drawings, charts) or JPEG (photos) and write the new file name',
      expected: RASTER_EXTENSIONS.join(', '),
    };
  }
  if (problem.kind === 'format') {
    return {
      message: `the image "${url}" is not in a format we publish (${problem.extension || 'no extension'})`,
      hint: 'export it as JPEG, PNG, WebP or AVIF and write the new file name',
      expected: RASTER_EXTENSIONS.join(', '),
    };
  }
  if (problem.kind === 'outside') {
    const where = isLocalReference(url)
      ? "is outside the article's folder"
      : "is not a file in the article's folder (a remote or site-absolute address)";
    return {
      message: `the image "${url}" ${where}`,
      hint:
        'download or move the image next to the article (or into content/assets/) ' +
        `and write "${suggestedFileName(url)}"`,
      expected: "a file in the article's folder or content/assets/",
    };
  }
  return {
    message: `the image "${url}" does not exist (looked for ${lookedFor})`,
    hint: 'check the file name and its case, or add the image file next to the article',
  };
}
