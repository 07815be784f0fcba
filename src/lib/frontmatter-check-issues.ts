/**
 * Turns schema validation issues (zod 4) into messages an editor can act on: the field, what
 * was expected and a fix hint (with the example the schema gives the field in `.meta()`),
 * including the closest known name for a misspelt field.
 */
import { levenshteinEditDistance } from 'levenshtein-edit-distance';
import { INSTANT_EXAMPLE } from './frontmatter-check-dates.ts';
import { exampleAt, knownKeysAt, writtenExample, type SchemaLike } from './frontmatter-check-schema.ts';
import type { FieldPath } from './frontmatter-check-yaml.ts';

export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
}

export interface FieldProblem {
  path: FieldPath;
  message: string;
  expected?: string;
  hint: string;
}

/** Example values for fields whose schema gives none (list elements), by the type zod expected. */
const EXAMPLES_BY_TYPE: Record<string, string> = {
  boolean: 'true',
  string: 'Some text',
  array: '[first, second]',
  date: INSTANT_EXAMPLE,
};

const EXPECTED_BY_TYPE: Record<string, string> = {
  date: `a date-time with timezone offset, e.g. ${INSTANT_EXAMPLE}`,
  string: 'text',
  array: 'a list, e.g. [first, second]',
  boolean: 'true or false',
  object: 'a group of fields (indented keys below it)',
};

/** `corrections[0].date` for display; `corrections[].date` for a rule about every element. */
export const fieldName = (path: FieldPath) =>
  path.reduce<string>(
    (name, step) => (typeof step === 'number' ? `${name}[${step}]` : name ? `${name}.${step}` : step),
    '',
  );
const genericName = (path: FieldPath) => fieldName(path).replace(/\[\d+\]/g, '[]');

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = levenshteinEditDistance(word, candidate, true);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

const stringPath = (path: PropertyKey[]): FieldPath =>
  path.map((step) => (typeof step === 'number' ? step : String(step)));

/** What the checker can ask about the written front matter. */
export interface WrittenFields {
  has(path: FieldPath): boolean;
  rawScalar(path: FieldPath): string | undefined;
}

export function describeIssue(
  issue: SchemaIssue,
  schema: SchemaLike,
  written: WrittenFields,
): FieldProblem[] {
  const path = stringPath(issue.path);
  const name = fieldName(path);
  const exampleValue = exampleAt(schema, path);
  const example = exampleValue === undefined ? undefined : writtenExample(exampleValue);
  const key = path.at(-1);

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    return (issue.keys ?? []).map((unknown) => {
      const suggestion = closest(unknown, known);
      return {
        path: [...path, unknown],
        message: `unknown field "${unknown}"`,
        expected: `one of: ${known.join(', ')}`,
        hint: suggestion
          ? `did you mean "${suggestion}"? Rename the key.`
          : 'remove it, or check docs/editors.md for the field you meant',
      };
    });
  }
  if (!written.has(path) && issue.code === 'invalid_type') {
    return [
      {
        path,
        message: 'required field is missing',
        expected: EXPECTED_BY_TYPE[issue.expected ?? ''] ?? issue.expected,
        hint: example ? `add \`${key}: ${example}\`` : `add \`${key}:\` with a value`,
      },
    ];
  }
  if (issue.code === 'invalid_type') {
    return [
      {
        path,
        message: 'wrong type',
        expected: EXPECTED_BY_TYPE[issue.expected ?? ''] ?? issue.expected,
        hint: `write it like \`${key}: ${example ?? EXAMPLES_BY_TYPE[issue.expected ?? ''] ?? '…'}\``,
      },
    ];
  }
  if (issue.code === 'invalid_value' && issue.values) {
    const values = issue.values.map(String);
    const raw = written.rawScalar(path);
    const suggestion = raw === undefined ? undefined : closest(raw, values);
    return [
      {
        path,
        message:
          raw === undefined ? 'not one of the allowed values' : `"${raw}" is not one of the allowed values`,
        expected: `one of: ${values.join(', ')}`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `use one of: ${values.join(', ')}`,
      },
    ];
  }
  // The refine that asks for alt text, or alt left out; a too-long or empty alt gets the schema's own message below.
  if (name === 'heroImage.alt' && (issue.code === 'custom' || !written.has(path))) {
    return [
      {
        path,
        message: 'the hero image has no alt text',
        expected: 'heroImage.alt describing the image, or heroImage.decorative: true',
        hint:
          'describe what the image shows in `alt:` under heroImage, or ' +
          'add `decorative: true` if it adds nothing a reader would miss',
      },
    ];
  }
  if (['source.url', 'url', 'sameAs[]'].includes(genericName(path))) {
    return [
      {
        path,
        message: issue.message,
        expected: 'an absolute http:// or https:// URL',
        hint: 'copy the full address from the browser (starting with https://), or leave the field out when unknown',
      },
    ];
  }
  return [
    {
      path,
      message: issue.message,
      hint: example ? `for example \`${key}: ${example}\`` : 'see docs/editors.md for this field',
    },
  ];
}
