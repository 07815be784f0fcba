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

/**
 * A finder over a fixed list of candidates for the related articles of many articles: each
 * candidate's tag slugs are computed once, and each query is one pass keeping only the best
 * `limit`. A build asks for every article's related list; re-slugifying and sorting the whole
 * archive per page made article pages cost O(N) each and the build quadratic (docs/performance.md).
 */
export function relatedFinder<T extends RelatedCandidate>(candidates: readonly T[], limit = RELATED_LIMIT): (article: RelatedCandidate) => T[] {
  const prepared = candidates.map((candidate) => ({ candidate, tags: new Set(candidate.tags.map(slugify)), time: candidate.pubDate.getTime() }));
  if (limit <= 0) return () => [];
  type Scored = { candidate: T; score: number; time: number };
  // Higher score first, then newer, then slug in alphabetical order.
  const ranksBefore = (a: Scored, b: Scored) =>
    a.score !== b.score ? a.score > b.score : a.time !== b.time ? a.time > b.time : a.candidate.id < b.candidate.id;
  return (article) => {
    const tags = new Set(article.tags.map(slugify));
    const best: Scored[] = [];
    for (const { candidate, tags: candidateTags, time } of prepared) {
      if (candidate.id === article.id) continue;
      let score = candidate.section === article.section ? 1 : 0;
      for (const tag of candidateTags) if (tags.has(tag)) score += 1;
      if (score === 0) continue;
      const scored = { candidate, score, time };
      if (best.length === limit && !ranksBefore(scored, best[limit - 1]!)) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(scored, best[at - 1]!)) at -= 1;
      best.splice(at, 0, scored);
      if (best.length > limit) best.pop();
    }
    return best.map(({ candidate }) => candidate);
  };
}

/** Up to `limit` candidates with something in common with `article`, most related first; never the article itself. */
export function relatedArticles<T extends RelatedCandidate>(article: RelatedCandidate, candidates: readonly T[], limit = RELATED_LIMIT): T[] {
  return relatedFinder(candidates, limit)(article);
}
