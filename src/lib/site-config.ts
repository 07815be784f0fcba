/**
 * The site's configuration, read once from the environment so that every absolute URL
 * (canonical, Open Graph, JSON-LD, feeds, sitemaps) derives from one place.
 * Pure: takes the environment as an argument so tests can inject any value.
 */

export type SyndicationPolicy = 'noindex' | 'canonical-to-source' | 'index';

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

export type Env = Record<string, string | undefined>;

const SYNDICATION_POLICIES: readonly SyndicationPolicy[] = ['noindex', 'canonical-to-source', 'index'];

export const DEFAULTS = {
  url: 'https://example.org',
  name: 'The Wirepress Review',
  lang: 'en-GB',
  timezone: 'Europe/London',
  syndicationPolicy: 'noindex',
} as const;

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

export function readSiteConfig(rawEnv: Env): SiteConfig {
  // Blank means unset: CI passes an unset repository variable as '' (GitHub's `${{ vars.X }}`).
  const env: Env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value?.trim()));
  return {
    url: parseSiteUrl(env.SITE_URL ?? DEFAULTS.url),
    basePath: normaliseBasePath(env.BASE_PATH ?? '/'),
    name: nonEmpty(env.SITE_NAME, DEFAULTS.name),
    lang: parseLang(env.SITE_LANG ?? DEFAULTS.lang),
    timezone: parseTimezone(env.SITE_TIMEZONE ?? DEFAULTS.timezone),
    syndicationPolicy: parsePolicy(env.SYNDICATION_POLICY ?? DEFAULTS.syndicationPolicy),
  };
}

function nonEmpty(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : fallback;
}

function parseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteConfigError(`SITE_URL "${raw}" is not an absolute URL. Fix: set SITE_URL=https://your.domain`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteConfigError(`SITE_URL must use http or https, got "${url.protocol}".`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteConfigError(
      `SITE_URL "${raw}" must be an origin only. Put a sub-path in BASE_PATH instead (e.g. BASE_PATH=/news/).`,
    );
  }
  return url.origin;
}

/** '/news', 'news/', '/news/' all become '/news/'; '' and '/' become '/'. */
export function normaliseBasePath(raw: string): string {
  const segments = raw.split('/').filter(Boolean);
  for (const segment of segments) {
    if (!/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..') {
      throw new SiteConfigError(`BASE_PATH "${raw}" has an unsafe segment "${segment}". Use letters, digits, - . _ ~ only.`);
    }
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

function parseLang(raw: string): string {
  try {
    return Intl.getCanonicalLocales(raw)[0]!;
  } catch {
    throw new SiteConfigError(`SITE_LANG "${raw}" is not a BCP 47 language tag (e.g. en-GB).`);
  }
}

function parseTimezone(raw: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return raw;
  } catch {
    throw new SiteConfigError(`SITE_TIMEZONE "${raw}" is not an IANA timezone (e.g. Europe/London).`);
  }
}

function parsePolicy(raw: string): SyndicationPolicy {
  if ((SYNDICATION_POLICIES as readonly string[]).includes(raw)) return raw as SyndicationPolicy;
  throw new SiteConfigError(`SYNDICATION_POLICY "${raw}" must be one of ${SYNDICATION_POLICIES.join(', ')}.`);
}
