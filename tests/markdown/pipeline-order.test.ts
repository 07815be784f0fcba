/**
 * The order of the markdown pipeline is a security property: raw HTML must be parsed (rehype-raw)
 * before rehype-sanitize sees it, or the sanitizer drops every editor-written element instead of
 * cleaning it; and the sanitizer must run at all, which it silently would not with Astro 7's
 * default Sätteri processor.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline.ts';
import { sanitizeSchema } from '../../src/markdown/sanitize-schema.ts';
import { articleFolder, configuredProcessor, markdownConfig, render, renderWithPlugins } from './astro-processor.ts';

const EDITOR_HTML = [
  'Press <kbd>Ctrl</kbd> + <kbd>C</kbd>, says the <abbr title="Royal National Lifeboat Institution">RNLI</abbr>.',
  '',
  '<figure onclick="alert(1)" style="float: left">',
  '  <img src="photo.png" alt="The pier at dawn." onerror="alert(1)">',
  '  <figcaption>The pier at dawn. <script>alert(1)</script><mark>New</mark></figcaption>',
  '</figure>',
  '',
  '<details><summary>Timeline</summary><p>1986: the lamp goes dark.</p></details>',
].join('\n');

let folder: ReturnType<typeof articleFolder>;
beforeAll(async () => {
  folder = articleFolder({ 'photo.png': await sharp({ create: { width: 8, height: 6, channels: 3, background: '#000' } }).png().toBuffer() });
});
afterAll(() => folder.cleanup());

describe('the configured processor', () => {
  it('is unified (Sätteri would skip rehype plugins, the sanitizer among them)', () => {
    expect(configuredProcessor().name).toBe('unified');
  });

  it('hands Astro our remark and rehype plugins, rehype-raw first and the sanitizer with our schema right after', () => {
    const { options } = configuredProcessor();
    expect(options.remarkPlugins).toEqual(remarkPlugins);
    expect(options.rehypePlugins).toEqual(rehypePlugins);
    expect(options.rehypePlugins[0]).toBe(rehypeRaw);
    expect(options.rehypePlugins[1]).toEqual([rehypeSanitize, sanitizeSchema]);
  });

  it('leaves id prefixing to the sanitizer and syntax colouring off (its inline styles would be stripped)', () => {
    expect(configuredProcessor().options.remarkRehype).toEqual({ clobberPrefix: '' });
    expect(markdownConfig.syntaxHighlight).toBe(false);
  });
});

describe('raw HTML written by editors', () => {
  it('survives allowed elements, cleaned of what the allow-list forbids', async () => {
    const { body, html } = await render(EDITOR_HTML, { filePath: folder.indexFile });
    expect([...body.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual(['Ctrl', 'C']);
    expect(body.querySelector('abbr')?.getAttribute('title')).toBe('Royal National Lifeboat Institution');
    const figure = body.querySelector('figure')!;
    expect(figure.attributes).toHaveLength(0);
    expect(figure.querySelector('figcaption')?.textContent).toBe('The pier at dawn. New');
    expect(figure.querySelector('figcaption mark')?.textContent).toBe('New');
    expect(body.querySelector('details summary')?.textContent).toBe('Timeline');
    // The image became Astro's optimisation placeholder, without its handler.
    expect(html).toMatch(/<figure>\s*<img __ASTRO_IMAGE_="[^"]*photo\.png[^"]*">/);
    expect(html).not.toMatch(/onerror|onclick|style=|<script|alert/);
  });

  it('would be dropped wholesale if the sanitizer ran as a plain plugin, before Astro parses raw HTML', async () => {
    const withoutRawFirst = rehypePlugins.filter((plugin) => plugin !== rehypeRaw);
    const { body, html } = await renderWithPlugins(EDITOR_HTML, { remarkPlugins, rehypePlugins: withoutRawFirst }, { filePath: folder.indexFile });
    expect(body.querySelector('kbd, abbr, figure, details')).toBeNull();
    expect(html).not.toMatch(/alert/);
    expect(body.textContent).toContain('Press');
  });
});
