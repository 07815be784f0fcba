/** Every URL an article claims (its slug and its aliases) belongs to one article only. */
import type { CheckedArticle } from './checked-articles.ts';
import type { ProblemReport } from './frontmatter-check-report.ts';
import type { FrontMatter, Position } from './frontmatter-check-yaml.ts';

/** A URL an article claims, and where: its slug (from `slug:` or its file name) or an alias. */
export interface UrlClaim {
  article: CheckedArticle;
  field: string;
  slug: string;
  position: Position;
}

/** Reports every claim on a URL that another article (or another field of the same one) also claims. */
export function reportUrlClashes(report: ProblemReport, claims: readonly UrlClaim[]) {
  for (const claimants of clashes(claims)) {
    for (const claim of claimants) {
      const others = claimants
        .filter((other) => other.article !== claim.article || other.position !== claim.position)
        .map((other) => report.relativeFile(other.article.file));
      report.add(claim.article.file, claim.position, {
        field: claim.field,
        message: `the URL /articles/${claim.slug}/ is also claimed by ${[...new Set(others)].join(', ')}`,
        hint:
          'give one of them a different `slug:` (or rename its file or folder), ' +
          'or remove the clashing alias',
        expected: 'a URL slug no other article uses',
      });
    }
  }
}

/**
 * The URLs one article claims, its slug and its aliases, with where each is written: taken while
 * its front matter is at hand, so the check need not keep every article's parsed YAML for this.
 */
export function urlClaimsOf(article: CheckedArticle, frontMatter: FrontMatter): UrlClaim[] {
  const ownField = typeof article.data.slug === 'string' ? 'slug' : '(file name)';
  const ownPosition = ownField === 'slug' ? frontMatter.positionOf(['slug']) : { line: 1, column: 1 };
  const own: UrlClaim = { article, field: ownField, slug: article.id, position: ownPosition };
  const aliases = Array.isArray(article.data.aliases) ? article.data.aliases : [];
  const aliasClaims = aliases.flatMap((alias, index): UrlClaim[] =>
    typeof alias === 'string'
      ? [
          {
            article,
            field: `aliases[${index}]`,
            slug: alias,
            position: frontMatter.positionOf(['aliases', index]),
          },
        ]
      : [],
  );
  return [own, ...aliasClaims];
}

/** Groups of two or more claims on one URL (article slugs and aliases), compared case-insensitively. */
function clashes(claims: readonly UrlClaim[]): UrlClaim[][] {
  const byUrl = new Map<string, UrlClaim[]>();
  for (const claim of claims) {
    const key = claim.slug.toLowerCase();
    const group = byUrl.get(key);
    if (group) group.push(claim);
    else byUrl.set(key, [claim]);
  }
  return [...byUrl.values()].filter((group) => group.length > 1);
}
