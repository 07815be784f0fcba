/**
 * Baseline (a), the floor: what turning the corpus into pages costs with nothing but a plain
 * unified pipeline in one process (read, split front matter, YAML, remark-parse → remark-rehype →
 * rehype-sanitize → rehype-stringify, a string template, write). No framework can do less work.
 *
 * Usage: node scripts/bench/floor.ts <content-dir> <out-dir>
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function slugOf(relativePath: string): string {
  return basename(relativePath) === 'index.md'
    ? basename(dirname(relativePath))
    : basename(relativePath, '.md');
}

export function main(contentDir: string, outDir: string): number {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeSanitize)
    .use(rehypeStringify)
    .freeze();
  const articlesDir = join(contentDir, 'articles');
  let written = 0;
  for (const path of readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.md')) continue;
    const source = readFileSync(join(articlesDir, path), 'utf8');
    const [, frontMatter = '', markdown = source] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const data = parseYaml(frontMatter) as { title?: string };
    const html = String(processor.processSync(markdown));
    const page =
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
      `<title>${escapeHtml(data.title ?? '')}</title></head><body><main><article>` +
      `<h1>${escapeHtml(data.title ?? '')}</h1>${html}</article></main></body></html>`;
    const target = join(outDir, 'articles', slugOf(path));
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'index.html'), page);
    written += 1;
  }
  return written;
}

if (import.meta.main) {
  const [contentDir, outDir] = process.argv.slice(2);
  if (!contentDir || !outDir) throw new Error('usage: node scripts/bench/floor.ts <content-dir> <out-dir>');
  console.log(`floor: wrote ${main(contentDir, outDir)} pages`);
}
