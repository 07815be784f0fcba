import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import aliasRedirects from './src/integrations/alias-redirects.ts';
import articleFiles from './src/integrations/article-files.ts';
import bodiesAhead from './src/build-threads/bodies-ahead.ts';
import contentCheck from './src/integrations/content-check.ts';
import contentImages from './src/integrations/content-images.ts';
import devRouteRefresh from './src/integrations/dev-route-refresh.ts';
import distAside from './src/build-output/dist-aside.ts';
import linkCheck from './src/integrations/link-check.ts';
import ogCards from './src/cards/og-cards.ts';
import pagefind from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import stagedDist from './src/build-output/staged-dist.ts';
import { unindexedPages } from './src/integrations/unindexed-pages.ts';
import { fileURLToPath } from 'node:url';
import { markdownProcessor } from './src/markdown/pipeline.ts';
import { MAX_IMAGE_PIXELS } from './src/markdown/rehype-article-images.ts';
import { META_CSP_DIRECTIVES } from './src/lib/security-headers.ts';
import { readEnvironment } from './src/lib/environment.ts';
import { site } from './src/site.config.ts';

const unindexed = unindexedPages();
const files = articleFiles();

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Four pages at a time: while some wait for the disk (or a body from the second thread), the
    // next renders. N = 10,000, paired runs: cold and no-change rebuilds faster than with 2, and
    // than with 8 (docs/performance.md).
    concurrency: 4,
  },
  // Tests and benchmarks build into temp dirs; each gets its own cache.
  cacheDir: readEnvironment(process.env).ASTRO_CACHE_DIR,
  markdown: {
    // Shiki colours code with inline styles, which the sanitizer strips and the CSP forbids; the
    // pipeline highlights with classes instead (src/markdown/rehype-code-blocks.ts).
    syntaxHighlight: false,
    processor: markdownProcessor,
  },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // Bounds decompression bombs; in-body images over it fail the build with a clear message.
      config: {
        limitInputPixels: MAX_IMAGE_PIXELS,
        // AVIF at sharp's default effort (4) costs ~10× the CPU of effort 2 for ~35% smaller
        // files; effort 2 is still far smaller than WebP. WebP, the fallback for browsers
        // without AVIF, at effort 2 instead of 4: half the CPU for files 2 % larger. See
        // docs/performance.md.
        avif: { effort: 2 },
        webp: { effort: 2 },
      },
    },
  },
  // Astro hashes its own inline scripts and styles; the directives add the rest
  // (src/lib/security-headers.ts).
  security: { csp: { directives: [...META_CSP_DIRECTIVES] } },
  devToolbar: { enabled: false },
  vite: {
    // Pages read article files by their path relative to the project (src/data/article-body.ts).
    define: { 'import.meta.env.SITE_ROOT': JSON.stringify(fileURLToPath(new URL('./', import.meta.url))) },
  },
  experimental: {
    // Rebuilds keep an article page's last HTML while its cacheKey (src/data/page-keys.ts), its
    // code and this config are unchanged: a no-change rebuild no longer renders every article.
    incrementalBuild: true,
  },
  // Order matters. content-check comes first: bodies-ahead, og-cards, alias-redirects and
  // link-check read the articles it checked (src/lib/checked-articles.ts).
  // unindexed-pages reads the built pages before the sitemap is written.
  // article-files copies linked files after pagefind indexed the pages and before security-headers
  // lists its downloads in _headers; neither it nor the link check reads them as pages.
  // link-check comes after the others: its astro:build:done hook checks what every other
  // integration wrote.
  // staged-dist comes last: it moves the finished build into dist/ only once every hook before it
  // passed.
  integrations: [
    contentCheck(),
    devRouteRefresh(),
    contentImages(),
    distAside(),
    bodiesAhead(),
    ogCards(),
    aliasRedirects(),
    unindexed.integration,
    sitemap({ filter: unindexed.allows }),
    pagefind(),
    files,
    securityHeaders(files),
    linkCheck(files),
    stagedDist(),
  ],
});
