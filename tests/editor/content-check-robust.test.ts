/**
 * What issue 21 and 22 found slipping past the content check, checked before Astro sees the
 * content: images named in front matter and in raw HTML (format, existence, pixels), derived
 * values (tag slugs, author ids), YAML errors named by their field, YAML the build's parser
 * accepts, text that languages and emoji need, and every body-image problem of a file at once.
 */
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyImageProblems, checkProjectContent } from '../../src/integrations/content-check.ts';
import { formatProblem } from '../../src/lib/frontmatter-check-format.ts';
import type { ContentCheckResult, Problem } from '../../src/lib/frontmatter-check.ts';
import { pixelProblems } from '../../src/lib/frontmatter-check-pixels.ts';
import { suggestedFileName } from '../../src/markdown/rehype-article-images.ts';
import { AUTHOR, article, PIXEL_PNG, writeTree } from './fixtures.ts';

const A = 'content/articles';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

let tree: ReturnType<typeof writeTree>;
let result: ContentCheckResult;
let all: Problem[];
const about = (file: string) => all.filter((problem) => problem.file === file);
const shown = (problems: Problem[]) => problems.map(formatProblem).join('\n');

beforeAll(async () => {
  // 8,000 × 6,000 pixels of one colour: over the 40-megapixel limit in ~140 kB.
  const bomb = await sharp(Buffer.alloc(8_000 * 6_000), { raw: { width: 8_000, height: 6_000, channels: 1 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  tree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    'content/authors/svg-avatar.yaml': `${AUTHOR}avatar: ./photo.svg\n`,
    'content/authors/photo.svg': SVG,
    'content/authors/Jo Bell.yaml': AUTHOR,
    [`${A}/svg-hero/index.md`]: article({ heroImage: '\n  src: ./cover.svg\n  alt: A cover' }),
    [`${A}/svg-hero/cover.svg`]: SVG,
    [`${A}/bomb-hero/index.md`]: article({ heroImage: '\n  src: ./bomb.png\n  alt: A black square' }),
    [`${A}/bomb-hero/bomb.png`]: bomb,
    [`${A}/not-an-image/index.md`]: article({ heroImage: '\n  src: ./fake.jpg\n  alt: Not a photo' }),
    [`${A}/not-an-image/fake.jpg`]: 'plain text, not a JPEG',
    [`${A}/bad-tags.md`]: article({ tags: '["..", "Coast", "東京"]' }),
    [`${A}/js-function.md`]: article({ title: '!!js/function "function () { return 1 }"' }),
    [`${A}/multi-line.md`]: article({
      title: '"A headline that an old CMS\nwrapped onto a second line"',
      description: "'It''s a dek\nthat wraps too'",
    }),
    [`${A}/emoji-persian.md`]: article({
      title: 'Coder 👩\u200D💻 of the year',
      description: 'می\u200Cخواهم',
      tags: '["Love \u2764\uFE0F"]',
    }),
    [`${A}/bidi.md`]: article({ title: 'Invoice \u202Egpj.exe' }),
    [`${A}/long-alt/index.md`]: article({
      heroImage: `\n  src: ./photo.png\n  alt: ${'A very long description. '.repeat(14)}`,
    }),
    [`${A}/long-alt/photo.png`]: PIXEL_PNG,
    [`${A}/many-images/index.md`]: article(
      { section: 'Not A Slug' },
      [
        'Text.',
        '![One](./one.svg)',
        '![Two](./two.png)',
        '<img src="./three.svg" alt="Three">',
        '<picture><source srcset="./four.svg 1x, ./five.png 2x"><img src="./photo.png" alt="Photo"></picture>',
        '![Remote](https://img.example/badge/Status-Completed%20%3D%29-green)',
        '<img src="./photo.png">',
        '',
      ].join('\n\n'),
    ),
    [`${A}/heading-ids.md`]: article(
      {},
      'Text.\n\n## Old anchor {#page-x}\n\n## Kept {#kept}\n\nSee [kept](#kept) and [the old one](#page-x).\n',
    ),
    [`${A}/with-files/index.md`]: article(
      {},
      'See [the filing](./filing.pdf) and [the tool](./tool.exe).\n\n' +
        '<p>The <a href="./gone.csv">data</a>.</p>\n',
    ),
    [`${A}/with-files/filing.pdf`]: '%PDF-1.4',
    [`${A}/with-files/tool.exe`]: 'MZ',
    [`${A}/with-h1.md`]: article({}, '# A repeated headline\n\nText.\n'),
    [`${A}/broken-yaml/index.md`]: `---\ntitle: [unclosed\n---\n\n![A chart](./chart.svg)\n`,
    [`${A}/many-images/photo.png`]: PIXEL_PNG,
    [`${A}/many-images/five.png`]: PIXEL_PNG,
  });
  result = checkProjectContent(pathToFileURL(`${tree.root}/`));
  all = [
    ...result.problems,
    ...(await pixelProblems(result.imagesToMeasure)),
    ...(await bodyImageProblems(result, tree.root)),
  ];
}, 60_000);
afterAll(() => tree.cleanup());

describe('images named in front matter are checked like body images', () => {
  it('refuses an SVG hero with the reason, naming heroImage.src, line and column', () => {
    expect(about(`${A}/svg-hero/index.md`)).toEqual([
      expect.objectContaining({
        field: 'heroImage.src',
        line: 8,
        column: 3,
        message: expect.stringContaining('an SVG, which is not published: an SVG can carry script'),
      }),
    ]);
  });

  it("refuses an author's SVG avatar, naming avatar", () => {
    expect(about('content/authors/svg-avatar.yaml')).toEqual([
      expect.objectContaining({ field: 'avatar', line: 3, message: expect.stringContaining('an SVG') }),
    ]);
  });

  it('refuses a hero over the pixel limit, and a file that is not an image, naming heroImage.src', () => {
    expect(about(`${A}/bomb-hero/index.md`)).toEqual([
      expect.objectContaining({
        field: 'heroImage.src',
        line: 8,
        message: expect.stringContaining('8000×6000 pixels, more than the 40-megapixel limit'),
      }),
    ]);
    expect(about(`${A}/not-an-image/index.md`)).toEqual([
      expect.objectContaining({
        field: 'heroImage.src',
        message: expect.stringContaining('could not be read as an image'),
      }),
    ]);
  });
});

describe('derived values', () => {
  it('reports every tag without a URL slug, each at its tags[n] path', () => {
    expect(about(`${A}/bad-tags.md`).map((problem) => [problem.field, problem.line, problem.column])).toEqual(
      [
        ['tags[0]', 7, 8],
        ['tags[2]', 7, 23],
      ],
    );
    expect(about(`${A}/bad-tags.md`)[1]!.message).toContain('the tag "東京" has no URL slug');
  });

  it('refuses an author file name that is not a valid id, suggesting one', () => {
    expect(about('content/authors/Jo Bell.yaml')).toEqual([
      expect.objectContaining({ field: '(file name)', hint: expect.stringContaining('jo-bell.yaml') }),
    ]);
  });
});

describe('YAML', () => {
  it('names the field a refused tag is in', () => {
    expect(about(`${A}/js-function.md`)).toEqual([
      expect.objectContaining({
        field: 'title',
        line: 2,
        message: expect.stringContaining('YAML tags are not allowed'),
      }),
    ]);
  });

  it("accepts quoted values continued on unindented lines, as the build's parser does", () => {
    expect(shown(about(`${A}/multi-line.md`))).toBe('');
    const checked = result.articles.find((entry) => entry.file.endsWith('multi-line.md'))!;
    expect(checked.parsed).toMatchObject({
      title: 'A headline that an old CMS wrapped onto a second line',
      description: "It's a dek that wraps too",
    });
  });
});

describe('text', () => {
  it('accepts ZWJ emoji, a Persian ZWNJ and a variation selector', () => {
    expect(shown(about(`${A}/emoji-persian.md`))).toBe('');
  });

  it('names a bidi override as U+202E at its own column', () => {
    expect(about(`${A}/bidi.md`)).toEqual([
      expect.objectContaining({
        field: 'title',
        line: 2,
        column: 16,
        message: expect.stringContaining('U+202E (RIGHT-TO-LEFT OVERRIDE)'),
      }),
    ]);
  });

  it('says an alt text over 300 characters is too long, not missing', () => {
    expect(about(`${A}/long-alt/index.md`)).toEqual([
      expect.objectContaining({
        field: 'heroImage.alt',
        message: expect.stringMatching(/at most 300 characters/),
      }),
    ]);
  });
});

describe('explicit heading ids', () => {
  it('reports an unusable {#id} as a warning at its line and column, with a fix', () => {
    expect(shown(about(`${A}/heading-ids.md`))).toBe(
      [
        `${A}/heading-ids.md:11:15  (body): the heading id ` +
          `{#page-x} starts with "page-", which the site keeps for its own ids`,
        '    fix: choose an id that does not start with "page-"',
      ].join('\n'),
    );
    expect(about(`${A}/heading-ids.md`)[0]!.severity).toBe('warning');
  });
});

describe('files linked from a body', () => {
  it(
    'are checked before the build: a type that is not published ' +
      'fails, naming file, line, the file and what is published',
    () => {
      expect(about(`${A}/with-files/index.md`)).toEqual([
        expect.objectContaining({
          severity: 'error',
          line: 9,
          column: 36,
          field: '(linked file)',
          message: 'the link "./tool.exe" points to tool.exe, a file of a type that is not published',
          hint: expect.stringContaining('pdf up to 25 MB'),
        }),
        // Raw HTML: at its href.
        expect.objectContaining({
          severity: 'error',
          line: 11,
          column: 11,
          field: '(linked file)',
          message: 'the link "./gone.csv" points to gone.csv, which does not exist',
        }),
      ]);
      expect(result.linkedFiles.map((file) => file.output)).toEqual(['articles/with-files/filing.pdf']);
    },
  );
});

describe('an h1 in the body', () => {
  it('is a warning at its line, with a fix', () => {
    expect(about(`${A}/with-h1.md`)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 9,
        column: 1,
        field: '(body)',
        message: 'the h1 "A repeated headline" was made an h2: the page\'s headline is its only h1',
      }),
    ]);
  });
});

describe('every image problem of a body, even when the front matter has problems too', () => {
  const problems = () => about(`${A}/many-images/index.md`);

  it('lists the front-matter problem and each body image problem once', () => {
    const lines = problems().map((problem) => `${problem.line} ${problem.field} ${problem.severity}`);
    expect(lines, shown(problems())).toEqual([
      '4 section error',
      '11 (body image) error', // one.svg
      '13 (body image) error', // two.png missing
      '15 (body image) error', // <img src=three.svg>
      '17 (body image) error', // <source srcset=four.svg>
      '17 (body image) warning', // four.svg not published
      '17 (body image) warning', // five.png not published
      '19 (body) error', // remote
      '21 (body) error', // no alt
    ]);
  });

  it('lists the body images of a file whose front matter cannot be read at all', () => {
    expect(about(`${A}/broken-yaml/index.md`).map((problem) => `${problem.line} ${problem.field}`)).toEqual([
      '2 title',
      '5 (body image)',
    ]);
  });

  it('suggests a sensible file name for a remote image', () => {
    expect(problems().find((problem) => problem.line === 19)!.message).toContain(
      'write "./status-completed-green.jpg"',
    );
    expect(suggestedFileName('https://x.example/a/Harbour%20Wall.PNG?w=300')).toBe('./harbour-wall.png');
  });
});
