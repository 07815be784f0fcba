/**
 * What articles refer to by name: authors (content/authors/<id>.yaml) and sections
 * (content/sections.yaml). Each is checked itself first, then every article's references to it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHOR_FILE, authorEntries } from './frontmatter-check-entries.ts';
import { checkFile } from './frontmatter-check-file.ts';
import { checkImage } from './frontmatter-check-images.ts';
import { closest } from './frontmatter-check-issues.ts';
import type { ImageToMeasure } from './frontmatter-check-pixels.ts';
import type { ProblemReport } from './frontmatter-check-report.ts';
import type { ContentCheckOptions, ValidatingSchema } from './frontmatter-check.ts';
import type { FrontMatter } from './frontmatter-check-yaml.ts';
import { slugify, SLUG_PATTERN } from './slugs.ts';

/** Checks every author file (its name, fields and avatar); returns the author ids. */
export function checkAuthors(
  report: ProblemReport,
  options: Pick<ContentCheckOptions, 'authorsDir' | 'assetsDir' | 'authorSchema'>,
  toMeasure: ImageToMeasure[],
): string[] {
  const names = authorEntries(options.authorsDir);
  for (const name of names) {
    const file = join(options.authorsDir, name);
    const id = name.replace(AUTHOR_FILE, '');
    if (!SLUG_PATTERN.test(id)) {
      report.add(
        file,
        { line: 1, column: 1 },
        {
          field: '(file name)',
          message:
            `the file name gives the author id "${id}", ` +
            "which is not a valid id for the author's page URL",
          hint:
            `rename the file to lowercase letters, digits and hyphens, e.g. ` +
            `${slugify(id) || 'amara-okafor'}${name.slice(id.length)}, and use that id in articles' authors:`,
          expected: 'lowercase letters, digits and single hyphens',
        },
      );
    }
    const checked = checkFile(report, file, options.authorSchema, []);
    const avatar = checked?.data.avatar;
    if (typeof avatar !== 'string') continue;
    const image = {
      file,
      position: checked!.frontMatter.positionOf(['avatar']),
      field: 'avatar',
      url: avatar,
    };
    checkImage(report, image, [options.authorsDir, options.assetsDir], toMeasure);
  }
  return names.map((name) => name.replace(AUTHOR_FILE, ''));
}

/** Checks the sections file; returns its slugs, or undefined when sections are not declared (no file). */
export function checkSections(
  report: ProblemReport,
  { file, schema }: { file: string; schema: ValidatingSchema },
): string[] | undefined {
  if (!existsSync(file)) return undefined;
  const checked = checkFile(report, file, schema, []);
  const sections = Array.isArray(checked?.data.sections)
    ? (checked.data.sections as { slug?: unknown }[])
    : [];
  const seen = new Map<string, number>();
  sections.forEach((section, index) => {
    if (typeof section?.slug !== 'string') return;
    const first = seen.get(section.slug);
    if (first === undefined) return void seen.set(section.slug, index);
    report.add(file, checked!.frontMatter.positionOf(['sections', index, 'slug']), {
      field: `sections[${index}].slug`,
      message: `the section "${section.slug}" is listed twice (first as sections[${first}])`,
      hint: 'keep one of them and delete the other',
    });
  });
  return [...seen.keys()];
}

/** Reports each of an article's authors that has no author file. */
export function reportUnknownAuthors(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
  authors: unknown,
  authorIds: string[],
): void {
  (Array.isArray(authors) ? authors : []).forEach((author, index) => {
    if (typeof author !== 'string' || authorIds.includes(author)) return;
    const suggestion = closest(author, authorIds);
    report.add(file, frontMatter.positionOf(['authors', index]), {
      field: `authors[${index}]`,
      message: `unknown author "${author}"`,
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : `add content/authors/${author}.yaml (name and bio), ` +
          `or use one of: ${authorIds.join(', ') || '(no authors yet)'}`,
      expected: 'the name of a file in content/authors/ without its extension',
    });
  });
}

/** Reports an article's section when content/sections.yaml does not list it. */
export function reportUnknownSection(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
  section: unknown,
  sectionSlugs: string[],
): void {
  if (typeof section !== 'string' || sectionSlugs.includes(section)) return;
  const suggestion = closest(section, sectionSlugs);
  report.add(file, frontMatter.positionOf(['section']), {
    field: 'section',
    message: `unknown section "${section}"`,
    hint: suggestion
      ? `did you mean "${suggestion}"?`
      : `use one of: ${sectionSlugs.join(', ') || '(none yet)'}, or add the section to content/sections.yaml`,
    expected: 'a slug listed in content/sections.yaml',
  });
}
