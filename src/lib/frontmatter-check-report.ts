/**
 * The problems of one content check, gathered from every file so that one run lists them all,
 * each at `file:line:col` with the field, what was expected and a fix hint.
 */
import { relative, sep } from 'node:path';
import type { Problem } from './frontmatter-check.ts';
import type { Position } from './frontmatter-check-yaml.ts';

/** A problem before it is placed in a file: what is wrong with which field, and how to fix it. */
export type ProblemText = Pick<Problem, 'field' | 'message' | 'hint'> &
  Partial<Pick<Problem, 'expected' | 'severity'>>;

export class ProblemReport {
  readonly #problems: Problem[] = [];
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  /** The path editors see: relative to the project root, with forward slashes. */
  relativeFile(file: string): string {
    return relative(this.#root, file).split(sep).join('/');
  }

  add(file: string, position: Position, { severity = 'error', expected, ...text }: ProblemText): void {
    this.#problems.push({ severity, file: this.relativeFile(file), ...position, ...text, expected });
  }

  get count(): number {
    return this.#problems.length;
  }

  /** Every problem, by file, line and column: the order an editor fixes them in. */
  sorted(): Problem[] {
    return this.#problems.sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
  }
}
