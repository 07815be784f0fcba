/**
 * The markdown pipeline handed to Astro's unified() processor.
 *
 * Astro runs these rehype plugins *before* its own rehype-raw, so raw HTML would still be
 * unparsed `raw` nodes here. We parse it first (rehype-raw), then sanitize everything
 * (markdown-made and editor-written HTML alike) with one allow-list, then add link hygiene,
 * code highlighting (classes only), headings (an h1 demoted, ids) and image checks to the already
 * clean tree. tests/markdown/pipeline-order.test.ts proves it.
 */
import { fileURLToPath } from 'node:url';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { unified, type RehypePlugins, type RemarkPlugins, type RemarkRehype } from '@astrojs/markdown-remark';
import rehypeArticleImages from './rehype-article-images.ts';
import { EMBED_TYPE } from './embed-node.ts';
import rehypeCodeBlocks from './rehype-code-blocks.ts';
import rehypeDemoteH1 from './rehype-demote-h1.ts';
import rehypeEmbedCode from './rehype-embed-code.ts';
import rehypeEmbeds from './rehype-embeds.ts';
import rehypeFragmentLinks from './rehype-fragment-links.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import remarkExplicitHeadingIds from './remark-explicit-heading-ids.ts';
import remarkEmbedUrls, { embedHandlers } from './remark-embed-urls.ts';
import remarkLimits from './remark-limits.ts';
import remarkSmartPunctuation from './remark-smart-punctuation.ts';
import { rehypeBeforeSanitize, rehypeSanitizeReport } from './rehype-sanitize-report.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

// remark-limits first: it measures the raw text before remark parses it (size, nesting).
// Explicit heading ids come off the text before smart punctuation could turn `--` in one into a dash.
export const remarkPlugins: RemarkPlugins = [
  remarkLimits,
  remarkExplicitHeadingIds,
  remarkSmartPunctuation,
  remarkEmbedUrls,
];

export const rehypePlugins: RehypePlugins = [
  [rehypeRaw, { passThrough: [EMBED_TYPE] }],
  // Embeds: provider code is recognised before the sanitizer and rendered after it; what the
  // sanitizer removes in between is reported (src/markdown/rehype-sanitize-report.ts).
  rehypeEmbedCode,
  rehypeBeforeSanitize,
  [rehypeSanitize, sanitizeSchema],
  rehypeSanitizeReport,
  rehypeEmbeds,
  rehypeFragmentLinks,
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
  rehypeCodeBlocks,
  rehypeDemoteH1,
  rehypeHeadingIds,
  [
    rehypeArticleImages,
    { sharedFolders: [fileURLToPath(new URL('../../content/assets/', import.meta.url))] },
  ],
];

/** The sanitizer prefixes ids itself; remark-rehype prefixing footnote ids too would double it. */
export const remarkRehype: RemarkRehype = { clobberPrefix: '', handlers: embedHandlers };

/**
 * The processor astro.config.ts hands Astro, and src/data/article-body.ts renders bodies with.
 * smartypants is off because remark-smart-punctuation applies it per article: imported wire copy
 * keeps its quotes exactly as they arrived.
 */
export const markdownProcessor = unified({
  gfm: true,
  smartypants: false,
  remarkPlugins,
  rehypePlugins,
  remarkRehype,
});
