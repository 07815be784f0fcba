/**
 * Renames: an article's former slugs (`aliases:` in front matter) keep working as redirects to
 * its current URL, as redirect pages in dist/ and as `_redirects` lines for Netlify and
 * Cloudflare Pages, which answer with a real 301 before any page loads.
 */
import { articlePath, withBase } from './urls.ts';

export interface AliasRedirect {
  /** Site path of the old URL, without base: /articles/old-slug/ */
  from: string;
  /** Site path of the article now: /articles/new-slug/ */
  to: string;
}

export function aliasRedirects(
  articles: readonly { id: string; aliases: readonly string[] }[],
): AliasRedirect[] {
  return articles
    .flatMap((article) =>
      article.aliases.map((alias) => ({ from: `/${articlePath(alias)}`, to: `/${articlePath(article.id)}` })),
    )
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** `_redirects` lines (Netlify / Cloudflare Pages format), under the site's base path. */
export function redirectsFile(redirects: readonly AliasRedirect[], basePath: string): string {
  return redirects
    .map(({ from, to }) => `${withBase(basePath, from)} ${withBase(basePath, to)} 301\n`)
    .join('');
}
