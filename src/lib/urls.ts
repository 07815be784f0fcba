/** Percent-decoded text, or the text as written when it is not valid percent-encoding (a stray "%"). */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for absolute http:// and https:// URLs, whatever their case or surrounding whitespace. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The base path the helpers here take, from a configured base (Astro's `config.base`, Vite's
 * `base`) that may lack its trailing slash: '/news' -> '/news/', '/' stays '/'. Unlike
 * site-config's normaliseBasePath it does not validate: the config was validated when it was read.
 */
export function basePathOf(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** Joins the base path and a site-relative path: ('/news/', 'articles/x/') -> '/news/articles/x/'. */
export function withBase(basePath: string, path: string): string {
  return `${basePath.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site-relative path. */
export function absoluteUrl(siteUrl: string, basePath: string, path: string): string {
  return new URL(withBase(basePath, path), siteUrl).href;
}

export const articlePath = (slug: string) => `articles/${slug}/`;
export const authorPath = (id: string) => `authors/${id}/`;
export const sectionPath = (section: string) => `sections/${section}/`;
export const tagPath = (tagSlug: string) => `tags/${tagSlug}/`;
