/**
 * relatedFinder answers from an inverted index instead of scoring and sorting every candidate:
 * it must pick exactly what the plain definition picks (score, then newer, then slug), for any
 * archive, including ties, duplicate tags, articles that share only a section, and articles
 * that are not candidates themselves (expired ones have a page but are not listed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relatedFinder, relatedness, type RelatedCandidate } from '../../src/lib/related.ts';

/** The definition, written as plainly as possible: score all, sort all, take the first few. */
function byDefinition(
  article: RelatedCandidate,
  candidates: readonly RelatedCandidate[],
  limit: number,
): string[] {
  return candidates
    .filter((candidate) => candidate.id !== article.id)
    .map((candidate) => ({ candidate, score: relatedness(article, candidate) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.pubDate.getTime() - a.candidate.pubDate.getTime() ||
        (a.candidate.id < b.candidate.id ? -1 : 1),
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate.id);
}

const candidate = fc.record({
  id: fc.stringMatching(/^[a-e]{1,2}$/),
  section: fc.constantFrom('news', 'sport', 'culture'),
  tags: fc.array(fc.constantFrom('Coast', 'coast', 'Rail', 'Budget', 'Music'), { maxLength: 4 }),
  // Few distinct dates, so ties on score and date are common.
  pubDate: fc.integer({ min: 0, max: 3 }).map((day) => new Date(Date.UTC(2026, 0, 1 + day))),
});

describe('relatedFinder', () => {
  it('picks what the definition picks, in the same order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 25 }),
        fc.integer({ min: 0, max: 5 }),
        (archive, limit) => {
          const find = relatedFinder(archive, limit);
          for (const article of archive) {
            expect(find(article).map((c) => c.id)).toEqual(byDefinition(article, archive, limit));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('picks what the definition picks for articles outside the archive', () => {
    const outsider = candidate.map((article) => ({ ...article, id: `q-${article.id}` }));
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 25 }),
        fc.array(outsider, { maxLength: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (archive, queries, limit) => {
          const find = relatedFinder(archive, limit);
          for (const article of queries)
            expect(find(article).map((c) => c.id)).toEqual(byDefinition(article, archive, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});
