/**
 * Keeps the checker's YAML in step with the build's. Astro reads front matter with js-yaml
 * (`parseFrontmatter` in @astrojs/internal-helpers calls `yaml.load`); the checker reads it with
 * the `yaml` package because that one gives positions. The two disagree at the edges, and the
 * checker must accept exactly what the build accepts:
 * - a quoted value continued on unindented lines (`title: "A long` / `headline"`) is read by
 *   js-yaml, while `yaml` reports a missing quote. Indenting the continuation lines does not
 *   change the value (folding drops a continuation line's leading spaces), so the checker reads
 *   the text with them indented, on the same lines;
 * - whatever js-yaml refuses and `yaml` took is reported with js-yaml's own reason and place.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedYaml {
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The text the document was parsed from (continuation lines indented, see above). */
  text: string;
}

const parse = (text: string): ParsedYaml => {
  const lineCounter = new LineCounter();
  return {
    document: parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false }),
    lineCounter,
    text,
  };
};

/** What js-yaml, the build's parser, says about the text: undefined when it reads it. */
export function buildParserRejection(
  text: string,
): { line: number; column: number; reason: string } | undefined {
  try {
    parseFrontmatter(`---\n${text}\n---\n`);
    return undefined;
  } catch (error) {
    // A js-yaml YAMLException; its mark counts lines from 0, and the `---` line is line 0 here.
    const { mark, reason } = error as { mark?: { line: number; column: number }; reason?: string };
    return {
      line: Math.min(Math.max(1, mark?.line ?? 1), text.split('\n').length),
      column: (mark?.column ?? 0) + 1,
      reason: reason ?? (error as Error).message,
    };
  }
}

export function parseFrontMatterYaml(text: string): ParsedYaml {
  const parsed = parse(text);
  if (
    !parsed.document.errors.some(
      (error) => error.code === 'MISSING_CHAR' || error.code === 'MULTILINE_IMPLICIT_KEY',
    )
  )
    return parsed;
  if (buildParserRejection(text)) return parsed;
  const repaired = parse(indentQuotedContinuations(text));
  return repaired.document.errors.length === 0 ? repaired : parsed;
}

/**
 * Indents every continuation line of a multi-line quoted scalar by the indentation of the line
 * the scalar starts on plus two spaces. Quotes are found as js-yaml finds them: a value that
 * starts with " or ' after `key: ` or `- `, ended by the next unescaped quote.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const opener = /^(\s*)(?:[^\s#'"][^:#]*:\s+|-\s+)(["'])/.exec(lines[index]!);
    if (!opener) continue;
    const quote = opener[2]!;
    const indent = `${opener[1]}  `;
    let rest = lines[index]!.slice(opener[0].length);
    let line = index;
    while (!closes(rest, quote) && line + 1 < lines.length) {
      line++;
      if (lines[line]!.trim() !== '') lines[line] = indent + lines[line]!;
      rest = lines[line]!;
    }
    index = line;
  }
  return lines.join('\n');
}

/** Whether a quoted scalar that continues with `rest` closes on this line. */
function closes(rest: string, quote: string): boolean {
  const body = quote === '"' ? rest.replace(/\\./g, '') : rest.replace(/''/g, '');
  return body.includes(quote);
}
