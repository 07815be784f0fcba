/**
 * Refuses article bodies that would make the markdown pipeline hang or overflow the stack,
 * before remark parses them (src/lib/body-limits.ts measures them).
 *
 * A remark transformer runs after parsing, which is too late, so this plugin wraps the
 * processor's parser instead. Every refusal is a VFile error naming the file and line.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { checkLimits } from '../lib/body-limits.ts';
import { displayPath } from './article-location.ts';

export default function remarkLimits(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-limits must be used after remark-parse');
  this.parser = (document: string, file: VFile) => {
    const violation = checkLimits(document);
    if (violation) {
      // Astro logs only the error's message, so the message itself carries file and line.
      const path = file.path ? displayPath(file.path) : 'markdown';
      const place = `${path}${violation.line ? `:${violation.line}` : ''}`;
      file.fail(`${place}: ${violation.message}. Fix: ${violation.hint}.`, {
        place: violation.line ? { line: violation.line, column: 1 } : undefined,
        ruleId: 'limits',
        source: 'remark-limits',
      });
    }
    return parse(document, file);
  };
}
