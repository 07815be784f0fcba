/**
 * npm run import-archive -- <folder> [--from markdown] [--section news] [--relationship original] [--site-root dir] [--publish] [--out content/articles]
 * Imports an archive into content/articles/: a folder of Jekyll, Hugo or Eleventy markdown posts
 * (src/lib/archive-import.ts). Every article is a draft unless --publish; none is overwritten.
 * Prints the summary: imported, needs attention (file:line and reason), skipped (and why).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { RELATIONSHIPS } from '../src/content.config.ts';
import type { Relationship } from '../src/lib/archive-article.ts';
import { formatSummary, importMarkdownFolder } from '../src/lib/archive-import.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { buildNow } from '../src/lib/publication.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { editorCommand } from './editor-cli.ts';

const USAGE = 'usage: npm run import-archive -- <folder> [--from markdown] [--section news] [--relationship original] [--site-root dir] [--publish]';

const { values, positionals, usage, fail } = editorCommand('import-archive', USAGE, {
  from: { type: 'string', default: 'markdown' },
  section: { type: 'string', default: 'news' },
  relationship: { type: 'string', default: 'original' },
  'site-root': { type: 'string' },
  out: { type: 'string', default: 'content/articles' },
  publish: { type: 'boolean', default: false },
});

const source = positionals.length === 1 ? positionals[0]! : usage();
if (values.from !== 'markdown') fail(`--from "${values.from}": the importer reads markdown (a folder of Jekyll, Hugo or Eleventy posts).`);
if (!existsSync(source) || !statSync(source).isDirectory()) fail(`${source}: not a folder of markdown posts.`);
const relationship = values.relationship as Relationship;
if (!RELATIONSHIPS.includes(relationship)) fail(`--relationship "${values.relationship}" must be one of ${RELATIONSHIPS.join(', ')}.`);

const site = readSiteConfig(process.env);
const summary = importMarkdownFolder(source, {
  projectRoot: process.cwd(),
  articlesDir: resolve(values.out!),
  siteRoot: values['site-root'],
  context: {
    defaultSection: values.section!,
    relationship,
    publish: values.publish!,
    timeZone: site.timezone,
    now: isoWithOffset(buildNow(process.env), site.timezone),
  },
});
console.log(formatSummary(summary));
