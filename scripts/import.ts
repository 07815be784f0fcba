/**
 * npm run import -- <file.txt> [--section news] [--tag "A tag"]… [--content-note "…"] [--date ISO]
 * Turns plain-text wire copy into content/articles/<slug>/index.md and prints the path.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseWireCopy, WireImportError, wireCopyToArticle } from '../src/lib/wire-import.ts';
import { buildNow } from '../src/lib/publication.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    section: { type: 'string', default: 'news' },
    tag: { type: 'string', multiple: true, default: [] },
    'content-note': { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string', default: 'content/articles' },
  },
});

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(1);
}

const file = positionals[0];
if (!file) fail('usage: npm run import -- <file.txt> [--section news] [--tag "A tag"] [--content-note "…"] [--date ISO]');
if (!existsSync(file)) fail(`${file}: no such file.`);

try {
  const copy = parseWireCopy(readFileSync(file, 'utf8'));
  const pubDate = values.date ?? buildNow(process.env).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { slug, markdown } = wireCopyToArticle(copy, {
    pubDate,
    section: values.section!,
    tags: values.tag!,
    ...(values['content-note'] ? { contentNote: values['content-note'] } : {}),
  });
  const dir = resolve(values.out!, slug);
  const target = join(dir, 'index.md');
  if (existsSync(dir)) fail(`${target} already exists; not overwriting. Rename or remove it first.`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, markdown);
  console.log(target);
} catch (error) {
  if (error instanceof WireImportError) fail(`${file}: ${error.message}`);
  throw error;
}
