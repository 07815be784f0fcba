/**
 * Collects, after the build, the pages whose own head says not to index them (noindex, or a
 * canonical elsewhere), so @astrojs/sitemap can leave them out through `allows`. It must come
 * before the sitemap in `integrations`: Astro runs astro:build:done hooks in that order.
 */
import { readFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headSignals, isIndexable } from '../lib/indexability.ts';

export function unindexedPages() {
  const excluded = new Set<string>();
  let siteBase: URL | undefined;
  const integration: AstroIntegration = {
    name: 'wirepress:unindexed-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteBase = config.site ? new URL(config.base, config.site) : undefined;
      },
      'astro:build:done': async ({ dir, pages }) => {
        if (!siteBase) return;
        for (const page of pages) {
          const pathname = page.pathname.replace(/^\/+/, '');
          const html = await readFile(new URL(`${pathname}index.html`, dir), 'utf8').catch(() => undefined);
          if (html === undefined) continue;
          const url = new URL(pathname, siteBase).href;
          if (!isIndexable(url, headSignals(html))) excluded.add(url);
        }
      },
    },
  };
  return { integration, allows: (url: string) => !excluded.has(url) };
}
