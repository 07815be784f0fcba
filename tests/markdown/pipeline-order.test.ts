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
import { EMBED_TYPE } from '../../src/markdown/embed-node.ts';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline.ts';
import rehypeEmbedCode from '../../src/markdown/rehype-embed-code.ts';
import { rehypeBeforeSanitize } from '../../src/markdown/rehype-sanitize-report.ts';
import { embedHandlers } from '../../src/markdown/remark-embed-urls.ts';
import { sanitizeSchema } from '../../src/markdown/sanitize-schema.ts';
import {
  articleFolder,
  configuredProcessor,
  markdownConfig,
  render,
  renderWithPlugins,
} from './astro-processor.ts';

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
  folder = articleFolder({
    'photo.png': await sharp({ create: { width: 8, height: 6, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  });
});
afterAll(() => folder.cleanup());

describe('the configured processor', () => {
  it('is unified (Sätteri would skip rehype plugins, the sanitizer among them)', () => {
    expect(configuredProcessor().name).toBe('unified');
  });

  it(
    'hands Astro our remark and rehype plugins, rehype-raw first and ' +
      'the sanitizer with our schema right after embed recognition',
    () => {
      const { options } = configuredProcessor();
      expect(options.remarkPlugins).toEqual(remarkPlugins);
      expect(options.rehypePlugins).toEqual(rehypePlugins);
      // rehype-raw passes the URL embeds' own node through (src/markdown/embed-node.ts).
      expect(options.rehypePlugins[0]).toEqual([rehypeRaw, { passThrough: [EMBED_TYPE] }]);
      // Between them only plugins that recognise embed code and note what is there; neither cleans anything.
      expect(options.rehypePlugins.slice(1, 3)).toEqual([rehypeEmbedCode, rehypeBeforeSanitize]);
      expect(options.rehypePlugins[3]).toEqual([rehypeSanitize, sanitizeSchema]);
    },
  );

  it('leaves id prefixing to the sanitizer and syntax colouring off (its inline styles would be stripped)', () => {
    expect(configuredProcessor().options.remarkRehype).toEqual({
      clobberPrefix: '',
      handlers: embedHandlers,
    });
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
    const withoutRawFirst = rehypePlugins.filter(
      (plugin) => !(Array.isArray(plugin) && plugin[0] === rehypeRaw),
    );
    const { body, html } = await renderWithPlugins(
      EDITOR_HTML,
      { remarkPlugins, rehypePlugins: withoutRawFirst },
      { filePath: folder.indexFile },
    );
    expect(body.querySelector('kbd, abbr, figure, details')).toBeNull();
    expect(html).not.toMatch(/alert/);
    expect(body.textContent).toContain('Press');
  });
});
