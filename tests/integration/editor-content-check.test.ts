/**
 * The content check through the real `astro build`, on one tree of broken articles: it runs
 * before the content sync, fails the build, and lists every problem of the run with
 * file:line:col, field and fix, not a stack trace; `astro check` reports the same. The tree holds
 * broken front matter and (issues 21 and 22) input that used to pass the check and fail late: an
 * SVG hero or avatar, a pixel-bomb hero, tags without a URL slug, a YAML tag. Text and YAML the
 * build's own parser reads (a ZWJ emoji, a Persian ZWNJ, a quoted headline continued on the next
 * line) build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';
import { AUTHOR, article, PIXEL_PNG, writeTree } from '../editor/fixtures.ts';

const A = 'content/articles';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
const NO_STACK_TRACE = /Stack trace|\n\s+at .*\(?.*:\d+:\d+\)?\n|Failed to parse Markdown file|ancestors:/;

let broken: BuildResult;
let brokenTree: ReturnType<typeof writeTree>;
let valid: BuildResult;
let validTree: ReturnType<typeof writeTree>;

beforeAll(async () => {
  const bomb = await sharp(Buffer.alloc(8_000 * 6_000), { raw: { width: 8_000, height: 6_000, channels: 1 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  brokenTree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    [`${A}/fine.md`]: article(),
    [`${A}/impossible-date.md`]: article({ pubDate: '2024-02-30T09:00:00+00:00' }),
    [`${A}/typo.md`]: article({ titel: 'Misspelt' }),
    [`${A}/proto.md`]: article({ ['__proto__']: '\n  polluted: true' }),
    [`${A}/missing-image/index.md`]: article({}, 'Text.\n\n![A chart](./chart.png)\n'),
    [`${A}/syndicated.md`]: article({ source: '\n  relationship: syndicated' }),
    'content/authors/svg-avatar.yaml': `${AUTHOR}avatar: ./photo.svg\n`,
    'content/authors/photo.svg': SVG,
    [`${A}/svg-hero/index.md`]: article({
      authors: '[svg-avatar]',
      heroImage: '\n  src: ./cover.svg\n  alt: A cover',
    }),
    [`${A}/svg-hero/cover.svg`]: SVG,
    [`${A}/bomb-hero/index.md`]: article({ heroImage: '\n  src: ./bomb.png\n  alt: A black square' }),
    [`${A}/bomb-hero/bomb.png`]: bomb,
    [`${A}/bad-tags.md`]: article({ tags: '["..", "東京"]' }),
    [`${A}/js-function.md`]: article({ title: '!!js/function "function () { return 1 }"' }),
    [`${A}/many-images/index.md`]: article(
      { section: 'Not A Slug' },
      'Text.\n\n![One](./one.svg)\n\n<img src="./two.png" alt="Two">\n\n<img src="./photo.png">\n',
    ),
    [`${A}/many-images/photo.png`]: PIXEL_PNG,
  });
  const frames = Buffer.concat([Buffer.alloc(40 * 30 * 3, 200), Buffer.alloc(40 * 30 * 3, 40)]);
  const animated = await sharp(frames, { raw: { width: 40, height: 60, channels: 3, pageHeight: 30 } })
    .gif({ loop: 0, delay: [200, 200] })
    .toBuffer();
  validTree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    [`${A}/wrapped-headline/index.md`]: article(
      {
        title: '"Coder 👩\u200D💻 of the year, a headline an old CMS\nwrapped onto a second line"',
        description: 'می\u200Cخواهم',
      },
      'The lamp blinks.\n\n![A blinking lamp](./blink.gif)\n',
    ),
    [`${A}/wrapped-headline/blink.gif`]: animated,
  });
  [broken, valid] = await Promise.all([
    buildSite({ contentDir: join(brokenTree.root, 'content') }),
    buildSite({ contentDir: join(validTree.root, 'content') }),
  ]);
}, 600_000);

afterAll(() => {
  for (const done of [broken, valid]) done?.cleanup();
  for (const tree of [brokenTree, validTree]) tree?.cleanup();
});

describe('a build with broken front matter', () => {
  it('exits 1 with no stack trace and no raw error dump, and leaves no dist/', () => {
    expect(broken.exitCode).toBe(1);
    expect(broken.output).not.toMatch(NO_STACK_TRACE);
    expect(existsSync(broken.dist)).toBe(false);
  });

  it('prints every problem of the run with file:line:col, field and fix', () => {
    expect(broken.output).toContain(
      `${A}/impossible-date.md:3:1  pubDate: "2024-02-30T09:00:00+00:00" is not a real calendar date or time`,
    );
    expect(broken.output).toContain(`${A}/typo.md:7:1  titel: unknown field "titel"`);
    expect(broken.output).toContain('fix: did you mean "title"? Rename the key.');
    expect(broken.output).toContain(`${A}/proto.md:7:1  __proto__: the key "__proto__" is not allowed`);
    expect(broken.output).toContain(
      `${A}/missing-image/index.md:11:1  (body image): the image "./chart.png" does not exist`,
    );
  });

  it('warns about the syndicated article without source.url, naming the file', () => {
    expect(broken.output).toMatch(
      new RegExp(`WARN.*${A}/syndicated\\.md:5:1  source\\.url: syndicated article without source\\.url`),
    );
  });
});

describe('input that used to fail late is listed by the content check, in the same run', () => {
  it.each([
    [
      `${A}/svg-hero/index.md:9:3  heroImage.src: the image ` +
        `"./cover.svg" is an SVG, which is not published: an SVG can carry script`,
    ],
    ['content/authors/svg-avatar.yaml:3:1  avatar: the image "./photo.svg" is an SVG'],
    [
      `${A}/bomb-hero/index.md:8:3  heroImage.src: the image ` +
        `"./bomb.png" is 8000×6000 pixels, more than the 40-megapixel limit`,
    ],
    [`${A}/bad-tags.md:7:8  tags[0]: the tag ".." has no URL slug`],
    [`${A}/bad-tags.md:7:14  tags[1]: the tag "東京" has no URL slug`],
    [`${A}/js-function.md:2:8  title: YAML tags are not allowed`],
    [`${A}/many-images/index.md:4:1  section:`],
    [`${A}/many-images/index.md:11:1  (body image): the image "./one.svg" is an SVG`],
    [`${A}/many-images/index.md:13:6  (body image): the image "./two.png" does not exist`],
    [`${A}/many-images/index.md:15:1  (body): the image "./photo.png" has no alt text`],
  ])('%s', (line) => {
    expect(broken.output).toContain(line);
  });

  it('tells how to fix a tag without a URL slug', () => {
    expect(broken.output).toContain('fix: spell the tag with Latin letters or digits');
  });

  it('counts every problem', () => {
    expect(broken.output).toContain('Content check failed: 14 problems in 10 files.');
  });
});

describe('astro check on the same content', () => {
  it('fails with the same report', () => {
    const check = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'check', '--root', broken.root],
      {
        cwd: broken.root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(broken.root, '.cache') },
        encoding: 'utf8',
      },
    );
    expect(check.status).not.toBe(0);
    expect(check.stdout + check.stderr).toContain(`${A}/typo.md:7:1  titel: unknown field "titel"`);
  });
});

describe('text and YAML the build reads are accepted', () => {
  it('builds a quoted headline continued on the next line, with a ZWJ emoji and a Persian ZWNJ', () => {
    expect(valid.exitCode, valid.output).toBe(0);
    const page = readFileSync(join(valid.dist, 'articles/wrapped-headline/index.html'), 'utf8');
    expect(page).toContain('Coder 👩\u200D💻 of the year, a headline an old CMS wrapped onto a second line');
    expect(page).toContain('می\u200Cخواهم');
  });

  const animatedGif =
    'keeps an animated GIF animated: WebP sources only (no AVIF, which would stack the frames), ' +
    'a GIF fallback';
  it(animatedGif, async () => {
    const page = readFileSync(join(valid.dist, 'articles/wrapped-headline/index.html'), 'utf8');
    const picture = /<picture>.*?<\/picture>/s.exec(page)![0];
    expect(picture).not.toContain('image/avif');
    const webp = /srcset="([^" ]+\.webp)/.exec(picture)![1]!;
    expect(await sharp(join(valid.dist, webp)).metadata()).toMatchObject({ format: 'webp', pages: 2 });
    const fallback = /<img[^>]* src="([^"]+)"/.exec(picture)![1]!;
    expect(await sharp(join(valid.dist, fallback)).metadata()).toMatchObject({ format: 'gif', pages: 2 });
  });
});
