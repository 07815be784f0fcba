/**
 * npm run import-archive -- <folder | export.xml> [--from markdown|wordpress] [--section news]
 * [--relationship original] [--site-root dir] [--no-fetch] [--publish] [--out content/articles] Imports an
 * archive into content/articles/: a folder of Jekyll, Hugo or Eleventy markdown posts
 * (src/lib/archive-import.ts) or a WordPress export (src/lib/wordpress-import.ts; its images are fetched
 * once unless --no-fetch). Every article is a draft unless --publish; none is overwritten. Prints the
 * summary: imported, needs attention (file:line and reason), skipped (and why).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { RELATIONSHIPS } from '../src/content.config.ts';
import type { Relationship } from '../src/lib/archive-article.ts';
import { formatSummary, importMarkdownFolder, type ImportSummary } from '../src/lib/archive-import.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { buildNow } from '../src/lib/publication.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { WordPressExportError } from '../src/lib/wordpress-export.ts';
import { httpFetcher, importWordPressExport } from '../src/lib/wordpress-import.ts';
import { editorCommand } from './editor-cli.ts';

const USAGE =
  'usage: npm run import-archive -- <folder | export.xml> [--from markdown|wordpress] ' +
  '[--section news] [--relationship original] [--site-root dir] [--no-fetch] [--publish]';

const { values, positionals, usage, fail } = editorCommand('import-archive', USAGE, {
  from: { type: 'string' },
  section: { type: 'string', default: 'news' },
  relationship: { type: 'string', default: 'original' },
  'site-root': { type: 'string' },
  'no-fetch': { type: 'boolean', default: false },
  out: { type: 'string', default: 'content/articles' },
  publish: { type: 'boolean', default: false },
});

const source = positionals.length === 1 ? positionals[0]! : usage();
if (!existsSync(source)) fail(`${source}: no such file or folder.`);
const from = values.from ?? (statSync(source).isDirectory() ? 'markdown' : 'wordpress');
if (from !== 'markdown' && from !== 'wordpress')
  fail(
    `--from "${from}" must be markdown (a folder of Jekyll, Hugo or Eleventy posts) or wordpress (a WXR export file).`,
  );
if (from === 'markdown' && !statSync(source).isDirectory())
  fail(`${source}: not a folder of markdown posts.`);
if (from === 'wordpress' && !statSync(source).isFile()) fail(`${source}: not a WordPress export file.`);
const relationship = values.relationship as Relationship;
if (!RELATIONSHIPS.includes(relationship))
  fail(`--relationship "${values.relationship}" must be one of ${RELATIONSHIPS.join(', ')}.`);

const site = readSiteConfig(process.env);
const options = {
  projectRoot: process.cwd(),
  articlesDir: resolve(values.out!),
  context: {
    defaultSection: values.section!,
    relationship,
    publish: values.publish!,
    timeZone: site.timezone,
    now: isoWithOffset(buildNow(process.env), site.timezone),
  },
};

let summary: ImportSummary;
try {
  summary =
    from === 'markdown'
      ? importMarkdownFolder(source, { ...options, siteRoot: values['site-root'] })
      : await importWordPressExport(readFileSync(source, 'utf8'), {
          ...options,
          sourceName: basename(source),
          fetcher: values['no-fetch'] ? undefined : httpFetcher,
        });
} catch (error) {
  if (error instanceof WordPressExportError) fail(`${source}: ${error.message}`);
  throw error;
}
console.log(formatSummary(summary));
