/** An article body's size and nesting limits, and every local image it shows. */
import { checkLimits } from './body-limits.ts';
import { bodyImageReferences, checkImage } from './frontmatter-check-images.ts';
import type { ImageToMeasure } from './frontmatter-check-pixels.ts';
import type { ProblemReport } from './frontmatter-check-report.ts';
import type { FrontMatter } from './frontmatter-check-yaml.ts';

/**
 * The body's size and nesting limits, then every local image it shows (markdown, `<img>`,
 * `<source srcset>`). Returns false for a body too costly to parse, whose links are not read.
 */
export function checkBody(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
  imageFolders: string[],
  toMeasure: ImageToMeasure[],
): boolean {
  // Parsing a hostile body can hang or overflow the stack: measure it before parsing it.
  const tooCostly = checkLimits(frontMatter.body);
  if (tooCostly) {
    const { message, hint } = tooCostly;
    const position = { line: frontMatter.bodyLine + (tooCostly.line ?? 1) - 1, column: 1 };
    report.add(file, position, { field: '(body)', message, hint });
    return false;
  }
  for (const image of bodyImageReferences(frontMatter.body)) {
    const position = { line: frontMatter.bodyLine + image.line - 1, column: image.column };
    checkImage(report, { file, position, field: '(body image)', url: image.url }, imageFolders, toMeasure);
    if (!image.inSourceSrcset) continue;
    report.add(file, position, {
      field: '(body image)',
      message:
        `the <source srcset> image "${image.url}" is not published: <picture> and <source> are removed, ` +
        'only the <img> inside is kept',
      hint: 'delete the <source> element (the site makes its own sizes and formats of the <img>)',
      severity: 'warning',
    });
  }
  return true;
}
