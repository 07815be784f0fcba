import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyVariant, VARIANTS } from '../../scripts/bench/variants.ts';

describe('applyVariant', () => {
  it('wraps the committed config for a changed option, and leaves the as-configured site alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-variant-'));
    try {
      applyVariant(root, VARIANTS['as-configured']!);
      expect(existsSync(join(root, 'astro.config.bench.mjs'))).toBe(false);
      applyVariant(root, VARIANTS['no-incremental']!);
      const wrapper = readFileSync(join(root, 'astro.config.bench.mjs'), 'utf8');
      expect(wrapper).toContain("import base from './astro.config.ts'");
      expect(wrapper).toContain('...base.experimental, ...{"incrementalBuild":false}');
      expect(wrapper).toContain('...base.build, ...{}');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
