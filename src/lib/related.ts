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

/**
 * How much `other` shares with `article`: shared tags (compared by slug, so "Coast" = "coast") plus one for
 * the same section.
 */
export function relatedness(article: RelatedCandidate, other: RelatedCandidate): number {
  const tags = new Set(article.tags.map(slugify));
  const sharedTags = new Set(other.tags.map(slugify).filter((tag) => tags.has(tag))).size;
  return sharedTags + (article.section === other.section ? 1 : 0);
}

/**
 * A finder over a fixed list of candidates for the related articles of many articles. A build
 * asks for every article's list, so a query must not look at the whole archive: that made the
 * build quadratic (10,000 articles: ~8 ms a page; 100,000: hours; docs/performance.md).
 *
 * Candidates are indexed by tag (inverted lists in rank order: newer first, then slug). A query
 * counts shared tags over its tags' lists only; candidates that share just the section all score
 * one, so among them only the newest few can make the list, and they are the first few of the
 * section's list. Articles with the same section and tags get the same answer, so it is kept.
 */
export function relatedFinder<T extends RelatedCandidate>(
  candidates: readonly T[],
  limit = RELATED_LIMIT,
): (article: RelatedCandidate) => T[] {
  if (limit <= 0) return () => [];
  const ranked = candidates
    .map((candidate) => ({ candidate, time: candidate.pubDate.getTime() }))
    .sort(
      (a, b) =>
        b.time - a.time || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
    )
    .map(({ candidate }) => candidate);
  const byTag = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  const listFor = (index: Map<string, number[]>, key: string) =>
    index.get(key) ?? index.set(key, []).get(key)!;
  ranked.forEach((candidate, rank) => {
    for (const tag of new Set(candidate.tags.map(slugify))) listFor(byTag, tag).push(rank);
    listFor(bySection, candidate.section).push(rank);
  });
  // Each candidate's section as a number, side by side: a query compares the section of tens of
  // thousands of candidates, and reading it from each candidate's object (scattered in memory),
  // with an object allocated per candidate, made the bench corpus's 100,000 related lists take
  // 2.5 times as long (300 s against 120 on a busy machine; docs/performance.md, eighth round).
  const sectionNumbers = new Map([...bySection.keys()].map((section, number) => [section, number]));
  const sectionOf = Uint32Array.from(ranked, (candidate) => sectionNumbers.get(candidate.section)!);
  const sharedTags = new Uint16Array(ranked.length);
  // One more than asked for, so the article itself can be left out of its own answer.
  const wanted = limit + 1;
  type Scored = { rank: number; score: number };
  const ranksBefore = (rank: number, score: number, other: Scored) =>
    score !== other.score ? score > other.score : rank < other.rank;
  // Most candidates of a query do not make its list: they are turned away before any allocation.
  const keepBest = (best: Scored[], rank: number, score: number) => {
    if (best.length === wanted && !ranksBefore(rank, score, best[wanted - 1]!)) return;
    let at = best.length;
    while (at > 0 && ranksBefore(rank, score, best[at - 1]!)) at -= 1;
    best.splice(at, 0, { rank, score });
    if (best.length > wanted) best.pop();
  };

  function bestFor(section: string, tags: readonly string[]): number[] {
    const touched: number[] = [];
    for (const tag of tags) {
      for (const rank of byTag.get(tag) ?? []) {
        if (sharedTags[rank] === 0) touched.push(rank);
        sharedTags[rank] += 1;
      }
    }
    const best: Scored[] = [];
    const sectionNumber = sectionNumbers.get(section);
    for (const rank of touched)
      keepBest(best, rank, sharedTags[rank]! + (sectionOf[rank] === sectionNumber ? 1 : 0));
    let sectionOnly = 0;
    for (const rank of bySection.get(section) ?? []) {
      if (sectionOnly === wanted) break;
      if (sharedTags[rank] === 0) {
        keepBest(best, rank, 1);
        sectionOnly += 1;
      }
    }
    for (const rank of touched) sharedTags[rank] = 0;
    return best.map(({ rank }) => rank);
  }

  const answers = new Map<string, number[]>();
  return (article) => {
    const tags = [...new Set(article.tags.map(slugify))].sort();
    const signature = JSON.stringify([article.section, tags]);
    let best = answers.get(signature);
    if (!best) answers.set(signature, (best = bestFor(article.section, tags)));
    return best
      .map((rank) => ranked[rank]!)
      .filter((candidate) => candidate.id !== article.id)
      .slice(0, limit);
  };
}

/** Up to `limit` candidates with something in common with `article`, most related first; never the article itself. */
export function relatedArticles<T extends RelatedCandidate>(
  article: RelatedCandidate,
  candidates: readonly T[],
  limit = RELATED_LIMIT,
): T[] {
  return relatedFinder(candidates, limit)(article);
}
