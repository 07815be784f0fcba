/**
 * One file's front matter, checked in the order its problems depend on each other: YAML syntax
 * first (nothing else can be read without it), then its values as data, dates and refused
 * characters on the text as written, and last the schema.
 */
import { readFileSync } from 'node:fs';
import { instantProblem } from './frontmatter-check-dates.ts';
import { describeIssue, fieldName } from './frontmatter-check-issues.ts';
import type { ProblemReport } from './frontmatter-check-report.ts';
import type { ValidatingSchema } from './frontmatter-check.ts';
import { tagSlugProblems, unsafeTextProblems } from './frontmatter-check-values.ts';
import { readFrontMatter, type FieldPath, type FrontMatter } from './frontmatter-check-yaml.ts';
import { ledeFromMarkdown } from './text.ts';

export interface CheckedFile {
  frontMatter: FrontMatter;
  /** The front matter as written, read as data. */
  data: Record<string, unknown>;
  /** The schema's output, when the front matter passed it. */
  parsed?: Record<string, unknown> | undefined;
  /** The whole file's text. */
  source: string;
}

/** Parses and validates one file; undefined when it could not be read as data. */
export function checkFile(
  report: ProblemReport,
  file: string,
  schema: ValidatingSchema,
  dateFields: FieldPath[],
): CheckedFile | undefined {
  const source = readFileSync(file, 'utf8');
  const frontMatter = readFrontMatter(source, /\.ya?ml$/.test(file));
  if (!frontMatter.document) {
    report.add(
      file,
      { line: 1, column: 1 },
      {
        field: '(front matter)',
        message: 'the file has no front matter',
        hint: 'start the file with a line `---`, the fields, and another line `---`',
        expected: 'front matter between --- lines',
      },
    );
    return undefined;
  }
  if (reportSyntaxErrors(report, file, frontMatter)) return undefined;
  const data = readData(report, file, frontMatter);
  if (!data) return undefined;
  // A date or character reported at its place is not reported again with the schema's general message.
  const reported = new Set([
    ...reportDates(report, file, frontMatter, datePaths(data, dateFields)),
    ...reportRefusedText(report, file, frontMatter, data),
  ]);
  const parsed = reportSchemaIssues(report, file, frontMatter, schema, data, reported);
  return { frontMatter, data, parsed, source };
}

/** Reports what keeps the YAML from being read safely; true when there was anything. */
function reportSyntaxErrors(report: ProblemReport, file: string, frontMatter: FrontMatter): boolean {
  const before = report.count;
  for (const error of frontMatter.syntaxErrors) {
    const key = yamlKey(error.field) ?? '(YAML syntax)';
    if (error.code === 'DUPLICATE_KEY') {
      const written = error.lineText.replace(/:.*$/, '').trim();
      const hint = 'keep one of them and delete the other';
      report.add(file, error.position, { field: written, message: `"${written}" is written twice`, hint });
    } else if (error.code === 'TAG_RESOLVE_FAILED') {
      report.add(file, error.position, {
        field: error.field ? fieldName(error.field) : '(YAML tag)',
        message: `YAML tags are not allowed: ${error.message}`,
        hint: 'remove the tag (the word starting with ! before the value) and write the value as plain text',
      });
    } else if (error.lineText.includes('\t')) {
      const hint = 'replace the tab with spaces: YAML indents with spaces only';
      report.add(file, error.position, {
        field: key,
        message: `YAML syntax error: this line contains a tab`,
        hint,
      });
    } else {
      report.add(file, error.position, {
        field: key,
        message: `YAML syntax error: ${error.message}`,
        hint:
          'check quotes, colons and indentation on this line; ' +
          'text containing ": " or starting with a quote needs to be wrapped in quotes',
      });
    }
  }
  for (const position of frontMatter.keysNamed('__proto__')) {
    const hint = 'remove this key; it is not a front-matter field';
    report.add(file, position, { field: '__proto__', message: 'the key "__proto__" is not allowed', hint });
  }
  return report.count > before;
}

/** The key a YAML error belongs to (`title`, not `title[0]` for an unclosed `[`), when there is one. */
function yamlKey(field: FieldPath | undefined): string | undefined {
  const key = field?.slice(0, field.findLastIndex((step) => typeof step === 'string') + 1);
  return key?.length ? fieldName(key) : undefined;
}

/** The front matter as a plain object of fields, or undefined (reported) when it is not one. */
function readData(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    // `yaml` refuses documents that expand aliases past maxAliasCount (billion laughs) here.
    data = frontMatter.document!.toJS();
  } catch (error) {
    report.add(
      file,
      { line: 1, column: 1 },
      {
        field: '(YAML aliases)',
        message: `the front matter could not be read: ${(error as Error).message}`,
        hint: 'write each value out instead of repeating it with YAML anchors (&name) and aliases (*name)',
      },
    );
    return undefined;
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data))
    return data as Record<string, unknown>;
  report.add(
    file,
    { line: 1, column: 1 },
    {
      field: '(front matter)',
      message: 'the front matter is not a list of fields',
      hint: 'write one `field: value` per line',
    },
  );
  return undefined;
}

/** The date fields of this file, with one path per correction's date. */
function datePaths(data: Record<string, unknown>, dateFields: FieldPath[]): FieldPath[] {
  const corrections = Array.isArray(data.corrections) ? data.corrections : [];
  return [...dateFields, ...corrections.map((_, index) => ['corrections', index, 'date'])];
}

/** Reports dates as written (impossible, without offset); returns the fields reported. */
function reportDates(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
  paths: FieldPath[],
): string[] {
  return paths.flatMap((path) => {
    const raw = frontMatter.rawScalar(path);
    const problem = raw === undefined ? undefined : instantProblem(raw);
    if (!problem) return [];
    const { message, hint } = problem;
    const expected = 'a date-time with timezone offset';
    report.add(file, frontMatter.positionOf(path), { field: fieldName(path), message, hint, expected });
    return [fieldName(path)];
  });
}

/** Reports refused characters at the character, with its code point; returns the fields reported. */
function reportRefusedText(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
  data: Record<string, unknown>,
): string[] {
  return [...unsafeTextProblems(frontMatter), ...tagSlugProblems(data, frontMatter)].map((problem) => {
    const { message, hint, expected } = problem;
    report.add(file, problem.position, { field: fieldName(problem.path), message, hint, expected });
    return fieldName(problem.path);
  });
}

/** Reports the schema's issues on fields not reported already; returns the schema's output when it passed. */
function reportSchemaIssues(
  report: ProblemReport,
  file: string,
  frontMatter: FrontMatter,
  schema: ValidatingSchema,
  data: Record<string, unknown>,
  reported: Set<string>,
): Record<string, unknown> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) {
    for (const { path, message, expected, hint } of describeIssue(issue, schema, frontMatter)) {
      const field = fieldName(path);
      if (reported.has(field)) continue;
      const titleHint = field === 'title' ? headlineHint(frontMatter.body) : undefined;
      report.add(file, frontMatter.positionOf(path), { field, message, hint: titleHint ?? hint, expected });
    }
  }
  return undefined;
}

/** A headline to suggest for a missing or empty title: the body's first sentence, as plain text. */
function headlineHint(body: string): string | undefined {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(ledeFromMarkdown(body, 90))?.[0] ?? ledeFromMarkdown(body, 90);
  const headline = sentence.replace(/[.…]$/, '').replace(/"/g, "'");
  if (!headline) return undefined;
  return `add a headline, e.g. \`title: "${headline}"\` (from the first paragraph; say it your own way)`;
}
