/**
 * Checks on front-matter values beyond their type: characters a reader must not be shown, and
 * values the build derives something from (a tag's URL slug). Found here, before Astro sees the
 * content, every problem is listed with its field and place instead of one stack trace while the
 * tag pages render.
 */
import type { FieldProblem } from './frontmatter-check-issues.ts';
import type { FieldPath, FrontMatter, Position } from './frontmatter-check-yaml.ts';
import { slugify } from './slugs.ts';
import { firstUnsafeCharacter } from './text.ts';

export interface PositionedProblem extends FieldProblem {
  position: Position;
}

/** Every text value holding a refused character, at the character itself (line and column). */
export function unsafeTextProblems(frontMatter: FrontMatter): PositionedProblem[] {
  return frontMatter
    .textValues()
    .flatMap(({ path, value, position, written, positionAt }): PositionedProblem[] => {
      const unsafe = firstUnsafeCharacter(value);
      if (!unsafe) return [];
      // Written as the character itself it is found in the file; written as an escape (\u202E) it is not.
      const inFile = firstUnsafeCharacter(written);
      return [
        {
          path,
          position: inFile ? positionAt(inFile.index) : position,
          message:
            `contains ${unsafe.name}${inFile ? '' : ', written as an escape'}, ` +
            `which is not allowed in text shown to readers`,
          expected: 'text without control characters, bidi overrides or isolates, or invisible characters',
          hint:
            'delete the character (many editors show it only when you move the cursor across ' +
            'it); to mark text direction use LRM U+200E or RLM U+200F, or dir="rtl" in the body',
        },
      ];
    });
}

/** Tags whose URL slug would be empty ("東京", "..", "!!!"): they would have no page. */
export function tagSlugProblems(
  data: Record<string, unknown>,
  frontMatter: FrontMatter,
): PositionedProblem[] {
  const tags = Array.isArray(data.tags) ? data.tags : [];
  return tags.flatMap((tag, index): PositionedProblem[] => {
    if (typeof tag !== 'string' || tag.trim() === '' || slugify(tag) !== '') return [];
    const path: FieldPath = ['tags', index];
    return [
      {
        path,
        position: frontMatter.positionOf(path),
        message: `the tag "${tag}" has no URL slug (tag URLs keep only the letters a–z and digits)`,
        expected: 'a tag with at least one Latin letter or digit',
        hint: `spell the tag with Latin letters or digits (e.g. "Tokyo" for "東京"), or remove it`,
      },
    ];
  });
}
