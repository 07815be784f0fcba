/**
 * Links between articles, checked against the content before anything renders: a link (markdown,
 * or `<a href>` in raw HTML) to another article (`../other-story/`, `/articles/other-story/`) or
 * to a heading in one (`../other-story/#the-vote`, `#the-vote`) must name an article and a heading
 * that exist.
 * Reported with the body line and the closest slug or heading id. The post-build link check
 * (src/integrations/link-check.ts) stays as the safety net for what only the built site shows.
 *
 * Heading ids come from src/markdown/rehype-heading-ids.ts's headingIds (GitHub-style slugs of the
 * heading text, or the `{#…}` id written after it). An article whose headings the markdown alone cannot
 * predict (any raw HTML) gets its fragments checked after the build only, so this check never fails a good
 * link.
 */
import type { Definition, Heading, Html, Link, LinkReference, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { walkTree } from './walk-tree.ts';
import { headingIds, type HeadingSource } from '../markdown/rehype-heading-ids.ts';
import { explicitIdOf } from '../markdown/remark-explicit-heading-ids.ts';
import { closest } from './frontmatter-check-issues.ts';
import { readFragment } from './fragments.ts';
import { rawHtmlUrls } from './raw-html-urls.ts';
import { decodePercent } from './urls.ts';
import type { Position } from './frontmatter-check-yaml.ts';

export interface LinkedArticle {
  /** The URL slug: the page is /articles/<id>/. */
  id: string;
  /** Former slugs that redirect to it. */
  aliases: string[];
  /** The markdown body. */
  body: string;
}

export interface LinkProblem extends Position {
  message: string;
  hint: string;
}

interface BodyLink extends Position {
  url: string;
}

const ORIGIN = 'http://site.invalid';

/**
 * Whether a URL has a scheme as the sanitizer reads it (hast-util-sanitize): a colon before any
 * "/", "?" or "#". Such a link is not a path in the site: a real scheme (https:) is external, and
 * a look-alike ("java script:…", "\u0001javascript:…") loses its href in the sanitizer.
 */
const readAsProtocol = (url: string) => {
  const colon = url.indexOf(':');
  const pathStart = url.search(/[/?#]/);
  return colon !== -1 && (pathStart === -1 || colon < pathStart);
};

/** Links in raw HTML: the sanitizer (src/markdown/sanitize-schema.ts) keeps no other element with an href. */
const RAW_HTML_LINKS = { a: ['href'] };

/** The body's links, markdown (inline, reference-style) and raw HTML `<a href>`, positioned in the body. */
function bodyLinks(tree: Root): BodyLink[] {
  const definitions = new Map<string, Definition>();
  walkTree(tree, 'definition', (node) => void definitions.set(node.identifier, node));
  const found: BodyLink[] = [];
  const add = (url: string | undefined, start: Position | undefined) => {
    if (!url || !start || url.startsWith('//') || readAsProtocol(url)) return;
    found.push({ url, line: start.line, column: start.column });
  };
  walkTree(tree, (node) => {
    if (node.type === 'html') {
      const start = node.position?.start;
      const links = start ? rawHtmlUrls((node as Html).value, start, RAW_HTML_LINKS) : [];
      for (const link of links) add(link.value.trim(), link);
      return;
    }
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    const url =
      node.type === 'link' ? (node as Link).url : definitions.get((node as LinkReference).identifier)?.url;
    add(url, node.position?.start);
  });
  return found;
}

/** The ids the pipeline gives the body's headings, or undefined when the markdown cannot tell them all. */
function predictedHeadingIds(tree: Root, body: string): Set<string> | undefined {
  // Raw HTML can add headings, ids or markup inside heading text that markdown alone does not show.
  if (/<[a-z]/i.test(body)) return undefined;
  const headings: HeadingSource[] = [];
  walkTree(tree, 'heading', (node) => void headings.push(markdownHeadingSource(node)));
  return new Set(headingIds(headings).ids);
}

/** A markdown heading's text as the pipeline slugs it (without its `{#…}`, stripped before rendering). */
export function markdownHeadingSource(heading: Heading): HeadingSource {
  const explicit = explicitIdOf(heading);
  const text = toString(heading);
  return { text: explicit ? text.slice(0, text.lastIndexOf('{#')).trimEnd() : text, explicit };
}

/**
 * Whether a body may link inside the site, so that it must be parsed. An inline link's text is
 * followed at once by its `(`, so every inline link has a `](` in the source; a link by reference
 * needs a definition, `[label]:`; raw HTML needs `<a `. A body whose every `](` opens an http(s)
 * address (most bodies: their links go elsewhere) has no link this check reads.
 */
export const mayLinkInside = (body: string) =>
  /\]\((?!https?:\/\/)/.test(body) || body.includes(']:') || /<a\s/i.test(body);

/** A body link to a file in an article's folder: `./report.pdf`, `../other-story/data.csv`. */
export interface FileLink extends Position {
  url: string;
  /** The article whose folder holds the file (its id, aliases resolved). */
  owner: string;
  /** The file's path in that folder, decoded, with forward slashes: `report.pdf`, `data/2026.csv`. */
  path: string;
}

/**
 * Problems with links between `articles`, one list per article in their order; lines are body lines
 * (1 = the body's first).
 */
export function articleLinkProblems(articles: LinkedArticle[]): LinkProblem[][] {
  return articleLinks(articles).problems;
}

/**
 * articleLinkProblems, and the links to files in articles' folders (src/lib/article-files.ts checks and
 * publishes those), one list per article.
 *
 * Each body is parsed once at most, and its tree dropped as soon as its links and heading ids are
 * read: an archive's trees do not fit in memory together (about 28 KB an article).
 */
export function articleLinks(articles: LinkedArticle[]): { problems: LinkProblem[][]; files: FileLink[][] } {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const slugs = [...byId.keys()];
  const aliasOf = new Map(
    articles.flatMap((article) => article.aliases.map((alias) => [alias, article.id] as const)),
  );
  const idOf = (slug: string) => (byId.has(slug) ? slug : aliasOf.get(slug));
  // The heading ids of every body read below; any of them may be a link's target.
  const headingsCache = new Map<string, Set<string> | undefined>();
  const bodies = articles.map((article) => {
    if (!mayLinkInside(article.body)) return [];
    const tree = fromMarkdown(article.body);
    headingsCache.set(article.id, predictedHeadingIds(tree, article.body));
    return bodyLinks(tree);
  });
  const headingsOf = (id: string) => {
    if (!headingsCache.has(id)) {
      const { body } = byId.get(id)!;
      headingsCache.set(id, predictedHeadingIds(fromMarkdown(body), body));
    }
    return headingsCache.get(id);
  };

  const files: FileLink[][] = [];
  const problems = articles.map((article, index) => {
    const found: LinkProblem[] = [];
    const fileLinks: FileLink[] = [];
    files.push(fileLinks);
    for (const link of bodies[index]!) {
      const target = new URL(link.url, `${ORIGIN}/articles/${article.id}/`);
      // A file in an article's folder: /articles/<slug>/<path> (an article's own page ends in /).
      const file = /^\/articles\/([^/.]+)\/(.*[^/])$/.exec(target.pathname);
      const owner = file && idOf(decodePercent(file[1]!));
      if (file && owner) fileLinks.push({ ...link, owner, path: decodePercent(file[2]!) });
      // Only pages of articles: /articles/<slug>/.
      const match = /^\/articles\/([^/.]+)\/?$/.exec(target.pathname);
      if (!match) continue;
      const slug = decodePercent(match[1]!);
      const id = idOf(slug);
      if (!id) {
        const suggestion = closest(slug, slugs);
        found.push({
          line: link.line,
          column: link.column,
          message: `the link "${link.url}" points to /articles/${slug}/, but no article has that slug`,
          hint: suggestion
            ? `did you mean "${link.url.replace(match[1]!, suggestion)}"?`
            : 'check the slug in the address of the article you mean (its folder or file name, or its `slug:`)',
        });
        continue;
      }
      // The id a fragment targets: none for a text fragment alone (`#:~:text=…`).
      const fragment = readFragment(target.hash.slice(1)).id;
      const headings = fragment ? headingsOf(id) : undefined;
      if (!headings || headings.has(fragment) || /^(?:page-|user-content-)/.test(fragment)) continue;
      const suggestion = closest(fragment, [...headings]);
      found.push({
        line: link.line,
        column: link.column,
        message: `the link "${link.url}" points to a heading "#${fragment}" that /articles/${id}/ does not have`,
        hint: suggestion
          ? `did you mean "#${suggestion}"?`
          : `link to one of its ` +
            `headings: ${[...headings].map((heading) => `#${heading}`).join(', ') || '(it has none)'}`,
      });
    }
    return found;
  });
  return { problems, files };
}
