/**
 * Where a problem in an article body is, as an editor finds it: `content/articles/x/index.md:17:3`.
 *
 * Astro hands the processor the body without its front matter (and trimmed), so positions in the
 * tree count lines from the start of the body. The body is the end of the file, so the lines
 * before it are the lines of the file before its last `body.length` characters.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Point } from 'unist';
import type { VFile } from 'vfile';

/** Lines of the file that come before the body the processor was given. */
export function bodyLineOffset(fileText: string, body: string): number {
  const bodyStart = fileText.trimEnd().length - body.trimEnd().length;
  if (bodyStart <= 0 || !fileText.startsWith(body.trimEnd(), bodyStart)) return 0;
  let lines = 0;
  for (
    let index = fileText.indexOf('\n');
    index !== -1 && index < bodyStart;
    index = fileText.indexOf('\n', index + 1)
  )
    lines++;
  return lines;
}

/** The point in the article file (not the body) for a point in the processed tree. */
export function pointInFile(file: VFile, point: Point | undefined): Point | undefined {
  if (!point || !file.path) return point;
  let fileText: string;
  try {
    fileText = readFileSync(file.path, 'utf8');
  } catch {
    return point;
  }
  return { ...point, line: point.line + bodyLineOffset(fileText, String(file.value)) };
}

/** A path as an editor reads it: relative to the working directory (the project root in a build) when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** `path:line:column` of a point in an article. */
export function describeLocation(file: VFile, point: Point | undefined): string {
  const path = file.path ? displayPath(file.path) : 'markdown';
  return point ? `${path}:${point.line}:${point.column}` : path;
}
