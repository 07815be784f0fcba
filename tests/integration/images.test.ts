/**
 * Images through a real `astro build` of fixture sites: in-body images (markdown, reference-style
 * and raw HTML, in a bundle and beside a flat article) become <picture> with AVIF and WebP at
 * several widths, intrinsic width/height and lazy loading; the hero is eager and high priority;
 * an image that cannot be published fails the build naming the article file, line and image.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';

const photo = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();

const frontMatter = (title: string, extra = '') =>
  `---\ntitle: ${title}\npubDate: 2026-11-20T09:00:00+00:00\n` +
  `section: news\nsource:\n  relationship: original\n${extra}---\n\n`;

const author = readFileSync(join(projectRoot, 'content/authors/amara-okafor.yaml'));

/** A content/ folder with only the files given (plus the one author), built with the real project. */
function buildContent(files: Record<string, string | Buffer>): Promise<BuildResult> {
  const contentDir = mkdtempSync(join(tmpdir(), 'wirepress-images-content-'));
  mkdirSync(join(contentDir, 'articles'));
  mkdirSync(join(contentDir, 'authors'));
  return buildSite({ contentDir, files: { 'content/authors/amara-okafor.yaml': author, ...files } }).finally(
    () => rmSync(contentDir, { recursive: true }),
  );
}

describe('a site with in-body images', () => {
  let build: BuildResult;
  let document: Document;

  beforeAll(async () => {
    build = await buildContent({
      'content/articles/pier/index.md':
        frontMatter('The pier', 'heroImage:\n  src: ./hero.jpg\n  alt: The pier at dusk.\n') +
        'Intro.\n\n![A wide harbour view.](./wide.jpg)\n\nMore.\n\n![A reference image.][small]\n\n' +
        '<figure><img src="./wide.jpg" alt="The same view, in a figure.">' +
        '<figcaption>A raw-HTML figure.</figcaption></figure>\n\n' +
        '[small]: ./small.jpg\n',
      'content/articles/pier/hero.jpg': await photo(2000, 1000, '#224466'),
      'content/articles/pier/wide.jpg': await photo(1800, 1200, '#446622'),
      'content/articles/pier/small.jpg': await photo(600, 400, '#662244'),
      'content/articles/flat-story.md':
        frontMatter('A flat story') + '![Beside the file.](./flat-photo.jpg)\n',
      'content/articles/flat-photo.jpg': await photo(900, 600, '#222222'),
    });
    expect(build.exitCode, build.output).toBe(0);
    document = parseHTML(readFileSync(join(build.dist, 'articles/pier/index.html'), 'utf8')).document;
  });
  afterAll(() => build?.cleanup());

  const bodyPictures = () => [...document.querySelectorAll('.article-body picture')];
  const fileOf = (url: string) => join(build.dist, url);

  it('turns every in-body image into a <picture> with AVIF, then WebP, then the original format', () => {
    const pictures = bodyPictures();
    expect(pictures).toHaveLength(3);
    for (const picture of pictures) {
      expect([...picture.querySelectorAll('source')].map((source) => source.getAttribute('type'))).toEqual([
        'image/avif',
        'image/webp',
      ]);
      expect(picture.querySelector('img')?.getAttribute('src')).toMatch(/^\/_astro\/.+\.jpg$/);
    }
  });

  it('offers responsive widths no larger than the file, with sizes, and every candidate file exists', () => {
    const [wide, reference] = bodyPictures();
    const widths = (srcset: string | null) => srcset!.split(', ').map((candidate) => candidate.split(' ')[1]);
    for (const source of wide!.querySelectorAll('source')) {
      expect(widths(source.getAttribute('srcset'))).toEqual(['480w', '800w', '1200w', '1600w']);
      expect(source.getAttribute('sizes')).toBe('(min-width: 44rem) 44rem, 100vw');
    }
    expect(widths(reference!.querySelector('source')!.getAttribute('srcset'))).toEqual(['480w', '600w']);
    for (const picture of bodyPictures()) {
      for (const candidate of picture.querySelectorAll('source, img')) {
        for (const url of candidate
          .getAttribute('srcset')!
          .split(', ')
          .map((entry) => entry.split(' ')[0]!))
          expect(existsSync(fileOf(url)), url).toBe(true);
      }
    }
  });

  it('writes real AVIF and WebP files at the stated width', async () => {
    const avif = bodyPictures()[0]!
      .querySelector('source[type="image/avif"]')!
      .getAttribute('srcset')!
      .split(', ')[1]!
      .split(' ')[0]!;
    const webp = bodyPictures()[0]!
      .querySelector('source[type="image/webp"]')!
      .getAttribute('srcset')!
      .split(', ')[1]!
      .split(' ')[0]!;
    expect(await sharp(fileOf(avif)).metadata()).toMatchObject({
      format: 'heif',
      compression: 'av1',
      width: 800,
    });
    expect(await sharp(fileOf(webp)).metadata()).toMatchObject({ format: 'webp', width: 800 });
  });

  it('gives in-body images their intrinsic aspect ratio, alt text and lazy loading', () => {
    const images = bodyPictures().map((picture) => picture.querySelector('img')!);
    expect(images.map((image) => [image.getAttribute('width'), image.getAttribute('height')])).toEqual([
      ['1600', '1067'],
      ['600', '400'],
      ['1600', '1067'],
    ]);
    expect(images.map((image) => image.getAttribute('alt'))).toEqual([
      'A wide harbour view.',
      'A reference image.',
      'The same view, in a figure.',
    ]);
    for (const image of images) {
      expect(image.getAttribute('loading')).toBe('lazy');
      expect(image.getAttribute('decoding')).toBe('async');
      expect(image.hasAttribute('fetchpriority')).toBe(false);
    }
  });

  it('keeps the raw-HTML figure and its caption around the picture', () => {
    const figure = document.querySelector('.article-body figure')!;
    expect(figure.querySelector('picture img')?.getAttribute('alt')).toBe('The same view, in a figure.');
    expect(figure.querySelector('figcaption')?.textContent).toBe('A raw-HTML figure.');
  });

  it('loads the hero eagerly with high priority, in AVIF and WebP, with width and height', () => {
    const hero = document.querySelector('figure.hero picture')!;
    expect([...hero.querySelectorAll('source')].map((source) => source.getAttribute('type'))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    const image = hero.querySelector('img')!;
    expect(image.getAttribute('loading')).toBe('eager');
    expect(image.getAttribute('fetchpriority')).toBe('high');
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['1600', '800']);
  });

  it('leaves no Astro image placeholder and no unoptimised relative image in the page', () => {
    const html = readFileSync(join(build.dist, 'articles/pier/index.html'), 'utf8');
    expect(html).not.toContain('__ASTRO_IMAGE_');
    expect(document.querySelectorAll('img:not([src^="/_astro/"])')).toHaveLength(0);
  });

  it('publishes images beside a flat <slug>.md article too', () => {
    const flat = parseHTML(readFileSync(join(build.dist, 'articles/flat-story/index.html'), 'utf8')).document;
    const picture = flat.querySelector('.article-body picture')!;
    expect(picture.querySelector('source[type="image/avif"]')).not.toBeNull();
    expect(picture.querySelector('img')?.getAttribute('width')).toBe('900');
  });
});

/**
 * Every unpublishable image in one build: the content check lists each file's problems before
 * anything is bundled, so one failed build answers for all of them.
 */
describe('an image that cannot be published', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildContent({
      'content/articles/broken/index.md':
        frontMatter('Broken photo') + 'Intro.\n\n![A photo.](./photo.jpg)\n',
      'content/articles/broken/photo.jpg': 'not a JPEG at all',
      'content/articles/gone/index.md':
        frontMatter('Gone photo') + '<figure><img src="./gone.jpg" alt="Gone."></figure>\n',
      'content/articles/missing/index.md':
        frontMatter('Missing photo') + 'Intro.\n\n![A photo.](./missing.jpg)\n',
    });
  });
  afterAll(() => build?.cleanup());

  it('fails the build, naming the article file, the line and the image, with a fix', () => {
    expect(build.exitCode).not.toBe(0);
    // Both from the content check, before Astro bundles the broken file (whose own error names no article).
    expect(build.output).toContain(
      'content/articles/broken/index.md:11:1  (body image): the image "./photo.jpg" could not be read as an image',
    );
    expect(build.output).toContain(
      'content/articles/gone/index.md:9:14  (body image): the image ' +
        '"./gone.jpg" does not exist (looked for content/articles/gone/gone.jpg)',
    );
    expect(build.output).toContain('Content check failed: 3 problems in 3 files.');
    expect(existsSync(join(build.dist, 'articles/broken/index.html'))).toBe(false);
  });

  it('fails the build for a missing markdown image, naming the article file, the line and the image', () => {
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toMatch(/content\/articles\/missing\/index\.md:11:1\b.*missing\.jpg/);
  });
});
