/**
 * A post body's prose as the importers rewrite it: consecutive lines outside code, each run as one
 * text. Markdown lets an image's alt text, a link's text or an `<img` tag wrap onto the next line
 * (`![A diagram of⏎the server](x.png)`, `[release⏎cycle](/blog/…)`, `<img⏎src="x.png">`); read line
 * by line, those were missed without a word (the Ember and Rust blogs' trials).
 */
import type { ConvertedLine } from './archive-shortcodes.ts';

/** Runs of consecutive lines outside code. */
function proseRuns(lines: ConvertedLine[]): ConvertedLine[][] {
  const runs: ConvertedLine[][] = [];
  lines.forEach((line, index) => {
    if (line.code) return;
    if (index > 0 && !lines[index - 1]!.code && runs.length) runs.at(-1)!.push(line);
    else runs.push([line]);
  });
  return runs;
}

/** The source line of `offset` in a run joined with newlines (a converted line may hold several). */
function lineAt(run: ConvertedLine[], joined: string, offset: number): number {
  let newlines = joined.slice(0, offset).split('\n').length - 1;
  for (const { text, line } of run) {
    newlines -= text.split('\n').length;
    if (newlines < 0) return line;
  }
  return run.at(-1)!.line;
}

/** Each run's text, with the source line of any offset in it. */
export function proseTexts(lines: ConvertedLine[]): { text: string; lineAt: (offset: number) => number }[] {
  return proseRuns(lines).map((run) => {
    const text = run.map(({ text: line }) => line).join('\n');
    return { text, lineAt: (offset) => lineAt(run, text, offset) };
  });
}

/**
 * The lines with each run's text rewritten by `rewrite`, given the run's text and the source line
 * of an offset in it (or in `within`, the text as an earlier replacement left it). A rewrite must
 * keep the run's newlines, as replacing addresses does, so the run splits back into its lines;
 * code lines are left as they are.
 */
export function rewriteProse(
  lines: ConvertedLine[],
  rewrite: (text: string, lineAt: (offset: number, within?: string) => number) => string,
): ConvertedLine[] {
  const rewritten = new Map<ConvertedLine, string>();
  for (const run of proseRuns(lines)) {
    const joined = run.map(({ text }) => text).join('\n');
    const pieces = rewrite(joined, (offset, within = joined) => lineAt(run, within, offset)).split('\n');
    for (const line of run) rewritten.set(line, pieces.splice(0, line.text.split('\n').length).join('\n'));
  }
  return lines.map((line) => ({ ...line, text: rewritten.get(line) ?? line.text }));
}
