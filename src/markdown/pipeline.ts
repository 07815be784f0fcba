/**
 * The markdown pipeline handed to Astro's unified() processor.
 *
 * Astro runs these rehype plugins *before* its own rehype-raw, so raw HTML would still be
 * unparsed `raw` nodes here. We parse it first (rehype-raw), then sanitize everything
 * (markdown-made and editor-written HTML alike) with one allow-list, then add link hygiene
 * and heading ids to the already clean tree. tests/markdown/pipeline-order.test.ts proves it.
 */
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import remarkSmartPunctuation from './remark-smart-punctuation.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

export const remarkPlugins: RemarkPlugins = [remarkSmartPunctuation];

export const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
  rehypeHeadingIds,
];
