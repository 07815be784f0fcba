/**
 * The syndication policy: how a copy of someone else's article presents itself to search
 * engines. Google asks syndication partners to use noindex rather than a cross-domain
 * canonical, so 'noindex' is the default (SYNDICATION_POLICY, overridable per article with
 * source.policy). Original work is always indexed with a self canonical.
 */
import type { Relationship } from './attribution.ts';

export const SYNDICATION_POLICIES = ['noindex', 'canonical-to-source', 'index'] as const;
export type SyndicationPolicy = (typeof SYNDICATION_POLICIES)[number];

export interface SearchPresentation {
  canonical: string;
  robots: string;
}

const INDEX = 'index, follow, max-image-preview:large';
const NOINDEX = 'noindex, follow';

export function searchPresentation(options: {
  selfUrl: string;
  relationship: Relationship;
  sourceUrl?: string;
  sitePolicy: SyndicationPolicy;
  articlePolicy?: SyndicationPolicy;
  forceNoindex?: boolean;
}): SearchPresentation {
  const { selfUrl, relationship, sourceUrl, sitePolicy, articlePolicy, forceNoindex } = options;
  if (forceNoindex) return { canonical: selfUrl, robots: NOINDEX };
  if (relationship === 'original') return { canonical: selfUrl, robots: INDEX };
  const policy = articlePolicy ?? sitePolicy;
  if (policy === 'index') return { canonical: selfUrl, robots: INDEX };
  // A canonical needs somewhere to point: without a known source URL fall back to noindex.
  if (policy === 'canonical-to-source' && sourceUrl) return { canonical: sourceUrl, robots: INDEX };
  return { canonical: selfUrl, robots: NOINDEX };
}
