/** Sections and tags of the listed articles, for listing pages, section feeds and navigation. */
import { groupBySlug, groupByTag, nameFromSlug, type Group } from '../lib/taxonomy';
import { listedArticles, type Article } from './articles';

export type ArticleGroup = Group<Article>;

export const groupBySection = (articles: Article[]): ArticleGroup[] => groupBySlug(articles, (article) => article.data.section);

export function groupByArticleTag(articles: Article[]): ArticleGroup[] {
  const tagged = articles.map((article) => ({ article, tags: article.data.tags, file: article.filePath ?? article.id }));
  return groupByTag(tagged).map((group) => ({ ...group, items: group.items.map((item) => item.article) }));
}

let builtSections: Promise<ArticleGroup[]> | undefined;

/**
 * The sections that have something to read, for the site navigation. Every page's header asks,
 * so a build works them out once (O(articles) once, not once per page); `astro dev` asks afresh.
 */
export function sections(): Promise<ArticleGroup[]> {
  if (import.meta.env.DEV) return listedArticles().then(groupBySection);
  builtSections ??= listedArticles().then(groupBySection);
  return builtSections;
}

/** The name readers see for a section slug (a story card's kicker, an article's section link). */
export async function sectionName(slug: string): Promise<string> {
  return (await sections()).find((section) => section.slug === slug)?.name ?? nameFromSlug(slug);
}
