/**
 * Publishes the files articles link to in their folders (checked by the content check,
 * src/lib/article-files.ts) next to the pages: content/articles/<slug>/report.pdf to
 * dist/articles/<slug>/report.pdf, the address the link already has. Only files of articles with
 * a page in this build, linked from one: a draft's documents stay unpublished. Runs before
 * security-headers, which gives the downloads their `Content-Disposition: attachment`, and before
 * the link check, which then finds them. `astro dev` serves them from the content at the same
 * addresses.
 */
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PublishedFile } from '../lib/article-files.ts';
import { checkedArticlesWithPages, linkedFiles } from '../lib/checked-articles.ts';
import { basePathOf, decodePercent } from '../lib/urls.ts';

export interface ArticleFiles extends AstroIntegration {
  /** URL paths (from the site root, not encoded) of the published files served as downloads. */
  downloads(): string[];
}

/** The files to publish in a build whose articles with pages are `withPages`, once each. */
export function filesToPublish(
  files: readonly PublishedFile[],
  withPages: ReadonlySet<string>,
): PublishedFile[] {
  const byOutput = new Map<string, PublishedFile>();
  for (const file of files)
    if (withPages.has(file.from) && withPages.has(file.owner) && !byOutput.has(file.output))
      byOutput.set(file.output, file);
  return [...byOutput.values()].sort((a, b) => a.output.localeCompare(b.output));
}

/**
 * What the dev server answers for a linked file: inline types with their type, the rest as downloads, like
 * the built site.
 */
const INLINE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/**
 * The file and headers `astro dev` serves for the URL path (without the base path, decoded), if an article
 * links to it there.
 */
export function devResponse(
  files: readonly PublishedFile[],
  path: string,
): { source: string; headers: Record<string, string> } | undefined {
  const file = files.find((candidate) => `/${candidate.output}` === path);
  if (!file) return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(path)![1]!.toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': (!file.download && INLINE_TYPES[extension]) || 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (file.download) headers['Content-Disposition'] = 'attachment';
  return { source: file.source, headers };
}

export default function articleFiles(): ArticleFiles {
  let downloads: string[] = [];
  return {
    name: 'wirepress:article-files',
    downloads: () => downloads,
    hooks: {
      // The preview serves linked files from the content (drafts' too: it shows drafts), so their links work there.
      'astro:server:setup': ({ server }) => {
        const base = basePathOf(server.config.base);
        server.middlewares.use((request, response, next) => {
          const url = (request.url ?? '/').split('?')[0]!;
          const path = decodePercent(url.slice(base.length - 1));
          const found = url.startsWith(base) ? devResponse(linkedFiles(), path) : undefined;
          if (!found || !['GET', 'HEAD'].includes(request.method ?? 'GET')) return next();
          for (const [name, value] of Object.entries(found.headers)) response.setHeader(name, value);
          if (request.method === 'HEAD') response.end();
          else
            createReadStream(found.source)
              .on('error', () => next())
              .pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const published = filesToPublish(
          linkedFiles(),
          new Set(checkedArticlesWithPages('build').map((article) => article.id)),
        );
        for (const file of published) {
          const target = join(dist, ...file.output.split('/'));
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(file.source, target);
        }
        downloads = published.filter((file) => file.download).map((file) => `/${file.output}`);
        if (published.length)
          logger.info(
            `Published ${published.length} file${published.length === 1 ? '' : 's'} linked ` +
              `from articles (${downloads.length} as downloads)`,
          );
      },
    },
  };
}
