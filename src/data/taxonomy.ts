/** Sections and tags of the listed articles, for listing pages, section feeds and navigation. */
import { groupBySlug, groupByTag, type Group } from '../lib/taxonomy';
import { listedArticles, type Article } from './articles';

export type ArticleGroup = Group<Article>;

export const groupBySection = (articles: Article[]): ArticleGroup[] => groupBySlug(articles, (article) => article.data.section);

export function groupByArticleTag(articles: Article[]): ArticleGroup[] {
  const tagged = articles.map((article) => ({ article, tags: article.data.tags, file: article.filePath ?? article.id }));
  return groupByTag(tagged).map((group) => ({ ...group, items: group.items.map((item) => item.article) }));
}

/** The sections that have something to read, for the site navigation. */
export async function sections(): Promise<ArticleGroup[]> {
  return groupBySection(await listedArticles());
}
