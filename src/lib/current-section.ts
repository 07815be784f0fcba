/**
 * Which navigation entry the page at `pathname` belongs to, for aria-current in the header: a
 * section's own pages, or the front page and its later pages. Articles are marked by their page
 * (an article's section link is in its kicker), so a path outside both gives undefined.
 */
export function currentNavEntry(
  pathname: string,
  basePath: string,
  sectionSlugs: string[],
): string | undefined {
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  if (path === '' || /^page\/\d+\/?$/.test(path)) return 'home';
  const section = /^sections\/([^/]+)\//.exec(path)?.[1];
  return section && sectionSlugs.includes(section) ? section : undefined;
}
