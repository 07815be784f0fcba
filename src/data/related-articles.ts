/**
 * The related articles of an article page, from one finder built over the listed articles once
 * per build (src/lib/related.ts explains why once). A build finds every listed article's list at
 * once and keeps the lists in the cache dir; the next build reads them back when the inputs are
 * the same (src/build-caches/related-lists.ts says what that saves).
 */
import { join } from 'node:path';
import relatedCode from '../lib/related.ts?raw';
import slugsCode from '../lib/slugs.ts?raw';
import { readRelatedLists, relatedListsDigest, writeRelatedLists } from '../build-caches/related-lists.ts';
import { readEnvironment } from '../lib/environment.ts';
import { relatedFinder, type RelatedCandidate } from '../lib/related.ts';
import { listedArticles, type Article } from './articles.ts';

type Related = (article: Article) => Article[];

let cached: Promise<Related> | undefined;

async function buildRelated(): Promise<Related> {
  const listed = await listedArticles();
  const candidates = listed.map((other) => ({ id: other.id, ...other.data, article: other }));
  // Built only when a list must be found: a build that reads every list back never builds it.
  let finder: ((article: RelatedCandidate) => typeof candidates) | undefined;
  const find = (article: Article) =>
    (finder ??= relatedFinder(candidates))({ id: article.id, ...article.data }).map(
      (candidate) => candidate.article,
    );
  // `astro dev` reads the collection afresh on every request: nothing to keep between requests.
  if (import.meta.env.DEV) return find;

  const file = join(readEnvironment(process.env).ASTRO_CACHE_DIR, 'related-lists.json');
  const digest = relatedListsDigest(candidates, [relatedCode, slugsCode]);
  const position = new Map(listed.map((article, index) => [article.id, index]));
  let lists = readRelatedLists(file, digest);
  if (!lists) {
    lists = listed.map((article) => find(article).map((other) => position.get(other.id)!));
    writeRelatedLists(file, digest, lists);
  }
  const kept = lists;
  // An expired article has a page but is not listed: its list is found, not kept.
  return (article) => {
    const at = position.get(article.id);
    return at === undefined ? find(article) : kept[at]!.map((index) => listed[index]!);
  };
}

export async function relatedTo(article: Article): Promise<Article[]> {
  const related = await (import.meta.env.DEV ? buildRelated() : (cached ??= buildRelated()));
  return related(article);
}
