/**
 * Security properties of real builds: the site itself passes the dist/ scan, and hostile input
 * that only the build can catch (bodies too costly to parse, SVG with script, an image bomb as
 * hero) makes `astro build` exit non-zero with a message naming the file, never a hang, a bare
 * stack-overflow trace or a page published without its body.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { scanDist } from '../security/scan-dist.ts';

const FRONT_MATTER = (extra = '') =>
  `---\ntitle: Hostile\npubDate: 2026-11-20T10:00:00+00:00\n` +
  `section: security\nsource:\n  relationship: original\n${extra}---\n\n`;

/** A content folder (articles only) written into a temp dir by buildSite's `files` option. */
function articles(files: Record<string, string | Buffer>): Record<string, string | Buffer> {
  return Object.fromEntries(
    Object.entries(files).map(([path, contents]) => [`content/articles/${path}`, contents]),
  );
}

const contentDirs: string[] = [];
afterAll(() => {
  for (const dir of contentDirs) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with no articles or authors, so each test's `files` are all there is. */
const emptyContent = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirepress-empty-content-'));
  contentDirs.push(dir);
  mkdirSync(join(dir, 'articles'));
  mkdirSync(join(dir, 'authors'));
  return dir;
};

describe('the real site', () => {
  it('passes the dist/ scan: no foreign script, handler, script URL or frame in any file', () => {
    expect(scanDist(inject('siteDist'))).toEqual([]);
  });
});

/**
 * The bomb: 8,000 × 6,000 pixels of one colour (48 megapixels, over the 40-megapixel limit) in
 * ~140 kB.
 */
const decompressionBomb = () =>
  sharp(Buffer.alloc(8_000 * 6_000), { raw: { width: 8_000, height: 6_000, channels: 1 } })
    .png({ compressionLevel: 9 })
    .toBuffer();

/**
 * Every hostile article in one build: the content check reports each file's problems before any
 * page is rendered, so one failed build answers for all of them (four builds took four times as
 * long and checked nothing more).
 */
describe('hostile input only a build can catch', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({
      contentDir: emptyContent(),
      files: articles({
        'deep-list/index.md': `${FRONT_MATTER()}${'- '.repeat(50_000)}item\n`,
        'five-megabytes/index.md':
          FRONT_MATTER() + 'All work and no play makes a dull article. '.repeat(122_000),
        'svg-chart/index.md': `${FRONT_MATTER()}![A chart](./chart.svg)\n`,
        'svg-chart/chart.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
        'bomb-hero/index.md': `${FRONT_MATTER('heroImage:\n  src: ./bomb.png\n  alt: A black square\n')}Body.\n`,
        'bomb-hero/bomb.png': await decompressionBomb(),
        'relative-lookalikes/index.md': readFileSync(
          join(import.meta.dirname, '../security/rejected-build/relative-lookalikes/index.md'),
        ),
      }),
    });
  });
  afterAll(() => build?.cleanup());

  it('fails the build, publishes no dist/ and leaves nothing that can run', () => {
    expect(build.exitCode, build.output).not.toBe(0);
    expect(existsSync(build.dist)).toBe(false);
    // Whatever the failed build left aside holds nothing that can run.
    const staging = join(build.root, '.cache/dist-staging');
    if (existsSync(staging)) expect(scanDist(staging)).toEqual([]);
  });

  it('a body too costly to parse fails the build fast, naming file and line', () => {
    expect(build.output).toContain('content/articles/deep-list/index.md:9:1');
    expect(build.output).toContain('nested about 50000 levels deep');
    expect(build.output).toContain('content/articles/five-megabytes/index.md:8:1');
    expect(build.output).not.toMatch(/Maximum call stack/);
  });

  it('an SVG with script in an article fails the build, naming the file', () => {
    expect(build.output).toContain(
      'content/articles/svg-chart/index.md:9:1  (body image): the image "./chart.svg" is an SVG, ' +
        'which is not published',
    );
  });

  it('a decompression-bomb hero image fails the build, naming the file', () => {
    expect(build.output).toContain(
      'content/articles/bomb-hero/index.md:8:3  heroImage.src: the image "./bomb.png" is 8000×6000 pixels, ' +
        'more than the 40-megapixel limit',
    );
    // Found by the content check: no stack trace after the message.
    expect(build.output).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(build.output).not.toMatch(/will be used unoptimized/);
  });

  it('scheme look-alikes that browsers read as relative links are refused before rendering, naming their lines', () => {
    // Read as relative paths into the article's folder, they name no file the build publishes:
    // the content check refuses them at their lines, before any page is written.
    for (const [line, link] of [
      [11, '&#0000106&#0000097vascript:alert(1)'],
      [13, 'javascript%3Aalert(1)'],
    ] as const) {
      expect(build.output).toContain(
        `content/articles/relative-lookalikes/index.md:${line}:1  (linked file): the link "${link}" points to`,
      );
    }
  });
});
