/**
 * Local image references: where they are written (front matter and markdown body) and whether
 * the file exists inside the folders an article may take images from.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Definition, Image, ImageReference } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

export interface ImageReferenceInBody {
  url: string;
  line: number;
  column: number;
}

/** Not a local file: a URL with a scheme, protocol-relative, site-absolute, or fragment-only. */
export const isLocalReference = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url.trim()) && url.trim() !== '';

/** Every local image the markdown body refers to (inline and reference-style), positioned in the body. */
export function bodyImageReferences(markdown: string): ImageReferenceInBody[] {
  // Parsing costs milliseconds per article; most bodies have no image syntax at all.
  if (!markdown.includes('![')) return [];
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
  return found;
}

export type ImageFileProblem = { kind: 'outside'; resolved: string } | { kind: 'missing'; resolved: string };

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
  if (!existsSync(resolved)) return { kind: 'missing', resolved };
  return undefined;
}
