/**
 * npm run new -- "Headline" [--section news] [--out content/articles]
 * Scaffolds content/articles/<slug>/index.md as a draft dated now (with the site's offset) and
 * prints its path. Never overwrites an existing article.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { ArticleBundleError, writeNewArticle } from '../src/lib/article-bundle.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { buildNow } from '../src/lib/publication.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { slugFromHeadline, SLUG_PATTERN } from '../src/lib/slugs.ts';

const USAGE = 'usage: npm run new -- "Headline" [--section news]';

function fail(message: string): never {
  console.error(`new: ${message}`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { section: { type: 'string', default: 'news' }, out: { type: 'string', default: 'content/articles' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();

const headline = positionals.join(' ').trim();
if (!headline) fail(USAGE);
if (!SLUG_PATTERN.test(values.section!)) fail(`--section "${values.section}" must be a slug such as news or entertainment.`);

try {
  const site = readSiteConfig(process.env);
  const frontMatter = {
    title: headline,
    pubDate: isoWithOffset(buildNow(process.env), site.timezone),
    authors: [],
    section: values.section,
    tags: [],
    source: { relationship: 'original' },
    draft: true,
  };
  const note = '# A draft: shown by `npm run dev` only. Set pubDate to when it should go live and delete `draft: true` to publish.\n';
  const markdown = `---\n${note}${stringify(frontMatter, { lineWidth: 0 })}---\n\n`;
  console.log(writeNewArticle(values.out!, slugFromHeadline(headline), markdown));
} catch (error) {
  if (error instanceof ArticleBundleError) fail(error.message);
  throw error;
}
