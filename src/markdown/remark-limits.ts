/**
 * Refuses article bodies that would make the markdown pipeline hang or overflow the stack,
 * before remark parses them (src/lib/body-limits.ts measures them).
 *
 * A remark transformer runs after parsing, which is too late, so this plugin wraps the
 * processor's parser instead. Every refusal is a VFile error naming the file and line.
 */
import { isAbsolute, relative } from 'node:path';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { checkLimits } from '../lib/body-limits.ts';

export default function remarkLimits(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-limits must be used after remark-parse');
  this.parser = (document: string, file: VFile) => {
    const violation = checkLimits(document);
    if (violation) {
      // Astro logs only the error's message, so the message itself carries file and line.
      const place = `${displayPath(file)}${violation.line ? `:${violation.line}` : ''}`;
      file.fail(`${place}: ${violation.message}. Fix: ${violation.hint}.`, {
        place: violation.line ? { line: violation.line, column: 1 } : undefined,
        ruleId: 'limits',
        source: 'remark-limits',
      });
    }
    return parse(document, file);
  };
}

/** The file relative to the project when it is inside it (as editors know it), else as given. */
function displayPath(file: VFile): string {
  if (!file.path) return 'markdown';
  const fromProject = relative(process.cwd(), file.path);
  return fromProject.startsWith('..') || isAbsolute(fromProject) ? file.path : fromProject;
}
