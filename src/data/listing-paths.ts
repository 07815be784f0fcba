/**
 * The getStaticPaths entries of one listing (home, section, tag, author): its pages as
 * src/lib/pagination.ts splits them, each with the route's `[...page]` parameter and its cache key.
 */
import type { Article } from './articles.ts';
import { withListingKey } from './page-keys.ts';
import { listingPages, type ListingPage } from '../lib/pagination.ts';
import { site } from '../site.config.ts';

interface Listing<Params, Props> {
  /** The first page's path from the site root, e.g. 'sections/local/' ('' for the home page). */
  first: string;
  /** Where the archive pages sit under `first`: 'page/' for the home page (/page/3/), none elsewhere. */
  archiveFolder?: string;
  /** The route's other parameters, e.g. `{ section: 'local' }`. */
  params?: Params;
  /** What each page gets besides its `page`, or a function of the page. */
  props: Props | ((page: ListingPage<Article>) => Props);
}

export function listingPaths<
  Props extends Record<string, unknown>,
  Params extends Record<string, string> = Record<never, string>,
>(articles: readonly Article[], listing: Listing<Params, Props>) {
  const pages = listingPages(articles, {
    basePath: site.basePath,
    first: listing.first,
    archiveFolder: listing.archiveFolder,
  });
  return pages.map((page) =>
    withListingKey({
      params: { ...(listing.params as Params), page: page.param },
      props: {
        ...(typeof listing.props === 'function' ? listing.props(page) : listing.props),
        page,
      },
    }),
  );
}
