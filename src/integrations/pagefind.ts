/**
 * Builds the Pagefind search index into dist/pagefind/ once `astro build` has written the pages,
 * so `npm run build` produces a searchable site with no second command. Only what article pages
 * mark with data-pagefind-body is indexed: headline, dek, byline and body, not the site chrome.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { close, createIndex } from 'pagefind';

export default function pagefind(): AstroIntegration {
  return {
    name: 'wirepress:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex({});
          if (!index) throw new AstroError(`Pagefind could not start: ${errors.join('; ')}`);
          // Only article pages carry data-pagefind-body; reading the listing, tag and author pages
          // too (a third of the site) only cost time.
          const added = await index.addDirectory({ path: site, glob: 'articles/**/*.html' });
          if (added.errors.length) throw new AstroError(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new AstroError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} article page(s) for search into ${written.outputPath}`);
        } finally {
          await close();
        }
      },
    },
  };
}
