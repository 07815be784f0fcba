import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCacheKeys, applyVariant, setArticlesLoaderOption, VARIANTS } from '../../scripts/bench/variants.ts';
import { projectRoot } from '../../scripts/bench/targets.ts';

const contentConfig = readFileSync(join(projectRoot, 'src/content.config.ts'), 'utf8');
const articleRoute = readFileSync(join(projectRoot, 'src/pages/articles/[slug].astro'), 'utf8');
const articlesLoader = (source: string) => source.slice(source.indexOf("base: './content/articles'"), source.indexOf('})', source.indexOf("base: './content/articles'")));

describe('setArticlesLoaderOption', () => {
  it('sets an option on the committed articles loader, whether or not it is already there', () => {
    const on = setArticlesLoaderOption(contentConfig, 'deferRender', true);
    expect(articlesLoader(on)).toMatch(/deferRender: true/);
    const off = setArticlesLoaderOption(on, 'deferRender', false);
    expect(articlesLoader(off)).toMatch(/deferRender: false/);
    expect(articlesLoader(off)).not.toMatch(/deferRender: true/);
    expect(off.match(/deferRender/g)).toHaveLength(1);
  });

  it('leaves the authors loader alone', () => {
    const on = setArticlesLoaderOption(contentConfig, 'retainBody', false);
    expect(on.slice(on.indexOf("base: './content/authors'"))).not.toMatch(/retainBody/);
  });

  it('fails loudly when the config no longer looks as expected', () => {
    expect(() => setArticlesLoaderOption('export const collections = {};', 'deferRender', true)).toThrow(/content\/articles/);
  });
});

describe('addCacheKeys', () => {
  it('adds a cacheKey to the committed article route, or fails loudly', () => {
    expect(addCacheKeys(articleRoute)).toMatch(/props: \{ article \}, cacheKey: /);
    expect(() => addCacheKeys('---\n---')).toThrow(/\[slug\]\.astro/);
  });
});

describe('applyVariant', () => {
  it('wraps the committed config for config options and leaves it for the as-configured site', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-variant-'));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'src/content.config.ts'), contentConfig);
      applyVariant(root, VARIANTS['as-configured']!);
      expect(existsSync(join(root, 'astro.config.bench.mjs'))).toBe(false);
      applyVariant(root, VARIANTS.chunked!);
      const wrapper = readFileSync(join(root, 'astro.config.bench.mjs'), 'utf8');
      expect(wrapper).toContain("import base from './astro.config.ts'");
      expect(wrapper).toContain('"collectionStorage":"chunked"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
