/**
 * How a listing (home, section, tag, author) is split into pages, and how a page names itself.
 *
 * The first page, at the listing's own URL, shows the newest PAGE_SIZE articles. The rest are
 * archive pages numbered from the oldest: archive page 1 holds the oldest ten, page 2 the next
 * ten, and the highest number (the one the first page links to as "older") holds what is left
 * between it and the first page. A new article therefore changes the first page and the newest
 * archive page only, and every other archive page keeps its URL, its articles and its HTML; counted
 * from the newest (Astro's paginate()), it moved every article of every page down one place, and a
 * 10,000-article site re-rendered 1,552 pages for one new story.
 */
import { withBase } from './urls.ts';

/** Articles on the first page of a listing, and on each archive page. */
export const PAGE_SIZE = 10;

export interface ListingPage<T> {
  /** The articles this page shows, newest first. */
  data: T[];
  /** Undefined on the first page; the archive page's number otherwise (1 is the oldest). */
  archiveNumber: number | undefined;
  /** The value of the route's `[...page]` parameter: undefined on the first page, e.g. '3' or 'page/3'. */
  param: string | undefined;
  url: {
    current: string;
    /** The page of newer articles (the first page's has none). */
    newer: string | undefined;
    /** The page of older articles (archive page 1 has none). */
    older: string | undefined;
  };
}

interface ListingUrls {
  /** The site's base path, e.g. '/' or '/news/'. */
  basePath: string;
  /** The first page's path from the site root, e.g. 'sections/local/' ('' for the home page). */
  first: string;
  /**
   * A folder of the archive pages under the first page's path: the home page's are under page/
   * (/page/3/), not at /3/, since its page 404 would otherwise be /404/, the 404 page's URL.
   */
  archiveFolder?: string;
}

/** Splits `items` (newest first) into the first page and the archive pages, numbered from the oldest. */
export function listingPages<T>(items: readonly T[], urls: ListingUrls): ListingPage<T>[] {
  const archived = items.length > PAGE_SIZE ? items.length - PAGE_SIZE : 0;
  const archivePages = Math.ceil(archived / PAGE_SIZE);
  const paramOf = (archiveNumber: number | undefined) =>
    archiveNumber === undefined ? undefined : `${urls.archiveFolder ?? ''}${archiveNumber}`;
  const urlOf = (archiveNumber: number | undefined) =>
    withBase(
      urls.basePath,
      `${urls.first}${archiveNumber === undefined ? '' : `${paramOf(archiveNumber)}/`}`,
    );
  // Newest to oldest: the first page, then archive pages from the highest number down to 1. A
  // page's newer and older links are its neighbours in this order.
  const order = [undefined, ...Array.from({ length: archivePages }, (_, index) => archivePages - index)];
  const articlesOn = (archiveNumber: number | undefined) => {
    if (archiveNumber === undefined) return items.slice(0, PAGE_SIZE);
    // Archive page `archiveNumber` holds the oldest articles' block of that number, counted from the end.
    const end = items.length - (archiveNumber - 1) * PAGE_SIZE;
    return items.slice(Math.max(PAGE_SIZE, end - PAGE_SIZE), end);
  };
  return order.map((archiveNumber, position) => ({
    data: articlesOn(archiveNumber),
    archiveNumber,
    param: paramOf(archiveNumber),
    url: {
      current: urlOf(archiveNumber),
      newer: position > 0 ? urlOf(order[position - 1]) : undefined,
      older: position < order.length - 1 ? urlOf(order[position + 1]) : undefined,
    },
  }));
}

/** "News" on the first page, "News, archive page 3" on an archive page: every page has its own title. */
export function listingTitle(name: string, archiveNumber: number | undefined): string {
  return archiveNumber === undefined ? name : `${name}, archive page ${archiveNumber}`;
}
