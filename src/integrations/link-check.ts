/**
 * After the build, checks that every internal link, fragment and image reference in dist/
 * resolves (src/lib/link-check.ts), and fails the build naming the page, the article it was
 * built from and the target. Registered last, so it sees what other integrations wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { CheckedArticle } from '../lib/frontmatter-check.ts';
import { brokenReferences } from '../lib/link-check.ts';
import { articlePath } from '../lib/urls.ts';

export default function linkCheck(content: { articles(): CheckedArticle[] }): AstroIntegration {
  let siteUrl = 'https://example.org';
  let basePath = '/';
  let root = '';
  return {
    name: 'wirepress:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? siteUrl;
        basePath = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const files = new Set(
          readdirSync(dist, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')),
        );
        const broken = brokenReferences({ files, readHtml: (path) => readFileSync(join(dist, path), 'utf8'), siteUrl, basePath });
        if (broken.length === 0) return;
        const sources = new Map(content.articles().map((article) => [`${articlePath(article.id)}index.html`, relative(root, article.file).split(sep).join('/')]));
        for (const { page, attribute, target, reason } of broken) {
          const source = sources.get(page);
          logger.error(`${source ? `${source} (page dist/${page})` : `dist/${page}`}: ${attribute} "${target}" ${reason}`);
        }
        const error = new AstroError(
          `Link check failed: ${broken.length} broken internal reference${broken.length === 1 ? '' : 's'} in the built site.`,
          'Fix the links listed above: point them at a page that exists (articles are at /articles/<slug>/) or an id on that page, or remove them.',
        );
        error.stack = '';
        throw error;
      },
    },
  };
}
