/**
 * Renders markdown through the same unified processor the site builds with: Astro's
 * createMarkdownProcessor with the project's remark and rehype plugins (src/markdown/pipeline.ts)
 * and the options astro.config.ts passes (gfm on, Astro's smartypants off, no highlighter).
 * Fast enough for unit and property tests; no Astro build involved.
 */
import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline.ts';

let processor: Promise<MarkdownProcessor> | undefined;

export interface RenderOptions {
  /** Reported in errors the way a build reports the article's file. */
  filePath?: string;
  frontmatter?: Record<string, unknown>;
}

export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<string> {
  processor ??= createMarkdownProcessor({ remarkPlugins, rehypePlugins, gfm: true, smartypants: false, syntaxHighlight: false });
  const result = await (await processor).render(markdown, {
    frontmatter: options.frontmatter ?? {},
    fileURL: pathToFileURL(options.filePath ?? '/content/articles/test-article/index.md'),
  });
  return result.code;
}
