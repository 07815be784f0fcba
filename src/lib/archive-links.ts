/**
 * Links between posts of an imported archive. On the old site a post linked another with a
 * generator tag (`{% post_url 2019-03-04-name %}`, `{{< ref "name.md" >}}`) or its old address
 * (`/2019/03/04/name.html`); here articles link each other as `../slug/`, and the build fails on a
 * link to a page that does not exist. So links to posts imported in the same run are rewritten to
 * the new address (also Zola's internal `@/2019-lamp.md#x` links and a bare `lamp.html#x`); a
 * site-absolute link that matches no imported post is listed, because the link check would fail it.
 */
import type { ImportNote } from './archive-article.ts';
import { rewriteProse } from './archive-prose.ts';
import type { ConvertedLine, LinkResolver } from './archive-shortcodes.ts';

export interface ImportedPostName {
  /** The post's path, e.g. `_posts/2019-03-04-name.md` or `content/posts/name/index.md`. */
  path: string;
  slug: string;
  aliases: string[];
}

/** Parts of old addresses that are listings, not posts: their last part is a tag or a page number. */
const LISTINGS = /^\/(?:tags?|categories|category|author|authors|page|series|archives?)\//i;
/** A markdown link to a site-absolute address, or to a post by Zola's internal `@/path.md`. */
const MARKDOWN_LINK = /((?:^|[^!])\[(?:[^\]\\]|\\.)*\]\(\s*)(@?\/(?!\/)[^)\s]*)/g;
const HTML_LINK = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(\/(?!\/)[^"']*)\2/gi;
/** `[label]: /2019/03/04/name.html`, the definition a reference-style link (`[text][label]`) uses. */
const LINK_DEFINITION = /^(\s{0,3}\[(?:[^\]\\]|\\.)+\]:\s*)(@?\/(?!\/)\S*)/gm;
/** A markdown link to a page by its bare old name, `name.html#part`, relative to the post's old address. */
const RELATIVE_PAGE_LINK = /((?:^|[^!])\[(?:[^\]\\]|\\.)*\]\(\s*)([\w.-]+\.html?(?:#[^)\s]*)?)(?=[)\s])/g;

/** The name a link target gives a post: its last path part, without extension, folder for index files. */
function nameOf(target: string): string {
  const parts = target.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').filter(Boolean);
  const last = (parts.at(-1) ?? '').replace(/\.(md|markdown|html?)$/i, '');
  return (last === 'index' || last === '_index') && parts.length > 1
    ? parts.at(-2)!.replace(/\.(md|markdown)$/i, '')
    : last;
}

/** Resolves link targets to imported posts by file name, slug or former slug. */
export function postLinks(posts: ImportedPostName[]): LinkResolver {
  const slugs = new Map<string, string>();
  for (const { path, slug, aliases } of posts) {
    for (const name of [nameOf(path), slug, ...aliases]) if (name && !slugs.has(name)) slugs.set(name, slug);
  }
  return (target) => {
    const slug = slugs.get(nameOf(target.trim()));
    const fragment = /#.*$/.exec(target.trim())?.[0] ?? '';
    return slug ? `../${slug}/${fragment}` : undefined;
  };
}

/** Rewrites site-absolute links (markdown and `<a href>`) to imported posts; lists the others. */
export function rewriteSiteLinks(
  lines: ConvertedLine[],
  resolve: LinkResolver,
): { lines: ConvertedLine[]; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const rewrite = (url: string, line: number) => {
    const zolaPost = url.startsWith('@/');
    // Files (/assets/report.pdf) are not posts; the content check reads those links itself.
    if (!zolaPost && /\.(?!html?$)[a-z0-9]{1,5}$/i.test(url.split(/[?#]/)[0]!)) return url;
    const resolved = LISTINGS.test(url) ? undefined : resolve(url);
    if (!resolved)
      notes.push({
        line,
        message:
          `link ${url} is an address on the old site and matches ` +
          `no imported post; the build's link check will refuse it`,
      });
    return resolved ?? url;
  };
  // A link's text may wrap onto the next line (`[release⏎cycle](/blog/…)`): the runs of prose are read whole.
  const rewritten = rewriteProse(lines, (text, lineAt) =>
    text
      .replace(
        MARKDOWN_LINK,
        (_whole, start: string, url: string, offset: number, within: string) =>
          `${start}${rewrite(url, lineAt(offset, within))}`,
      )
      .replace(
        LINK_DEFINITION,
        (_whole, start: string, url: string, offset: number, within: string) =>
          `${start}${rewrite(url, lineAt(offset, within))}`,
      )
      // Not listed when it matches no post: it may be a file, and the content check names it then.
      .replace(RELATIVE_PAGE_LINK, (_whole, start: string, url: string) => `${start}${resolve(url) ?? url}`)
      .replace(
        HTML_LINK,
        (_whole, start: string, q: string, url: string, offset: number, within: string) =>
          `${start}${q}${rewrite(url, lineAt(offset, within))}${q}`,
      ),
  );
  return { lines: rewritten, notes: notes.sort((a, b) => a.line - b.line) };
}

/**
 * Rewrites `<a href>` links to the old site's own posts (`https://old.example/2019/03/04/name/`)
 * to the imported articles. Other links to the old site stay as they are: they are ordinary
 * external links, which work for as long as the old site does.
 */
export function rewriteOldSiteLinks(
  lines: ConvertedLine[],
  siteUrl: string,
  resolve: LinkResolver,
): ConvertedLine[] {
  let origin: string;
  try {
    origin = new URL(siteUrl).origin;
  } catch {
    return lines;
  }
  return lines.map(({ text, line, code }) => ({
    line,
    code,
    text: code
      ? text
      : text.replace(
          /(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"']*)\2/gi,
          (whole, start: string, quote: string, url: string) => {
            const address = URL.parse(url);
            if (
              !address ||
              address.origin.replace(/^http:/, 'https:') !== origin.replace(/^http:/, 'https:') ||
              LISTINGS.test(address.pathname) ||
              address.search
            )
              return whole;
            const resolved = resolve(`${address.pathname}${address.hash}`);
            return resolved ? `${start}${quote}${resolved}${quote}` : whole;
          },
        ),
  }));
}

export interface ClaimedAddress {
  slug: string;
  aliases: string[];
  notes: ImportNote[];
}

/**
 * Gives every post of one import its own address. Two posts may share a slug (the same name in two
 * folders, or in two years): the later one gets `-2`, `-3`… rather than being lost. An old address
 * that two posts share (a series' `…/meeting.html` in every year), or that is another article's
 * slug, would redirect to two places: it is kept for the first post only. Either way it is listed.
 */
export function claimAddresses<T extends { slug: string; aliases: string[]; line: number }>(
  posts: T[],
): ClaimedAddress[] {
  const slugs = new Set<string>();
  const claimed = posts.map(({ slug, line }) => {
    let unique = slug;
    for (let n = 2; slugs.has(unique); n++) unique = `${slug}-${n}`;
    slugs.add(unique);
    return {
      slug: unique,
      aliases: [] as string[],
      notes:
        unique === slug
          ? []
          : [
              {
                line,
                message: `another post of this import has the slug "${slug}"; imported as "${unique}"`,
              },
            ],
    };
  });
  const taken = new Set(slugs);
  posts.forEach(({ aliases, line }, index) => {
    for (const alias of aliases) {
      if (alias === claimed[index]!.slug) continue;
      if (taken.has(alias))
        claimed[index]!.notes.push({
          line,
          message: `old address "${alias}" is another post's too; no redirect from it here`,
        });
      else {
        taken.add(alias);
        claimed[index]!.aliases.push(alias);
      }
    }
  });
  return claimed;
}
