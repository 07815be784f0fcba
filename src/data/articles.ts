/**
 * The one place pages ask for articles: applies the publication rules (drafts, scheduling,
 * expiry) against the build clock, and sorts newest first. Which articles get a page is the rule
 * the integrations apply too (src/lib/checked-articles.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getsPage, publicationClock } from '../lib/checked-articles.ts';
import { oncePerBuild } from './once-per-build.ts';
import { newestFirst, publicationState, type PublicationState } from '../lib/publication.ts';

export type Article = CollectionEntry<'articles'>;

const clock = publicationClock(import.meta.env.DEV);

export const now = clock.now;

/** Drafts show in `npm run dev`, or in a build with INCLUDE_DRAFTS=1 (for review deploys). */
export const includeDrafts = clock.includeDrafts;

export const stateOf = (article: Article): PublicationState => publicationState(article.data, now);

const newestFirstArticle = (a: Article, b: Article) =>
  newestFirst({ id: a.id, pubDate: a.data.pubDate }, { id: b.id, pubDate: b.data.pubDate });

/** Articles readers can see in listings, feeds and sitemaps. */
export const listedArticles = oncePerBuild(async () => {
  const all = await getCollection('articles');
  return all
    .filter((article) => {
      const state = stateOf(article);
      return state === 'published' || (state === 'draft' && includeDrafts);
    })
    .sort(newestFirstArticle);
});

/** Articles that get a page: listed ones plus expired ones (which say they are no longer available). */
export const articlesWithPages = oncePerBuild(async () => {
  const all = await getCollection('articles');
  return all.filter((article) => getsPage(article.data, clock)).sort(newestFirstArticle);
});
