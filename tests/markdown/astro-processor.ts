/**
 * Renders markdown exactly as the site's pages do, through the production function
 * (`renderMarkdown` in src/markdown/render-article.ts), so tests exercise the real plugin order:
 * our remark plugins, remark-rehype, our rehype plugins, then Astro's rehypeImages,
 * rehypeHeadingIds and rehype-raw.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMarkdownProcessor,
  isUnifiedProcessor,
  type AstroMarkdownOptions,
  type MarkdownRenderResult,
} from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import astroConfig from '../../astro.config.ts';
import {
  renderArticle,
  renderMarkdown,
  RENDERER_OPTIONS,
  type RenderedArticle,
} from '../../src/markdown/render-article.ts';

export const markdownConfig = astroConfig.markdown!;

export function configuredProcessor() {
  const processor = markdownConfig.processor;
  if (!processor || !isUnifiedProcessor(processor))
    throw new Error('astro.config.ts must use the unified() markdown processor');
  return processor;
}

export interface Rendered {
  html: string;
  document: Document;
  body: HTMLElement;
  localImagePaths: string[];
}

export interface RenderOptions {
  /** Absolute path the markdown is rendered as (images resolve against it). */
  filePath?: string;
  frontmatter?: Record<string, unknown>;
}

const DEFAULT_FILE = join(tmpdir(), 'wirepress-markdown-tests', 'article', 'index.md');

function asRendered(result: MarkdownRenderResult): Rendered {
  const { document } = parseHTML(`<!doctype html><html><body>${result.code}</body></html>`);
  const { localImagePaths } = result.metadata;
  return { html: result.code, document, body: document.body, localImagePaths };
}

/** Markdown through the site's own processor, as pages render it. */
export async function render(markdown: string, options: RenderOptions = {}): Promise<Rendered> {
  const { filePath = DEFAULT_FILE, frontmatter = {} } = options;
  return asRendered(await renderMarkdown(markdown, filePath, frontmatter));
}

/** Markdown through Astro's processor with other plugin lists, to show what the real order prevents. */
export async function renderWithPlugins(
  markdown: string,
  plugins: Pick<AstroMarkdownOptions, 'remarkPlugins' | 'rehypePlugins'>,
  options: RenderOptions = {},
): Promise<Rendered> {
  const { options: configured } = configuredProcessor();
  const renderer = await createMarkdownProcessor({ ...RENDERER_OPTIONS, ...configured, ...plugins });
  return asRendered(
    await renderer.render(markdown, {
      frontmatter: options.frontmatter ?? {},
      fileURL: pathToFileURL(options.filePath ?? DEFAULT_FILE),
    }),
  );
}

/** A throw-away article folder with the given files; returns its index.md path and a cleanup. */
export function articleFolder(files: Record<string, string | Buffer> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'wirepress-article-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return {
    root,
    indexFile: join(root, 'index.md'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Writes an article file (a one-line front matter, then `body`) to `indexFile` and renders it as pages and
 * the content check do: notes name lines of the file.
 */
export function renderArticleFile(indexFile: string, body: string): Promise<RenderedArticle> {
  const source = `---\ntitle: Article\n---\n\n${body}\n`;
  writeFileSync(indexFile, source);
  return renderArticle(indexFile, source);
}
