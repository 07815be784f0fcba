/**
 * The dev preview's problem panel: while content has errors, `npm run dev` answers every page with
 * this list instead of a page built from invalid data (src/integrations/dev-problems.ts). It shows
 * what the terminal shows (file:line:col, field, message, expected, fix), for the whole site.
 * Every value is escaped: file names and messages quote what editors wrote.
 */
import type { Problem } from './frontmatter-check.ts';
import { summary } from './frontmatter-check-format.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

function problemItem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const rows = [
    `<p class="where"><code>${escapeHtml(where)}</code> <span class="field">${escapeHtml(problem.field)}</span></p>`,
    `<p>${escapeHtml(problem.message)}</p>`,
    problem.expected ? `<p><b>Expected:</b> ${escapeHtml(problem.expected)}</p>` : '',
    problem.hint ? `<p><b>Fix:</b> ${escapeHtml(problem.hint)}</p>` : '',
  ];
  return `<li>${rows.join('')}</li>`;
}

/**
 * The whole page: a heading with the count, then one item per error. Warnings do not stop the
 * preview. `viteClient` is the dev server's client script, which reloads the page on a fix.
 */
export function problemPanel(problems: Problem[], viteClient: string): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  return (
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Content problems · preview</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; color: #8b0000; }
ol { padding-left: 1.5rem; }
li { border-left: 4px solid #8b0000; padding: 0.25rem 0 0.25rem 0.75rem; margin-bottom: 1rem; }
li p { margin: 0.25rem 0; }
code, .field { font-family: ui-monospace, monospace; font-weight: bold; }
</style>
</head>
<body>
<main id="content-problems">
<h1>${escapeHtml(summary(problems))}</h1>
<p>The preview shows no page while content has errors. Fix each file ` +
    `below and save it: this page reloads by itself once all are fixed.</p>
<ol>
${errors.map(problemItem).join('\n')}
</ol>
</main>
<script type="module" src="${escapeHtml(viteClient)}"></script>
</body>
</html>
`
  );
}
