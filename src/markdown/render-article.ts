/**
 * Renders an article file's body with the site's markdown processor, exactly as Astro's content
 * loader would (vite-plugin-markdown/content-entry-type): front matter blanked out, the rest
 * trimmed, the file's URL given so relative images resolve. Pages render bodies on demand
 * (src/data/article-body.ts) and the content check renders the ones with images before the build.
 */
import {
  parseFrontmatter,
  type MarkdownHeading,
  type MarkdownRenderer,
  type MarkdownRenderResult,
} from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { markdownProcessor } from './pipeline.ts';
import { factsOf, type RenderFacts } from './render-facts.ts';

export interface RenderedArticle {
  /** The markdown after the front matter, as Astro's loader would have kept it. */
  markdown: string;
  html: string;
  headings: MarkdownHeading[];
  /** Local images the body shows, as written (relative to the article file). */
  localImagePaths: string[];
  /** Origins its video embeds frame, and what the sanitizer removed. */
  facts: RenderFacts;
}

/**
 * What the processor is created with besides its own plugins: no syntax highlighting by Astro
 * (rehype-code-blocks highlights with classes; astro.config.ts says why). Tests that run other
 * plugin lists create theirs with the same options.
 */
export const RENDERER_OPTIONS = { syntaxHighlight: false } as const;

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * Markdown without front matter through the site's processor, as the file at the absolute `path`
 * with that front matter: what pages show, and what the markdown tests render.
 */
export async function renderMarkdown(
  markdown: string,
  path: string,
  frontmatter: Record<string, unknown>,
): Promise<MarkdownRenderResult> {
  renderer ??= markdownProcessor.createRenderer(RENDERER_OPTIONS);
  return (await renderer).render(markdown, { frontmatter, fileURL: pathToFileURL(path) });
}

/** Renders `source`, the text of the article file at the absolute `path`. */
export async function renderArticle(path: string, source: string): Promise<RenderedArticle> {
  const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const markdown = content.trim();
  const result = await renderMarkdown(markdown, path, frontmatter);
  return {
    markdown,
    html: result.code,
    headings: result.metadata.headings,
    localImagePaths: result.metadata.localImagePaths,
    facts: factsOf(result.metadata.frontmatter),
  };
}

/** Whether the markdown may show an image: coarse on purpose, a false "yes" only costs a render. */
export const mayShowImages = (markdown: string) => markdown.includes('![') || /<img\b/i.test(markdown);

/** Whether the markdown may hold raw HTML, from which the sanitizer may remove something: coarse on purpose too. */
export const mayHaveRawHtml = (markdown: string) => /<[a-z]/i.test(markdown);

/**
 * Whether the markdown may have a heading a plugin has something to say about (an h1, ATX or
 * setext, or a `{#…}` heading id): coarse too, a `# comment` in a code block only costs a render.
 */
export const mayHaveHeadingNotes = (markdown: string) =>
  markdown.includes('{#') || /^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)/m.test(markdown);
