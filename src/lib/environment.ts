/**
 * Every environment variable the build reads, in one zod schema: each is parsed here and nowhere
 * else, and a bad value stops the build with the variable's name, its value and what is allowed.
 * README ("Operate", "Environment variables") lists them; a test keeps the two in step.
 * Pure: takes the environment as an argument so tests can inject any value.
 */
import { z } from 'astro/zod';
import { SYNDICATION_POLICIES } from './syndication.ts';
import { DEFAULT_SHARD_SIZE } from './search-shards.ts';

export type Env = Record<string, string | undefined>;

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

export const DEFAULTS = {
  url: 'https://example.org',
  name: 'The Wirepress Review',
  lang: 'en-GB',
  timezone: 'Europe/London',
  syndicationPolicy: 'noindex',
} as const;

/** Why a value is refused: the variable's name, the value and what is allowed. */
class Refusal {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** A variable whose value `parse` turns into what the build uses, or refuses. */
const variable = <T>(parse: (raw: string) => T | Refusal) =>
  z.string().transform((raw, context): T => {
    const parsed = parse(raw);
    if (!(parsed instanceof Refusal)) return parsed;
    context.addIssue({ code: 'custom', message: parsed.message, input: raw });
    return z.NEVER;
  });

function siteUrl(raw: string): string | Refusal {
  const url = URL.parse(raw);
  if (!url)
    return new Refusal(`SITE_URL "${raw}" is not an absolute URL. Fix: set SITE_URL=https://your.domain`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return new Refusal(`SITE_URL must use http or https, got "${url.protocol}".`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return new Refusal(
      `SITE_URL "${raw}" must be an origin only. ` +
        'Put a sub-path in BASE_PATH instead (e.g. BASE_PATH=/news/).',
    );
  }
  return url.origin;
}

/** '/news', 'news/', '/news/' all become '/news/'; '' and '/' become '/'. */
export function normaliseBasePath(raw: string): string {
  const segments = raw.split('/').filter(Boolean);
  for (const segment of segments) {
    if (!/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..') {
      throw new SiteConfigError(
        `BASE_PATH "${raw}" has an unsafe segment "${segment}". Use letters, digits, - . _ ~ only.`,
      );
    }
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

const basePath = (raw: string) => {
  try {
    return normaliseBasePath(raw);
  } catch (error) {
    return new Refusal((error as Error).message);
  }
};

function language(raw: string): string | Refusal {
  try {
    return Intl.getCanonicalLocales(raw)[0]!;
  } catch {
    return new Refusal(`SITE_LANG "${raw}" is not a BCP 47 language tag (e.g. en-GB).`);
  }
}

function timezone(raw: string): string | Refusal {
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return raw;
  } catch {
    return new Refusal(`SITE_TIMEZONE "${raw}" is not an IANA timezone (e.g. Europe/London).`);
  }
}

function instant(raw: string): Date | Refusal {
  const now = new Date(raw);
  if (Number.isNaN(now.getTime())) {
    return new Refusal(`PUBLISH_NOW "${raw}" is not an ISO 8601 date-time.`);
  }
  return now;
}

/** A whole number of 1 or more, or the refusal `refusal` words for what was written. */
const wholeNumber =
  (refusal: (raw: string) => string) =>
  (raw: string): number | Refusal => {
    const value = Number(raw.trim());
    if (/^[1-9]\d*$/.test(raw.trim()) && Number.isSafeInteger(value)) return value;
    return new Refusal(refusal(raw));
  };

const memoryBytes = wholeNumber(
  (raw) => `BUILD_MEMORY_BYTES "${raw}" must be a whole number of bytes, e.g. 7516192768 for 7 GiB.`,
);

const shardSize = wholeNumber(
  (raw) =>
    `WIREPRESS_SEARCH_SHARD_SIZE "${raw}" must be a whole number of articles, 1 or more ` +
    `(default ${DEFAULT_SHARD_SIZE}).`,
);

const ASTRO_CACHE_DIR_DEFAULT = 'node_modules/.astro';

const environmentSchema = z.object({
  SITE_URL: variable(siteUrl)
    .default(DEFAULTS.url)
    .meta({ description: 'the origin the site is served from, without a path' }),
  BASE_PATH: variable(basePath)
    .default('/')
    .meta({ description: 'path prefix when served under a sub-path, e.g. /news/' }),
  SITE_NAME: z
    .string()
    .trim()
    .default(DEFAULTS.name)
    .meta({ description: 'publication name (titles, Open Graph, JSON-LD publisher, news sitemap)' }),
  SITE_LANG: variable(language)
    .default(DEFAULTS.lang)
    .meta({ description: 'BCP 47 language tag of the publication' }),
  SITE_TIMEZONE: variable(timezone)
    .default(DEFAULTS.timezone)
    .meta({ description: 'IANA timezone dates are shown in' }),
  SYNDICATION_POLICY: z
    .enum(SYNDICATION_POLICIES, {
      error: (issue) =>
        `SYNDICATION_POLICY "${issue.input}" must be one of ${SYNDICATION_POLICIES.join(', ')}.`,
    })
    .default(DEFAULTS.syndicationPolicy)
    .meta({ description: 'what a syndicated copy tells search engines unless the article says otherwise' }),
  PUBLISH_NOW: variable(instant)
    .optional()
    .meta({ description: "the build's clock, ISO 8601; unset: the real time" }),
  INCLUDE_DRAFTS: z
    .enum(['1', '0'], {
      error: (issue) =>
        `INCLUDE_DRAFTS "${issue.input}" must be 1 (build drafts too) or 0 (leave them out, as when unset).`,
    })
    .optional()
    .transform((value) => value === '1')
    .meta({ description: '1 builds drafts too (for a private review deploy)' }),
  ASTRO_CACHE_DIR: z
    .string()
    .default(ASTRO_CACHE_DIR_DEFAULT)
    .meta({ description: 'where the build caches live' }),
  // Read by src/cards/og-cache.ts itself (ogCacheDir): it is loaded by the card worker thread, which
  // would pay for loading zod (~140 ms cold) to read one variable.
  OG_CACHE_DIR: z.string().optional().meta({
    description: 'where generated Open Graph images are cached; unset: og-images/ in ASTRO_CACHE_DIR',
  }),
  BUILD_THREADS: z
    .enum(['1', '0'], {
      error: (issue) =>
        `BUILD_THREADS "${issue.input}" must be 0 (every job on the main thread) or 1 (helper threads, ` +
        'as when unset).',
    })
    .optional()
    .transform((value) => value !== '0')
    .meta({
      description: '0 does every job on the main thread: no body or card is made ahead on a second thread',
    }),
  BUILD_MEMORY_BYTES: variable(memoryBytes)
    .optional()
    .meta({
      description:
        "the memory the build may use, in bytes; unset: the machine's. The search index runs a second " +
        'indexer only within it',
    }),
  WIREPRESS_SEARCH_SHARD_SIZE: variable(shardSize).default(DEFAULT_SHARD_SIZE).meta({
    description: 'articles per search-index shard; for tests, which need several shards from a few articles',
  }),
  NETLIFY: z
    .string()
    .optional()
    .transform((value) => value === 'true')
    .meta({
      description: "set to true by Netlify itself: dist/_headers is then written in Netlify's dialect",
    }),
});

export type Environment = z.output<typeof environmentSchema>;

/** The names of the variables the build reads, in the order README lists them. */
export const VARIABLES = Object.keys(environmentSchema.shape);

const parsed = new WeakMap<Env, Environment>();

/**
 * The build's settings from `rawEnv`, parsed once per environment object (process.env is one
 * object for the life of the process). Throws SiteConfigError listing every bad variable.
 */
export function readEnvironment(rawEnv: Env): Environment {
  const known = parsed.get(rawEnv);
  if (known) return known;
  // Blank means unset: CI passes an unset repository variable as '' (GitHub's `${{ vars.X }}`).
  const set = Object.entries(rawEnv).filter(([name, value]) => VARIABLES.includes(name) && value?.trim());
  const result = environmentSchema.safeParse(Object.fromEntries(set));
  if (!result.success)
    throw new SiteConfigError(result.error.issues.map((issue) => issue.message).join('\n'));
  parsed.set(rawEnv, result.data);
  return result.data;
}
