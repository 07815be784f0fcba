/** How front-matter problems read in a terminal: one block per problem, clickable `file:line:col` first. */
import type { Problem } from './frontmatter-check.ts';

export function formatProblem(problem: Problem): string {
  const lines = [`${problem.file}:${problem.line}:${problem.column}  ${problem.field}: ${problem.message}`];
  if (problem.expected) lines.push(`    expected: ${problem.expected}`);
  // Body problems say their fix in the message itself.
  if (problem.hint) lines.push(`    fix: ${problem.hint}`);
  return lines.join('\n');
}

export function summary(problems: Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const files = new Set(errors.map((problem) => problem.file));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Content check failed: ${count(errors.length, 'problem')} in ${count(files.size, 'file')}.`;
}
