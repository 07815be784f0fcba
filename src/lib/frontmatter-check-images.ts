/**
 * Local image references: where they are written (front matter and markdown body) and whether
 * the file exists inside the folders an article may take images from.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { RASTER_EXTENSIONS } from '../markdown/rehype-article-images.ts';
import type { Definition, Html, Image, ImageReference } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

export interface ImageReferenceInBody {
  url: string;
  line: number;
  column: number;
  /** `<source srcset>` candidates: the sanitizer removes `<source>`, so they are never published. */
  inSourceSrcset?: boolean;
}

/** Not a local file: a URL with a scheme, protocol-relative, site-absolute, or fragment-only. */
export const isLocalReference = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url.trim()) && url.trim() !== '';

/** Every local image the markdown body refers to (inline and reference-style), positioned in the body. */
export function bodyImageReferences(markdown: string): ImageReferenceInBody[] {
  // Parsing costs milliseconds per article; most bodies have no image syntax at all.
  if (!markdown.includes('![') && !/<(?:img|source)\b/i.test(markdown)) return [];
  const tree = fromMarkdown(markdown);
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node));
  const found: ImageReferenceInBody[] = [];
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const url = node.type === 'image' ? (node as Image).url : definitions.get((node as ImageReference).identifier)?.url;
    const start = node.position?.start;
    if (url !== undefined && isLocalReference(url) && start) found.push({ url, line: start.line, column: start.column });
  });
  visit(tree, 'html', (node: Html) => {
    const start = node.position?.start;
    if (start) found.push(...rawHtmlImages(node.value, start));
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

const RAW_IMAGE = /<(img|source)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /\s(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Local `<img src>` and `<source srcset>` files in raw HTML, positioned in the body. */
function rawHtmlImages(html: string, start: { line: number; column: number }): ImageReferenceInBody[] {
  const found: ImageReferenceInBody[] = [];
  for (const tag of html.matchAll(RAW_IMAGE)) {
    const element = tag[1]!.toLowerCase();
    for (const attribute of tag[0].matchAll(ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      if ((element === 'img') !== (name === 'src')) continue;
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      const offset = tag.index + attribute.index + 1;
      const before = html.slice(0, offset).split('\n');
      const line = start.line + before.length - 1;
      const column = before.length === 1 ? start.column + offset : before.at(-1)!.length + 1;
      for (const url of urls.filter(isLocalReference)) found.push({ url, line, column, ...(name === 'srcset' ? { inSourceSrcset: true } : {}) });
    }
  }
  return found;
}

export type ImageFileProblem = { kind: 'outside'; resolved: string } | { kind: 'missing'; resolved: string } | { kind: 'format'; resolved: string; extension: string };

const isInside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
};

/** Checks an image path written in `file` against the folders it may come from (symlinks resolved). */
export function imageFileProblem(file: string, url: string, allowedFolders: string[]): ImageFileProblem | undefined {
  const path = url.trim().replace(/[?#].*$/, '');
  let cleaned = path;
  try {
    cleaned = decodeURI(path);
  } catch {
    // A stray % is part of the file name then.
  }
  const resolved = resolve(dirname(file), cleaned);
  const real = existsSync(resolved) ? realpathSync(resolved) : resolved;
  const folders = allowedFolders.map((folder) => (existsSync(folder) ? realpathSync(folder) : folder));
  if (!folders.some((folder) => isInside(folder, real))) return { kind: 'outside', resolved };
  const extension = extname(resolved).toLowerCase();
  if (!RASTER_EXTENSIONS.includes(extension)) return { kind: 'format', resolved, extension };
  if (!existsSync(resolved)) return { kind: 'missing', resolved };
  return undefined;
}
