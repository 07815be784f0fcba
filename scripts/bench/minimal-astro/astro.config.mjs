// Baseline (b): a minimal Astro 7 blog, as the blog starter would build it: the default markdown
// processor, the glob loader, one route. Only the cache directory comes from the benchmark.
import { defineConfig } from 'astro/config';

export default defineConfig({
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
