/**
 * Front matter as a positioned YAML document, so every problem can name `file:line:col`.
 *
 * Parsed with the `yaml` package's YAML 1.2 core schema: timestamps stay strings (the checker
 * reads the digits an editor typed, before anything can roll 2024-02-30 over to 1 March), and
 * duplicate keys are errors rather than a silent last-one-wins.
 */
import { isMap, isScalar, isSeq, visit, type Document, type Node, type Scalar } from 'yaml';
import { buildParserRejection, parseFrontMatterYaml } from './frontmatter-check-js-yaml.ts';

export interface Position {
  line: number;
  column: number;
}

export type FieldPath = readonly (string | number)[];

export interface FrontMatter {
  /** The parsed YAML document (undefined when the file has no front matter block at all). */
  document: Document.Parsed | undefined;
  /** The markdown after the front matter ('' for YAML data files). */
  body: string;
  /** Line of the body's first line in the file (1-based). */
  bodyLine: number;
  /** YAML syntax errors, positioned in the file, with the field they are in when there is one. */
  syntaxErrors: {
    position: Position;
    code: string;
    message: string;
    lineText: string;
    field: FieldPath | undefined;
  }[];
  /** Where a field's key (or, for list items, the item) was written; the nearest written ancestor otherwise. */
  positionOf(path: FieldPath): Position;
  /** Whether the field is written in the file at all. */
  has(path: FieldPath): boolean;
  /** The text exactly as written for a scalar field (quotes removed), if it is a scalar. */
  rawScalar(path: FieldPath): string | undefined;
  /** Where each key called `name` is written, at any depth (e.g. `__proto__`). */
  keysNamed(name: string): Position[];
  /** Every text value with its field path, where it starts and the text as written in the file. */
  textValues(): {
    path: FieldPath;
    value: string;
    position: Position;
    written: string;
    positionAt(index: number): Position;
  }[];
}

const FENCE = /^---[ \t]*$/;

/** Splits `---\n…\n---` off a markdown file. YAML data files (authors/*.yaml) are all front matter. */
function splitFrontMatter(
  text: string,
  isYamlFile: boolean,
): { yaml: string | undefined; yamlLine: number; body: string; bodyLine: number } {
  if (isYamlFile) return { yaml: text, yamlLine: 1, body: '', bodyLine: 1 };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1)
    return { yaml: lines.slice(1).join('\n'), yamlLine: 2, body: '', bodyLine: lines.length + 1 };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

export function readFrontMatter(text: string, isYamlFile = false): FrontMatter {
  const { yaml, yamlLine, body, bodyLine } = splitFrontMatter(text, isYamlFile);
  const parsed = yaml === undefined ? undefined : parseFrontMatterYaml(yaml);
  const document = parsed?.document;
  const lineCounter = parsed?.lineCounter;
  const yamlText = parsed?.text ?? '';
  const at = (offset: number): Position => {
    const { line, col } = lineCounter!.linePos(offset);
    return { line: line + yamlLine - 1, column: col };
  };
  const fallback: Position = { line: yamlLine > 1 ? yamlLine - 1 : 1, column: 1 };

  /** The pair (for map keys) or item node (for list indexes) at each step of the path. */
  const walk = (path: FieldPath): { found: boolean; offset: number | undefined } => {
    let node: unknown = document?.contents;
    let offset = isMap(node) || isSeq(node) ? (node.range?.[0] ?? undefined) : undefined;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
        if (!pair) return { found: false, offset };
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
        const item = node.items[step] as Node;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        return { found: false, offset };
      }
    }
    return { found: true, offset };
  };

  /** The innermost field whose key or value spans `offset` (a tag, a bad value). */
  const fieldAt = (offset: number): FieldPath | undefined => {
    const within = (node: unknown, path: FieldPath): FieldPath | undefined => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const start = (pair.key as Node | null)?.range?.[0];
          const end = (pair.value as Node | null)?.range?.[2] ?? (pair.key as Node | null)?.range?.[2];
          if (
            !isScalar(pair.key) ||
            start === undefined ||
            end === undefined ||
            offset < start ||
            offset > end
          )
            continue;
          const here = [...path, String(pair.key.value)];
          return within(pair.value, here) ?? here;
        }
      } else if (isSeq(node)) {
        for (const [index, item] of node.items.entries()) {
          const range = (item as Node).range;
          if (range && offset >= range[0] && offset <= range[2])
            return within(item, [...path, index]) ?? [...path, index];
        }
      }
      return undefined;
    };
    return within(document?.contents, []);
  };

  function syntaxErrors(): FrontMatter['syntaxErrors'] {
    if (!document) return [];
    // An unknown tag (`!!js/function`, `!exec`) is only a warning to `yaml`, but Astro's js-yaml
    // would then fail without naming the file: treat it as an error here.
    const found = [
      ...document.errors,
      ...document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED'),
    ].map((error) => ({
      position: at(error.pos[0]),
      code: error.code,
      message: error.message.split('\n')[0]!,
      lineText: yamlText.split('\n')[lineCounter!.linePos(error.pos[0]).line - 1] ?? '',
      field: fieldAt(error.pos[0]),
    }));
    if (found.length > 0) return found;
    // What `yaml` read but the build's js-yaml would refuse.
    const rejection = buildParserRejection(yaml!);
    if (!rejection) return [];
    const offset = (lineCounter!.lineStarts[rejection.line - 1] ?? 0) + rejection.column - 1;
    return [
      {
        position: { line: rejection.line + yamlLine - 1, column: rejection.column },
        code: 'BUILD_PARSER',
        message: rejection.reason,
        lineText: yamlText.split('\n')[rejection.line - 1] ?? '',
        field: fieldAt(offset),
      },
    ];
  }

  return {
    document,
    body,
    bodyLine,
    syntaxErrors: syntaxErrors(),
    positionOf: (path) => {
      const { offset } = walk(path);
      return offset === undefined ? fallback : at(offset);
    },
    has: (path) => walk(path).found,
    rawScalar: (path) => {
      const node = document?.getIn(path, true);
      return isScalar(node) && node.value !== null ? String(node.value) : undefined;
    },
    keysNamed: (name) => {
      const found: Position[] = [];
      if (document) {
        visit(document, {
          Pair: (_, pair) => {
            if (isScalar(pair.key) && pair.key.value === name) found.push(at(pair.key.range?.[0] ?? 0));
          },
        });
      }
      return found;
    },
    textValues: () => {
      const found: ReturnType<FrontMatter['textValues']> = [];
      const walkValues = (node: unknown, path: FieldPath) => {
        if (isMap(node))
          for (const pair of node.items)
            walkValues(pair.value, [...path, String((pair.key as Scalar | null)?.value)]);
        else if (isSeq(node)) node.items.forEach((item, index) => walkValues(item, [...path, index]));
        else if (isScalar(node) && typeof node.value === 'string' && node.range) {
          const [start, end] = node.range;
          found.push({
            path,
            value: node.value,
            position: at(start),
            written: yamlText.slice(start, end),
            positionAt: (index) => at(start + index),
          });
        }
      };
      walkValues(document?.contents, []);
      return found;
    },
  };
}
