import { linkSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countImageEncodes,
  filesWrittenSince,
  markdownTable,
  median,
  outputSizes,
  diskUsage,
} from '../../scripts/bench/stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('countImageEncodes', () => {
  it('counts encodes and cache hits in an Astro build log, colours or not, and Open Graph cards drawn', () => {
    const log = [
      '  \x1b[32m▶\x1b[39m /_astro/hero.Ab12.jpg_1X.webp \x1b[2m(before: ' +
        '158kB, after: 23kB)\x1b[22m \x1b[2m(+1.2s)\x1b[22m (1/3)',
      '  ▶ /_astro/hero.Ab12.jpg_2X.avif (before: 158kB, after: 19kB) (+2.0s) (2/3)',
      '  ▶ /_astro/hero.Cd34.jpg_1X.webp (reused cache entry) (+3ms) (3/3)',
      'og-image: rendered /og/harbour-walk.png',
      '10:15:45   ├─ /og/tide.pngog-image: rendered /og/tide.png',
    ].join('\n');
    expect(countImageEncodes(log)).toEqual({ encoded: 4, reused: 1, ogCards: 2 });
    expect(countImageEncodes('09:53:32 [build] Complete!')).toEqual({ encoded: 0, reused: 0, ogCards: 0 });
  });
});

describe('outputSizes', () => {
  it('adds up every file, and counts only articles/<slug>/index.html as article pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-stats-'));
    try {
      for (const [path, bytes] of [
        ['index.html', 10],
        ['articles/a/index.html', 100],
        ['articles/b/index.html', 300],
        ['articles/b/extra.html', 7],
        ['_astro/site.css', 50],
      ] as const) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), 'x'.repeat(bytes));
      }
      expect(outputSizes(dir)).toEqual({ bytes: 467, articlePages: 2, articleHtmlBytes: 400 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('markdownTable', () => {
  it('renders a header, a rule and rows', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('filesWrittenSince', () => {
  it('counts files written after a moment, ignoring metadata and missing folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-encodes-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'assets/old.webp'), 'x');
      utimesSync(join(dir, 'assets/old.webp'), new Date(1000), new Date(1000));
      // File times come from a coarser clock than Date.now(): compare with a moment well before.
      const since = Date.now() - 60_000;
      writeFileSync(join(dir, 'assets/new.avif'), 'x');
      writeFileSync(join(dir, 'assets/new.avif.json'), '{}');
      expect(filesWrittenSince([join(dir, 'assets'), join(dir, 'missing')], since)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('diskUsage', () => {
  it('counts allocated blocks, a hard-linked file once, and a missing folder as nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-disk-'));
    try {
      mkdirSync(join(dir, 'cache/cards/deep'), { recursive: true });
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'cache/cards/deep/card.png'), 'x'.repeat(5000));
      writeFileSync(join(dir, 'cache/manifest.json'), 'x'.repeat(20));
      linkSync(join(dir, 'cache/cards/deep/card.png'), join(dir, 'dist/card.png'));
      const cache = diskUsage([join(dir, 'cache')]);
      expect(cache).toBeGreaterThanOrEqual(5020);
      expect(diskUsage([join(dir, 'dist'), join(dir, 'cache'), join(dir, 'missing')])).toBe(cache);
      expect(diskUsage([join(dir, 'missing')])).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
