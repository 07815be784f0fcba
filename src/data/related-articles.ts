/**
 * The related articles of an article page, from one finder built over the listed articles once
 * per build (src/lib/related.ts explains why once).
 */
import { relatedFinder } from '../lib/related.ts';
import { listedArticles, type Article } from './articles.ts';

type Finder = (article: Article) => Article[];

let cached: Promise<Finder> | undefined;

async function buildFinder(): Promise<Finder> {
  const find = relatedFinder(
    (await listedArticles()).map((other) => ({ id: other.id, ...other.data, article: other })),
  );
  return (article) => find({ id: article.id, ...article.data }).map((candidate) => candidate.article);
}

export async function relatedTo(article: Article): Promise<Article[]> {
  const find = await (import.meta.env.DEV ? buildFinder() : (cached ??= buildFinder()));
  return find(article);
}
