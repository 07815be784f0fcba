/**
 * Renders an article file's body with the site's markdown processor, exactly as Astro's content
 * loader would (vite-plugin-markdown/content-entry-type): front matter blanked out, the rest
 * trimmed, the file's URL given so relative images resolve. Pages render bodies on demand
 * (src/data/article-body.ts) and the content check renders the ones with images before the build.
 */
import { parseFrontmatter, type MarkdownHeading, type MarkdownRenderer } from '@astrojs/markdown-remark';
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

let renderer: Promise<MarkdownRenderer> | undefined;

/** Renders `source`, the text of the article file at the absolute `path`. */
export async function renderArticle(path: string, source: string): Promise<RenderedArticle> {
  const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const markdown = content.trim();
  renderer ??= markdownProcessor.createRenderer({ syntaxHighlight: false });
  const result = await (await renderer).render(markdown, { frontmatter, fileURL: pathToFileURL(path) });
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
export const mayHaveHeadingNotes = (markdown: string) => markdown.includes('{#') || /^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)/m.test(markdown);

/** A body another thread rendered, with the exact source it rendered. */
export interface RenderedSource {
  source: string;
  rendered: RenderedArticle;
}

/**
 * Bodies rendered ahead on a second thread during `astro build` (src/integrations/bodies-ahead.ts).
 * Offered through globalThis: the pages run in the integrations' process, but in modules Vite
 * bundled apart from them.
 */
export interface RenderedAhead {
  /** The other thread's render of the file at `path`, or undefined: render it yourself. */
  take(path: string): Promise<RenderedSource> | undefined;
}

const RENDERED_AHEAD = Symbol.for('wirepress.rendered-ahead');
const shared = globalThis as { [RENDERED_AHEAD]?: RenderedAhead };

export function offerRenderedAhead(ahead: RenderedAhead | undefined): void {
  shared[RENDERED_AHEAD] = ahead;
}

/**
 * `renderArticle`, unless the second thread already rendered this very text. A render that failed
 * there is done again here, where the error names the article and stops the page.
 */
export async function renderArticleOrTake(path: string, source: string): Promise<RenderedArticle> {
  const early = await shared[RENDERED_AHEAD]?.take(path)?.catch(() => undefined);
  return early?.source === source ? early.rendered : renderArticle(path, source);
}
