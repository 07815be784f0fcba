/**
 * Collects, after the build, the pages whose own head says not to index them (noindex, or a
 * canonical elsewhere), so @astrojs/sitemap can leave them out through `allows`. It must come
 * before the sitemap in `integrations`: Astro runs astro:build:done hooks in that order.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepPageFacts, pageFacts, type PageFacts } from '../build-output/page-facts.ts';
import { isIndexable } from '../lib/indexability.ts';

/** A page's facts, or undefined for a route that wrote no index.html (an endpoint such as feed.xml). */
function factsIfPresent(file: URL): PageFacts | undefined {
  try {
    return pageFacts(fileURLToPath(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

export function unindexedPages() {
  const excluded = new Set<string>();
  let siteBase: URL | undefined;
  let cacheDir = '';
  const integration: AstroIntegration = {
    name: 'wirepress:unindexed-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteBase = config.site ? new URL(config.base, config.site) : undefined;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!siteBase) return;
        // The first pass to ask for every page's facts: the pages Astro copied from its cache
        // unchanged are not read again (src/build-output/page-facts.ts).
        const kept = keepPageFacts(fileURLToPath(dir), cacheDir);
        for (const page of pages) {
          const pathname = page.pathname.replace(/^\/+/, '');
          // Read synchronously: awaiting 15,000 reads one by one took 2.3 s at N = 10,000, this 0.3 s.
          const facts = factsIfPresent(new URL(`${pathname}index.html`, dir));
          if (facts === undefined) continue;
          const url = new URL(pathname, siteBase).href;
          if (!isIndexable(url, facts.signals)) excluded.add(url);
        }
        kept.save();
        const keptCount = kept.keptCount();
        if (keptCount) logger.info(`${keptCount} built page(s) unchanged in Astro's cache: not read again`);
      },
    },
  };
  return { integration, allows: (url: string) => !excluded.has(url) };
}
