/**
 * The site's configuration, read once from the environment so that every absolute URL
 * (canonical, Open Graph, JSON-LD, feeds, sitemaps) derives from one place.
 * Pure: takes the environment as an argument so tests can inject any value.
 */
import { readEnvironment, type Env } from './environment.ts';
import type { SyndicationPolicy } from './syndication.ts';

export interface SiteConfig {
  /** Absolute origin the site is served from, without trailing slash, e.g. https://news.example.org */
  url: string;
  /** Path prefix for project sites (GitHub Pages): '/' or '/repo/' (always slash-terminated). */
  basePath: string;
  /** Publication name, used in <title>, Open Graph, JSON-LD publisher and the news sitemap. */
  name: string;
  /** BCP 47 language tag of the publication, e.g. en-GB. */
  lang: string;
  /** IANA timezone in which dates are shown to readers, e.g. Europe/London. */
  timezone: string;
  /** What a syndicated copy does with search engines unless its article overrides it. */
  syndicationPolicy: SyndicationPolicy;
}

/** The site's settings among the environment variables (src/lib/environment.ts parses them). */
export function readSiteConfig(env: Env): SiteConfig {
  const { SITE_URL, BASE_PATH, SITE_NAME, SITE_LANG, SITE_TIMEZONE, SYNDICATION_POLICY } =
    readEnvironment(env);
  return {
    url: SITE_URL,
    basePath: BASE_PATH,
    name: SITE_NAME,
    lang: SITE_LANG,
    timezone: SITE_TIMEZONE,
    syndicationPolicy: SYNDICATION_POLICY,
  };
}
