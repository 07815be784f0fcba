/**
 * npm run new -- "Headline" [--section news] [--out content/articles]
 * Scaffolds content/articles/<slug>/index.md as a draft dated now (with the site's offset) and
 * prints its path. Never overwrites an existing article.
 */
import { stringify } from 'yaml';
import { ArticleBundleError, writeNewArticle } from '../src/lib/article-bundle.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { buildNow } from '../src/lib/publication.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { slugFromHeadline } from '../src/lib/slugs.ts';
import { editorCommand } from './editor-cli.ts';

const { values, positionals, usage, fail } = editorCommand(
  'new',
  'usage: npm run new -- "Headline" [--section news]',
  {
    section: { type: 'string', default: 'news' },
    out: { type: 'string', default: 'content/articles' },
  },
);

const headline = positionals.join(' ').trim() || usage();

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
  const note =
    '# A draft: shown by `npm run dev` only. Set pubDate to when ' +
    'it should go live and delete `draft: true` to publish.\n';
  const markdown = `---\n${note}${stringify(frontMatter, { lineWidth: 0 })}---\n\n`;
  console.log(writeNewArticle(values.out!, slugFromHeadline(headline), markdown));
} catch (error) {
  if (error instanceof ArticleBundleError) fail(error.message);
  throw error;
}
