/** The dev preview's problem panel: every error with where, field, expected and fix; editor text escaped. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/frontmatter-check.ts';
import { problemPanel } from '../../src/lib/problem-panel.ts';

const error: Problem = {
  severity: 'error',
  file: 'content/articles/<b>x</b>/index.md',
  line: 4,
  column: 1,
  field: 'section',
  message: 'unknown section "<script>alert(1)</script>"',
  expected: 'a slug listed in content/sections.yaml',
  hint: 'did you mean "news"?',
};
const warning: Problem = { ...error, severity: 'warning', field: 'source.url', message: 'a warning' };

describe('problem panel', () => {
  const { document } = parseHTML(problemPanel([error, warning], '/@vite/client'));

  it('lists each error with file:line:col, field, message, expected and fix, and no warnings', () => {
    const items = [...document.querySelectorAll('#content-problems li')];
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toBe(
      'content/articles/<b>x</b>/index.md:4:1 sectionunknown section "<script>alert(1)</script>"Expected: ' +
        'a slug listed in content/sections.yamlFix: did you mean "news"?',
    );
    expect(document.querySelector('h1')?.textContent).toBe('Content check failed: 1 problem in 1 file.');
  });

  it('escapes what editors wrote: no element comes from a file name or message', () => {
    expect(document.querySelectorAll('#content-problems script')).toHaveLength(0);
    expect([...document.querySelectorAll('#content-problems b')].map((bold) => bold.textContent)).toEqual([
      'Expected:',
      'Fix:',
    ]);
  });

  it('loads the dev client, which reloads the tab once the files are fixed', () => {
    expect(document.querySelector('script[type="module"]')?.getAttribute('src')).toBe('/@vite/client');
  });
});
