/**
 * Which articles a build publishes, decided against an injectable clock so that every
 * boundary (scheduled pubDate, licence expiry) can be tested to the millisecond.
 */
import { readEnvironment, type Env } from './environment.ts';

export interface PublicationFields {
  pubDate: Date;
  expires?: Date | undefined;
  draft: boolean;
}

export type PublicationState = 'published' | 'draft' | 'scheduled' | 'expired';

/** The build clock: PUBLISH_NOW (ISO 8601) when set, else the real time. */
export const buildNow = (env: Env): Date => readEnvironment(env).PUBLISH_NOW ?? new Date();

export function publicationState(article: PublicationFields, now: Date): PublicationState {
  if (article.draft) return 'draft';
  if (article.pubDate.getTime() > now.getTime()) return 'scheduled';
  if (article.expires && article.expires.getTime() <= now.getTime()) return 'expired';
  return 'published';
}

/** Drafts are built by `astro dev`, or by a build with INCLUDE_DRAFTS=1 (for review deploys). */
export const draftsIncluded = (env: Env, isDev: boolean) => isDev || readEnvironment(env).INCLUDE_DRAFTS;

/** Whether the article gets a page at its URL: published, expired (a notice), or a draft being previewed. */
export const hasPage = (state: PublicationState, includeDrafts: boolean) =>
  state === 'published' || state === 'expired' || (state === 'draft' && includeDrafts);

/** When an article last changed: the latest of pubDate, updatedDate and its corrections' dates. */
export function lastModified(article: {
  pubDate: Date;
  updatedDate?: Date | undefined;
  corrections: { date: Date }[];
}): Date {
  return [article.updatedDate, ...article.corrections.map((correction) => correction.date)]
    .filter((date): date is Date => date instanceof Date)
    .reduce((latest, date) => (date > latest ? date : latest), article.pubDate);
}

/** The order of article pages and listings: newest first, then by id. */
export const newestFirst = (a: { id: string; pubDate: Date }, b: { id: string; pubDate: Date }) =>
  b.pubDate.getTime() - a.pubDate.getTime() || a.id.localeCompare(b.id);
