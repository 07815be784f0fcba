/**
 * Files an imported post links to (a report, a data file, a page the old site kept next to the
 * post): this site publishes a file only from the article's own folder, when a markdown link names
 * it (src/lib/article-files.ts). So the importer copies each linked file of a published type next
 * to the article and rewrites the link to `./name`, as it does images (src/lib/archive-images.ts).
 * Only markdown links count, as in the build; a link to a file that is not there is left for the
 * content check to report, since it may be an old page's address instead.
 */
import { proseTexts, rewriteProse } from './archive-prose.ts';
import type { ConvertedLine } from './archive-shortcodes.ts';
import { fileTypeOf } from './article-files.ts';

/** `[text](url)`, not an image's `![alt](url)`: the prefix up to the address, and the address. */
const MARKDOWN_LINK = /((?:^|[^!\\])\[(?:[^\]\\]|\\.)*\]\(\s*)(<[^>\n]+>|[^\s)]+)/g;

export interface FileReference {
  /** The address as written, fragment and all. */
  url: string;
  /** The file part: no fragment or query, angle brackets taken off. */
  path: string;
  line: number;
}

const unwrap = (url: string) => (url.startsWith('<') && url.endsWith('>') ? url.slice(1, -1) : url);
const fileOf = (url: string) => unwrap(url).split(/[?#]/)[0]!;
/** A scheme (`https:`, `mailto:`) or a protocol-relative `//host`: not a file of the old site. */
const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/** Markdown links to files of a type this site publishes, in order, with their source lines. */
export function fileReferences(lines: ConvertedLine[]): FileReference[] {
  return proseTexts(lines).flatMap(({ text, lineAt }) =>
    [...text.matchAll(MARKDOWN_LINK)]
      .map((match) => {
        const line = lineAt(match.index + match[1]!.length);
        return { url: unwrap(match[2]!), path: fileOf(match[2]!), line };
      })
      .filter(({ url, path }) => !isExternal(url) && fileTypeOf(path) !== undefined),
  );
}

/** Points links at the copied files (`renamed`: file part -> `./name`), keeping each link's fragment. */
export function rewriteFileLinks(
  lines: ConvertedLine[],
  renamed: ReadonlyMap<string, string>,
): ConvertedLine[] {
  return rewriteProse(lines, (text) =>
    text.replace(MARKDOWN_LINK, (whole, start: string, url: string) => {
      const name = renamed.get(fileOf(url));
      return name ? `${start}${name}${unwrap(url).slice(fileOf(url).length)}` : whole;
    }),
  );
}
