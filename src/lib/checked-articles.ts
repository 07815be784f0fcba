/**
 * The checked articles and the one publication rule.
 *
 * The content check (src/integrations/content-check.ts) reads every article's front matter before
 * Astro's content sync and keeps what it learnt here; the integrations that run after it (alias
 * redirects, Open Graph cards, bodies rendered ahead, the link check) read it from here. Their data
 * is typed from the article schema (src/content.config.ts), the same type pages get as
 * `article.data`.
 *
 * Which articles get a page is decided by `getsPage`, for pages (src/data/articles.ts, on Astro's
 * collection) and for the integrations (on the checked articles) alike.
 */
import type { z } from 'astro/zod';
import type { articleSchema } from '../content.config.ts';
import { buildNow, draftsIncluded, hasPage, publicationState } from './publication.ts';
import type { PublicationFields } from './publication.ts';
import type { PublishedFile } from './article-files.ts';

/** An article's front matter as the schema outputs it (trimmed text, dates as Date, defaults filled). */
export type ArticleData = z.output<ReturnType<typeof articleSchema>>;

/** The same as the content check parses it: its image() gives the path as written, not the image. */
export type CheckedArticleData = Omit<ArticleData, 'heroImage'> & {
  heroImage?: (Omit<NonNullable<ArticleData['heroImage']>, 'src'> & { src: string }) | undefined;
};

/** What the check learnt about an article whose front matter could be read. */
export interface CheckedArticle {
  file: string;
  id: string;
  /** The front matter as written (YAML to JS), before the schema: what the check's own rules read. */
  data: Record<string, unknown>;
  /** The front matter as the schema outputs it, when it passed. */
  parsed?: CheckedArticleData | undefined;
  /** A digest of the whole file as read, to tell an edited article from an unchanged one across builds. */
  sourceDigest: string;
}

/** A checked article that passed the schema. */
export type ValidArticle = CheckedArticle & { parsed: CheckedArticleData };

/** The build's clock and whether drafts are built. */
export interface PublicationClock {
  now: Date;
  includeDrafts: boolean;
}

/**
 * The clock of a run: PUBLISH_NOW (else the real time), and drafts in `astro dev` or with
 * INCLUDE_DRAFTS=1 (for review deploys).
 */
export function publicationClock(
  isDev: boolean,
  env: Record<string, string | undefined> = process.env,
): PublicationClock {
  return { now: buildNow(env), includeDrafts: draftsIncluded(env, isDev) };
}

/**
 * The publication rule: an article gets a page when it is published, expired (the page says so),
 * or a draft being previewed.
 */
export const getsPage = (article: PublicationFields, clock: PublicationClock): boolean =>
  hasPage(publicationState(article, clock.now), clock.includeDrafts);

let checked: readonly CheckedArticle[] = [];
let linked: readonly PublishedFile[] = [];

/**
 * Called by the content check after each check (the first, and each recheck in `astro dev`) with
 * the articles and the files their bodies link to in their folders.
 */
export function setCheckedArticles(
  articles: readonly CheckedArticle[],
  files: readonly PublishedFile[] = [],
): void {
  checked = articles;
  linked = files;
}

/** Files in articles' folders that bodies link to, checked (src/lib/article-files.ts); drafts' included. */
export const linkedFiles = (): readonly PublishedFile[] => linked;

/** Every article the last check read, valid or not. */
export const checkedArticles = (): readonly CheckedArticle[] => checked;

/** The articles that passed the schema and get a page in a run of `command` (build, dev, …). */
export function checkedArticlesWithPages(command: string): ValidArticle[] {
  const clock = publicationClock(command === 'dev');
  return checked.filter(
    (article): article is ValidArticle => article.parsed !== undefined && getsPage(article.parsed, clock),
  );
}
