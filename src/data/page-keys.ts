/**
 * Cache keys for `experimental.incrementalBuild`. Astro keeps a page's previous HTML when the
 * page's code, the Astro config and its `cacheKey` are all unchanged, so the key must cover
 * everything else the page shows: the entry itself, its publication state under this build's
 * clock, the other entries it shows, and the site settings read from the environment that are
 * not part of the Astro config. A page whose inputs cannot all be named gets no key and is
 * rendered on every build.
 */
import { articleAuthors } from './article-authors';
import { jsonDigest } from '../lib/file-digest.ts';
import type { ListingPage } from '../lib/pagination.ts';
import { mayShowImages } from '../markdown/render-article.ts';
import { articleSource } from './article-body.ts';
import type { Article } from './articles.ts';
import { includeDrafts, stateOf } from './articles.ts';
import { relatedTo } from './related-articles.ts';
import { site } from '../site.config.ts';

/** A page's cache key: a hash of everything it shows, given as JSON-serialisable inputs. */
const keyOf = (inputs: unknown) => jsonDigest(inputs, 'base64url');

/**
 * The article page's key, or undefined when the body may have images of its own: their files can
 * change without the markdown changing, and nothing here can see that.
 */
export async function articlePageKey(article: Article): Promise<string | undefined> {
  if (article.digest === undefined || mayShowImages(articleSource(article).source)) return undefined;
  const related = await relatedTo(article);
  const authors = await articleAuthors(article);
  const inputs = {
    entry: article.digest,
    state: stateOf(article),
    includeDrafts,
    // In a build an imported image's src carries a hash of the file's bytes.
    hero: article.data.heroImage?.src.src,
    related: related.map((other) => [other.id, other.digest]),
    authors: authors.map((author) => [author.id, author.digest, author.data.avatar?.src]),
    site,
  };
  return keyOf(inputs);
}

interface ListingPath {
  params: Record<string, string | undefined>;
  props: { page: ListingPage<Article> } & Record<string, unknown>;
}

/**
 * A listing page (home, section, tag, author) with its key: the articles it lists, by id and
 * digest (a card shows front matter, which the digest covers, and the hero's thumbnail), where the page sits in its
 * pagination (its number and its newer/older links), the rest of its props (a name, the author's
 * entry) and the site settings. An edit renders again only the listing pages that show the edited
 * article, and a new article only the first page and the newest archive page (src/lib/pagination.ts).
 */
export function withListingKey<P extends ListingPath>(path: P): P & { cacheKey: string } {
  const { page, ...rest } = path.props;
  const inputs = {
    params: path.params,
    // A card shows the hero as a thumbnail: its src carries a hash of the file's bytes in a build.
    articles: page.data.map((article) => [article.id, article.digest, article.data.heroImage?.src.src]),
    pagination: [page.archiveNumber, page.url],
    rest,
    includeDrafts,
    site,
  };
  return { ...path, cacheKey: keyOf(inputs) };
}
