import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedFile, cacheKey, ogCacheDir } from '../../src/cards/og-cache.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'og-cache-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cacheKey', () => {
  it('is the same for the same inputs and differs when any input changes', () => {
    const inputs = { title: 'A', size: { width: 1200, height: 630 } };
    expect(cacheKey(inputs)).toBe(cacheKey({ title: 'A', size: { width: 1200, height: 630 } }));
    expect(cacheKey(inputs)).not.toBe(cacheKey({ ...inputs, title: 'B' }));
    expect(cacheKey(inputs)).not.toBe(cacheKey({ ...inputs, size: { width: 1200, height: 675 } }));
  });
});

describe('cachedFile', () => {
  it('renders on the first call and reads the stored bytes on the second', async () => {
    let renders = 0;
    const render = async () => Buffer.from(`image ${++renders}`);
    const first = await cachedFile(dir, 'k1', 'png', render);
    const second = await cachedFile(dir, 'k1', 'png', render);
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(renders).toBe(1);
    expect(second.bytes.toString()).toBe('image 1');
    expect(readdirSync(dir)).toEqual(['k1.png']);
  });

  it('renders again for another key', async () => {
    let renders = 0;
    const render = async () => Buffer.from(`image ${++renders}`);
    await cachedFile(dir, 'k1', 'png', render);
    const other = await cachedFile(dir, 'k2', 'png', render);
    expect(other.hit).toBe(false);
    expect(renders).toBe(2);
  });

  it('creates the folder when it does not exist yet', async () => {
    const nested = join(dir, 'a', 'b');
    expect((await cachedFile(nested, 'k', 'png', async () => Buffer.from('x'))).hit).toBe(false);
  });

  it('fails loudly rather than render when the cache entry cannot be read', async () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    await expect(cachedFile(join(dir, 'file'), 'k', 'png', async () => Buffer.from('x'))).rejects.toThrow(
      /ENOTDIR/,
    );
  });
});

describe('ogCacheDir', () => {
  it('prefers OG_CACHE_DIR, then the Astro cache dir, then node_modules/.astro', () => {
    expect(ogCacheDir({ OG_CACHE_DIR: '/x', ASTRO_CACHE_DIR: '/y' })).toBe('/x');
    expect(ogCacheDir({ ASTRO_CACHE_DIR: '/y' })).toBe('/y/og-images');
    expect(ogCacheDir({})).toBe('node_modules/.astro/og-images');
  });
});
