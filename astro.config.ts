import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/pipeline.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Tests and benchmarks build into temp dirs; each gets its own cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    // Shiki colours code with inline styles, which the sanitizer strips and the CSP forbids.
    syntaxHighlight: false,
    processor: unified({ gfm: true, smartypants: false, remarkPlugins, rehypePlugins }),
    // smart punctuation runs per article in src/markdown/remark-smart-punctuation.ts,
  },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // Bounds decompression bombs: 40 megapixels is larger than any camera original we publish.
      config: { limitInputPixels: 40_000_000 },
    },
  },
  security: { csp: true },
  devToolbar: { enabled: false },
  integrations: [contentCheck()],
});
