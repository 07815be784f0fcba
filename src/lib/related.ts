/**
 * Related articles: the ones sharing most with this one. A shared tag counts one point and the
 * same section counts one, so two shared tags outweigh a section in common. Ties go to the newer
 * article, then to the slug in alphabetical order, so every build lists the same articles in the
 * same order.
 */
import { slugify } from './slugs.ts';

export interface RelatedCandidate {
  id: string;
  section: string;
  tags: readonly string[];
  pubDate: Date;
}

export const RELATED_LIMIT = 3;

/** How much `other` shares with `article`: shared tags (compared by slug, so "Coast" = "coast") plus one for the same section. */
export function relatedness(article: RelatedCandidate, other: RelatedCandidate): number {
  const tags = new Set(article.tags.map(slugify));
  const sharedTags = new Set(other.tags.map(slugify).filter((tag) => tags.has(tag))).size;
  return sharedTags + (article.section === other.section ? 1 : 0);
}

/** Up to `limit` candidates with something in common with `article`, most related first; never the article itself. */
export function relatedArticles<T extends RelatedCandidate>(article: RelatedCandidate, candidates: readonly T[], limit = RELATED_LIMIT): T[] {
  return candidates
    .filter((candidate) => candidate.id !== article.id)
    .map((candidate) => ({ candidate, score: relatedness(article, candidate) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.pubDate.getTime() - a.candidate.pubDate.getTime() ||
        (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
