/**
 * rehype-article-images through the site's processor: local images become Astro placeholders
 * (markdown and raw HTML alike); anything that cannot be published fails the article with
 * file:line:column, the image path and a fix.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { imageProblem, MAX_IMAGE_PIXELS } from '../../src/markdown/rehype-article-images.ts';
import { splitAtImages } from '../../src/markdown/image-placeholders.ts';
import { articleFolder, render } from './astro-processor.ts';

/** A valid PNG whose header claims `width`×`height`: sharp reads the size without decoding pixels. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

let folder: ReturnType<typeof articleFolder>;
let photo: Buffer;
beforeAll(async () => {
  photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  folder = articleFolder({
    'article/photo.jpg': photo,
    'article/with space.jpg': photo,
    'article/photos/nested.jpg': photo,
    'article/broken.jpg': 'this is not a JPEG',
    'article/huge.png': await pngClaiming(8000, 6000),
    'article/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    'assets/shared.jpg': photo,
    'elsewhere/secret.jpg': photo,
  });
  symlinkSync(join(folder.root, 'elsewhere/secret.jpg'), join(folder.root, 'article/link.jpg'));
});
afterAll(() => folder.cleanup());

const articleFile = () => join(folder.root, 'article/index.md');

function renderArticle(body: string) {
  return render(body, { filePath: articleFile() });
}

/** Renders like Astro does (body without front matter) and returns the error message. */
async function failure(body: string, frontMatter = '---\ntitle: T\n---\n\n'): Promise<string> {
  writeFileSync(articleFile(), `${frontMatter}${body}\n`);
  const error = await renderArticle(body.trim()).then(
    () => undefined,
    (reason: Error) => reason,
  );
  expect(error, 'rendering should fail').toBeInstanceOf(Error);
  return error!.message;
}

describe('publishable images', () => {
  it.each([
    ['a markdown image', '![A photo](./photo.jpg)', './photo.jpg'],
    ['a path without ./', '![A photo](photo.jpg)', 'photo.jpg'],
    ['a subfolder', '![A photo](photos/nested.jpg)', 'photos/nested.jpg'],
    ['an encoded space', '![A photo](with%20space.jpg)', 'with space.jpg'],
    ['a reference-style image', '![A photo][pic]\n\n[pic]: ./photo.jpg', './photo.jpg'],
  ])('become Astro placeholders: %s', async (_, markdown, src) => {
    const { html, localImagePaths } = await render(markdown, { filePath: articleFile() });
    expect(localImagePaths).toContain(src);
    expect(splitAtImages(html).filter((part) => 'image' in part)).toEqual([
      { image: { src, alt: 'A photo' } },
    ]);
  });

  it('include raw-HTML images, which Astro alone would publish as dead relative links', async () => {
    const { html, localImagePaths } = await renderArticle(
      '<figure><img src="./photo.jpg" alt="Raw"><figcaption>Cap</figcaption></figure>',
    );
    expect(localImagePaths).toEqual(['./photo.jpg']);
    expect(splitAtImages(html).filter((part) => 'image' in part)).toEqual([
      { image: { src: './photo.jpg', alt: 'Raw' } },
    ]);
  });

  it('allow alt="" for decoration when written explicitly', async () => {
    const { html } = await renderArticle('<img src="photo.jpg" alt="">');
    expect(splitAtImages(html).filter((part) => 'image' in part)).toEqual([
      { image: { src: 'photo.jpg', alt: '' } },
    ]);
  });
});

describe('images that cannot be published fail the article', () => {
  // Astro's processor prints each failure before rethrowing it; the assertions read the error.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  it(
    'names the article file, the line in the file (front matter ' +
      'counted) and the image when it is missing',
    async () => {
      const message = await failure('Intro.\n\n![Gone](./missing.jpg)');
      expect(message).toMatch(
        new RegExp(
          /article[/\\]index\.md:7:1: the image "\.\/missing\.jpg" was not found /.source +
            /\(looked for .*article[/\\]missing\.jpg\)/.source,
        ),
      );
      expect(message).toContain('Check the file name');
    },
  );

  it.each([
    [
      'unreadable',
      '![Broken](./broken.jpg)',
      /the image "\.\/broken\.jpg" could not be read as an image .*Export it again/,
    ],
    [
      'over the pixel limit',
      '![Huge](./huge.png)',
      new RegExp(
        `the image "\\./huge\\.png" is 8000×6000 pixels, more than the ${MAX_IMAGE_PIXELS / 1e6}-megapixel limit`,
      ),
    ],
    [
      'SVG',
      '![Logo](./logo.svg)',
      /the image "\.\/logo\.svg" is not in a format we publish .*SVG is not published because it can carry script/,
    ],
    [
      'outside the article folder',
      '![Secret](../elsewhere/secret.jpg)',
      /the image "\.\.\/elsewhere\/secret\.jpg" is outside the article's folder/,
    ],
    [
      'a symlink out of the folder',
      '![Secret](./link.jpg)',
      /the image "\.\/link\.jpg" is outside the article's folder/,
    ],
    [
      'remote',
      '![Remote](https://cdn.example.org/photo.jpg)',
      new RegExp(
        /the image "https:\/\/cdn\.example\.org\/photo\.jpg" /.source +
          /is not a file in the article's folder\. Download it, .* write "\.\/photo\.jpg"/.source,
      ),
    ],
    [
      'protocol-relative',
      '<img src="//cdn.example.org/photo.jpg" alt="x">',
      /is not a file in the article's folder/,
    ],
    [
      'site-absolute',
      '![Public](/images/photo.jpg)',
      /the image "\/images\/photo\.jpg" is not a file in the article's folder/,
    ],
    [
      'with a query',
      '![Photo](./photo.jpg?v=2)',
      /the image "\.\/photo\.jpg\?v=2" has a query or fragment, .* Write just "\.\/photo\.jpg"/,
    ],
    [
      'raw HTML without alt',
      '<img src="./photo.jpg">',
      new RegExp(
        /the image "\.\/photo\.jpg" has no alt text\. /.source +
          /Describe what it shows \(or write alt="" if it is only decoration\)/.source,
      ),
    ],
  ])('%s', async (_, body, expected) => {
    const message = await failure(body);
    expect(message).toMatch(/article[/\\]index\.md:5:1: /);
    expect(message).toMatch(expected);
  });

  it('counts lines from the top of the file when the body starts later', async () => {
    const message = await failure(
      '\n\nText.\n\n\n   ![Gone](./missing.jpg)',
      '---\ntitle: T\ntags: [a, b]\n---\n',
    );
    expect(message).toMatch(/index\.md:10:4: /);
  });
});

describe('imageProblem', () => {
  it('accepts images from the shared folders it is given, and nothing else outside the article folder', async () => {
    const shared = [join(folder.root, 'assets')];
    expect(await imageProblem('../assets/shared.jpg', articleFile(), shared)).toBeUndefined();
    expect(await imageProblem('../assets/shared.jpg', articleFile(), [])).toMatch(
      /outside the article's folder/,
    );
    expect(await imageProblem('../elsewhere/secret.jpg', articleFile(), shared)).toMatch(
      /outside the article's folder/,
    );
  });

  it('resolves against the article file, so a bundle cannot reach a sibling bundle', async () => {
    expect(await imageProblem('./photo.jpg', articleFile(), [])).toBeUndefined();
    expect(await imageProblem('../photo.jpg', join(folder.root, 'article/deeper/index.md'), [])).toMatch(
      /outside the article's folder/,
    );
  });

  it('cannot resolve a relative image without a file', async () => {
    expect(await imageProblem('./photo.jpg', undefined, [])).toMatch(/no file to resolve it against/);
  });
});
