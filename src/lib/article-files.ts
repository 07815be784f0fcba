/**
 * Files next to articles: a body link to a file in an article's folder (`[the report](./report.pdf)`,
 * or `<a href="./report.pdf">` in raw HTML) publishes that file at the same address under the
 * article's page, /articles/<slug>/report.pdf, so links stay stable. Only the types below, each up
 * to its size limit; anything else fails the content check at the link's line, naming the file and
 * what is published.
 *
 * Types a browser would display in the site's origin (HTML, SVG, XML, text, CSV, JSON) are served
 * as downloads: `Content-Disposition: attachment` per file in dist/_headers
 * (src/lib/security-headers.ts), with the site-wide `X-Content-Type-Options: nosniff`, so an HTML or
 * SVG file can never run script on the site. PDFs and raster images open in the browser's own viewer.
 */
import { statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { FileLink, LinkProblem } from './article-links.ts';

export interface FileType {
  extensions: readonly string[];
  /** How an editor knows it, e.g. "PDF". */
  name: string;
  maxBytes: number;
  /** Served as a download: a browser would otherwise render it as a page of the site. */
  download: boolean;
}

const MB = 1024 * 1024;

export const PUBLISHED_FILE_TYPES: readonly FileType[] = [
  { extensions: ['pdf'], name: 'PDF', maxBytes: 25 * MB, download: false },
  {
    extensions: ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'],
    name: 'image (original size)',
    maxBytes: 25 * MB,
    download: false,
  },
  { extensions: ['csv', 'tsv'], name: 'CSV', maxBytes: 10 * MB, download: true },
  { extensions: ['json', 'geojson'], name: 'JSON', maxBytes: 10 * MB, download: true },
  { extensions: ['txt'], name: 'text', maxBytes: 5 * MB, download: true },
  { extensions: ['html', 'htm', 'xml', 'svg'], name: 'HTML, XML or SVG', maxBytes: 5 * MB, download: true },
  {
    extensions: ['xlsx', 'xls', 'ods', 'docx', 'doc', 'odt', 'pptx', 'ppt', 'odp'],
    name: 'office document',
    maxBytes: 25 * MB,
    download: true,
  },
  { extensions: ['zip'], name: 'ZIP archive', maxBytes: 25 * MB, download: true },
];

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();

export function fileTypeOf(path: string): FileType | undefined {
  const extension = extensionOf(path);
  return extension ? PUBLISHED_FILE_TYPES.find((type) => type.extensions.includes(extension)) : undefined;
}

/** A limit (whole megabytes) and a file's size (to a tenth). */
const limit = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const size = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** What is published, as a fix says it. */
export const PUBLISHED_FILES_SUMMARY = PUBLISHED_FILE_TYPES.map(
  (type) => `${type.extensions.join('/')} up to ${limit(type.maxBytes)}`,
).join(', ');

export interface PublishedFile {
  /** The article that links it, and the one whose folder holds it (ids). */
  from: string;
  owner: string;
  /** Absolute path of the file in the content. */
  source: string;
  /** Where it goes in dist/: `articles/<owner>/<path>`, forward slashes, not encoded. */
  output: string;
  download: boolean;
}

export interface ArticleFolder {
  id: string;
  /**
   * Absolute path of the article file; files are looked up in its folder, which must be its own
   * (`<slug>/index.md`).
   */
  file: string;
}

/**
 * Checks each link to a file in an article's folder (from src/lib/article-links.ts's articleLinks,
 * one list per article in `articles`' order) and lists the files to publish. Problems are per
 * article, at body lines, like link problems.
 */
export function articleFiles(
  articles: readonly ArticleFolder[],
  links: readonly FileLink[][],
): { problems: LinkProblem[][]; files: PublishedFile[] } {
  const folders = new Map(articles.map((article) => [article.id, article]));
  const files: PublishedFile[] = [];
  const problems = articles.map((article, index) =>
    (links[index] ?? []).flatMap((link): LinkProblem[] => {
      const folder = dirname(folders.get(link.owner)!.file);
      const source = join(folder, ...link.path.split('/'));
      const shown = relative(dirname(article.file), source).split(sep).join('/');
      const problem = (message: string, hint: string) => [
        { line: link.line, column: link.column, message, hint },
      ];
      // Decoded, a segment may be `..` (`..%2Fsecret.pdf`): nothing outside the folder is ever published.
      if (
        link.path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ||
        link.path.includes('\\')
      ) {
        return problem(
          `the link "${link.url}" points outside the article's folder`,
          "link to a file in the article's own folder, e.g. ./report.pdf",
        );
      }
      // A single-file article (content/articles/x.md) shares its folder with others, drafts too.
      if (basename(folders.get(link.owner)!.file) !== 'index.md') {
        return problem(
          `the link "${link.url}" points to a file next to /articles/${link.owner}/, which has no folder of its own`,
          `only an article in its own folder publishes files: move ` +
            `it to ${link.owner}/index.md and put the file beside it`,
        );
      }
      const type = fileTypeOf(link.path);
      if (!type) {
        return problem(
          `the link "${link.url}" points to ${shown}, a file of a type that is not published`,
          `files next to an article are published when a body links ` +
            `to them and they are: ${PUBLISHED_FILES_SUMMARY}. ` +
            `Convert it to one of those, or link to where it is hosted`,
        );
      }
      let bytes: number;
      try {
        const stat = statSync(source);
        if (!stat.isFile()) throw new Error('not a file');
        bytes = stat.size;
      } catch {
        return problem(
          `the link "${link.url}" points to ${shown}, which does not exist`,
          `put the file in the article's folder ` +
            `(${relative(process.cwd(), folder).split(sep).join('/') || '.'}), or fix the link`,
        );
      }
      if (bytes > type.maxBytes) {
        return problem(
          `the link "${link.url}" points to ${shown}, ${size(bytes)}, more ` +
            `than the ${limit(type.maxBytes)} published for a ${type.name} file`,
          `make it smaller (split it, compress it), or host it elsewhere and ` +
            `link there. Published next to articles: ${PUBLISHED_FILES_SUMMARY}`,
        );
      }
      files.push({
        from: article.id,
        owner: link.owner,
        source,
        output: `articles/${link.owner}/${link.path}`,
        download: type.download,
      });
      return [];
    }),
  );
  return { problems, files };
}
