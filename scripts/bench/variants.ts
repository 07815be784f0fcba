/**
 * One Astro option changed at a time in the benchmark's copy of the site, so each option's effect
 * is measured against the site as committed. The committed files are never touched: a variant
 * wraps astro.config.ts in astro.config.bench.mjs inside the temp copy.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Variant {
  name: string;
  /** Merged over the committed config's `experimental` and `build`. */
  experimental?: Record<string, unknown>;
  build?: Record<string, unknown>;
}

export const VARIANTS: Record<string, Variant> = {
  'as-configured': { name: 'as-configured' },
  'no-incremental': { name: 'no-incremental', experimental: { incrementalBuild: false } },
  chunked: { name: 'chunked', experimental: { collectionStorage: 'chunked' } },
  'chunked-1mb': {
    name: 'chunked-1mb',
    experimental: { collectionStorage: { type: 'chunked', chunkSize: 1024 * 1024 } },
  },
  'concurrency-1': { name: 'concurrency-1', build: { concurrency: 1 } },
  'concurrency-2': { name: 'concurrency-2', build: { concurrency: 2 } },
  'concurrency-4': { name: 'concurrency-4', build: { concurrency: 4 } },
  'concurrency-8': { name: 'concurrency-8', build: { concurrency: 8 } },
};

export function applyVariant(root: string, variant: Variant): void {
  if (!variant.experimental && !variant.build) return;
  writeFileSync(
    join(root, 'astro.config.bench.mjs'),
    `import base from './astro.config.ts';\n` +
      `export default { ...base, experimental: ` +
      `{ ...base.experimental, ...${JSON.stringify(variant.experimental ?? {})} }, ` +
      `build: { ...base.build, ...${JSON.stringify(variant.build ?? {})} } };\n`,
  );
}
