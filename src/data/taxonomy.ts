/** Sections and tags of the listed articles, for listing pages, section feeds and navigation. */
import { groupBySlug, groupByTag, nameFromSlug, type Group } from '../lib/taxonomy';
import { declaredSections } from '../lib/sections';
import { listedArticles, type Article } from './articles';

export type ArticleGroup = Group<Article>;

/** A section's listing group, with its declared description when content/sections.yaml gives one. */
export type SectionGroup = ArticleGroup & { description?: string | undefined };

const siteRoot: string = import.meta.env.SITE_ROOT;

/**
 * Articles by section, named, described and ordered as content/sections.yaml declares them
 * (src/lib/sections.ts); without that file, by slug, named after it.
 */
export function groupBySection(articles: Article[]): SectionGroup[] {
  const groups = groupBySlug(articles, (article) => article.data.section);
  const declared = declaredSections(siteRoot);
  if (!declared) return groups;
  const bySlug = new Map(groups.map((group) => [group.slug, group]));
  return declared.flatMap(({ slug, name, description }) => {
    const group = bySlug.get(slug);
    return group ? [{ ...group, name, description }] : [];
  });
}

export function groupByArticleTag(articles: Article[]): ArticleGroup[] {
  const tagged = articles.map((article) => ({
    article,
    tags: article.data.tags,
    file: article.filePath ?? article.id,
  }));
  return groupByTag(tagged).map((group) => ({ ...group, items: group.items.map((item) => item.article) }));
}

let builtSections: Promise<SectionGroup[]> | undefined;

/**
 * The sections that have something to read, in menu order, for the site navigation. Every page's header asks,
 * so a build works them out once (O(articles) once, not once per page); `astro dev` asks afresh.
 */
export function sections(): Promise<SectionGroup[]> {
  if (import.meta.env.DEV) return listedArticles().then(groupBySection);
  builtSections ??= listedArticles().then(groupBySection);
  return builtSections;
}

/** The name readers see for a section slug (a story card's kicker, an article's section link). */
export async function sectionName(slug: string): Promise<string> {
  return (await sections()).find((section) => section.slug === slug)?.name ?? nameFromSlug(slug);
}
