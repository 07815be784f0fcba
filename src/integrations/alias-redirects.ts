/**
 * Keeps renamed articles' old URLs working: each `aliases:` entry of an article that has a page
 * becomes an Astro redirect (a noindex page with meta refresh, canonical and a plain link, also
 * served by `astro dev`) and a 301 line in dist/_redirects.
 */
import { appendFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { aliasRedirects, redirectsFile, type AliasRedirect } from '../lib/aliases.ts';
import { checkedArticlesWithPages } from '../lib/checked-articles.ts';
import { basePathOf, withBase } from '../lib/urls.ts';

export default function aliasRedirectsIntegration(): AstroIntegration {
  let redirects: AliasRedirect[] = [];
  let basePath = '/';
  return {
    name: 'wirepress:alias-redirects',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const withPages = checkedArticlesWithPages(command);
        redirects = aliasRedirects(withPages.map(({ id, parsed }) => ({ id, aliases: parsed.aliases })));
        basePath = basePathOf(config.base);
        // Astro serves a redirect's source under the base path but takes its destination verbatim.
        updateConfig({
          redirects: Object.fromEntries(redirects.map(({ from, to }) => [from, withBase(basePath, to)])),
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (redirects.length)
          await appendFile(new URL('_redirects', dir), redirectsFile(redirects, basePath));
      },
    },
  };
}
