/**
 * The production render function (src/markdown/render-article.ts): what pages show, what the body
 * thread renders ahead, and what every markdown test renders through (astro-processor.ts).
 */
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.ts';
import { markdownProcessor } from '../../src/markdown/pipeline.ts';
import { renderArticle, renderMarkdown } from '../../src/markdown/render-article.ts';
import { articleFolder } from './astro-processor.ts';

const BODY = [
  '# A headline in the body',
  '',
  'Said "quietly" -- with [a link](https://example.org/) and ![a photo](./photo.png).',
  '',
  '## Tides {#tides}',
  '',
  '<kbd>Ctrl</kbd><script>alert(1)</script>',
].join('\n');

let folder: ReturnType<typeof articleFolder>;
beforeAll(async () => {
  const photo = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  folder = articleFolder({ 'photo.png': photo });
});
afterAll(() => folder.cleanup());

describe('renderArticle', () => {
  it('renders with the processor astro.config.ts hands Astro', () => {
    expect(astroConfig.markdown?.processor).toBe(markdownProcessor);
  });

  it('renders the body after the front matter, trimmed, as renderMarkdown renders it', async () => {
    const source = `---\ntitle: Tides\n---\n\n\n${BODY}\n\n`;
    writeFileSync(folder.indexFile, source);
    const article = await renderArticle(folder.indexFile, source);
    expect(article.markdown).toBe(BODY);
    const direct = await renderMarkdown(BODY, folder.indexFile, { title: 'Tides' });
    expect(article.html).toBe(direct.code);
    expect(article.headings.map(({ depth, slug, text }) => ({ depth, slug, text }))).toEqual([
      { depth: 2, slug: 'a-headline-in-the-body', text: 'A headline in the body' },
      { depth: 2, slug: 'tides', text: 'Tides' },
    ]);
    expect(article.localImagePaths).toEqual(['./photo.png']);
    // The script is on the body's 7th line: the 12th of the file.
    expect(article.facts.removed.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 12, column: 16, message: 'removed <script>' },
    ]);
  });

  it('gives the plugins the front matter: smartPunctuation: false keeps straight quotes', async () => {
    const curly = await renderArticle(folder.indexFile, '---\ntitle: A\n---\nSaid "quietly".');
    const plain = '---\ntitle: A\nsmartPunctuation: false\n---\nSaid "quietly".';
    const straight = await renderArticle(folder.indexFile, plain);
    expect(curly.html).toBe('<p>Said “quietly”.</p>');
    expect(straight.html).toBe('<p>Said "quietly".</p>');
  });

  it('names the line of the file, front matter counted, in a body error', async () => {
    const source = `---\ntitle: Tides\n---\n\nFirst paragraph.\n\n![gone](./missing.png)\n`;
    writeFileSync(folder.indexFile, source);
    await expect(renderArticle(folder.indexFile, source)).rejects.toThrow(`${folder.indexFile}:7:1`);
  });
});
