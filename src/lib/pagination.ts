/** How listings (home, sections, tags, authors) are split into pages, and how a page names itself. */

/** Articles per listing page: page 2 starts at the eleventh article. */
export const PAGE_SIZE = 10;

/** "News" on page 1, "News, page 2 of 3" after it: every page of a listing has a distinct title. */
export function listingTitle(name: string, currentPage: number, lastPage: number): string {
  return currentPage > 1 ? `${name}, page ${currentPage} of ${lastPage}` : name;
}
