/** How listings (home, sections, tags, authors) are split into pages, and how a page names itself. */

/** Articles per listing page: page 2 starts at the eleventh article. */
export const PAGE_SIZE = 10;

/** "News" on page 1, "News, page 2 of 3" after it: every page of a listing has a distinct title. */
export function listingTitle(name: string, currentPage: number, lastPage: number): string {
  return currentPage > 1 ? `${name}, page ${currentPage} of ${lastPage}` : name;
}

/** Folder of the home listing's later pages: /page/2/, /page/3/, … */
export const HOME_PAGE_PREFIX = 'page';

interface PageUrls {
  current: string;
  prev: string | undefined;
  next: string | undefined;
  first: string | undefined;
  last: string | undefined;
}

/**
 * Astro's paginate() puts a root listing's page N at /N/. Page 404 would then be /404/, which
 * Astro gives to the 404 page, so a home listing of more than 4,030 articles would lose a page
 * and every link to it. This moves the home listing's later pages to /page/N/ (page 1 stays at
 * the base), rewriting the route parameter and every URL the page carries.
 */
export function homePagePath<
  P extends { params: { page?: string | undefined }; props: { page: { url: PageUrls } } },
>(path: P, basePath: string): P {
  const moved = (url: string | undefined) =>
    url && url.startsWith(basePath) && /^\d+\/$/.test(url.slice(basePath.length))
      ? `${basePath}${HOME_PAGE_PREFIX}/${url.slice(basePath.length)}`
      : url;
  const { url } = path.props.page;
  return {
    ...path,
    params: { ...path.params, page: path.params.page && `${HOME_PAGE_PREFIX}/${path.params.page}` },
    props: {
      ...path.props,
      page: {
        ...path.props.page,
        url: {
          current: moved(url.current)!,
          prev: moved(url.prev),
          next: moved(url.next),
          first: moved(url.first),
          last: moved(url.last),
        },
      },
    },
  };
}
