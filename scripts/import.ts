/**
 * npm run import -- <file.txt> [--section news] [--tag "A tag"]… [--content-note "…"] [--date ISO]
 * [--publish] [--out content/articles] Turns plain-text wire copy (AP, Reuters, AFP, PA or plain;
 * src/lib/wire-import.ts) into content/articles/<slug>/index.md, a draft unless --publish, and prints the
 * path. Never overwrites an existing article.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ArticleBundleError, writeNewArticle } from '../src/lib/article-bundle.ts';
import { instantProblem } from '../src/lib/frontmatter-check-dates.ts';
import { buildNow } from '../src/lib/publication.ts';
import { parseWireCopy, WireImportError, wireCopyToArticle } from '../src/lib/wire-import.ts';
import { editorCommand } from './editor-cli.ts';

const { values, positionals, usage, fail } = editorCommand(
  'import',
  'usage: npm run import -- <file.txt> [--section news] [--tag ' +
    '"A tag"] [--content-note "…"] [--date 2026-11-29T09:00:00Z] [--publish]',
  {
    section: { type: 'string', default: 'news' },
    tag: { type: 'string', multiple: true, default: [] },
    'content-note': { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string', default: 'content/articles' },
    publish: { type: 'boolean', default: false },
  },
);

const file = positionals.length === 1 ? positionals[0]! : usage();
if (!existsSync(file)) fail(`${file}: no such file.`);
if (!statSync(file).isFile()) fail(`${file}: not a file.`);
const dateProblem = values.date === undefined ? undefined : instantProblem(values.date);
if (dateProblem) fail(`--date: ${dateProblem.message}; ${dateProblem.hint}.`);

try {
  const copy = parseWireCopy(readFileSync(file, 'utf8'));
  const pubDate =
    values.date ??
    buildNow(process.env)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const { slug, markdown } = wireCopyToArticle(copy, {
    pubDate,
    section: values.section!,
    tags: values.tag!,
    draft: !values.publish,
    ...(values['content-note'] ? { contentNote: values['content-note'] } : {}),
  });
  console.log(writeNewArticle(values.out!, slug, markdown));
} catch (error) {
  if (error instanceof WireImportError) fail(`${file}: ${error.message}`);
  if (error instanceof ArticleBundleError) fail(error.message);
  throw error;
}
