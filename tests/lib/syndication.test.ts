import { describe, expect, it } from 'vitest';
import { searchPresentation } from '../../src/lib/syndication.ts';

const selfUrl = 'https://example.org/articles/story/';
const sourceUrl = 'https://gazette.example/story';
const INDEX = 'index, follow, max-image-preview:large';
const NOINDEX = 'noindex, follow';

describe('searchPresentation', () => {
  it('indexes original work with a self canonical whatever the policy', () => {
    for (const sitePolicy of ['noindex', 'canonical-to-source', 'index'] as const) {
      expect(searchPresentation({ selfUrl, relationship: 'original', sourceUrl, sitePolicy })).toEqual({
        canonical: selfUrl,
        robots: INDEX,
      });
    }
  });

  it('keeps syndicated copies out of the index by default (Google’s advice to syndication partners)', () => {
    expect(
      searchPresentation({ selfUrl, relationship: 'syndicated', sourceUrl, sitePolicy: 'noindex' }),
    ).toEqual({ canonical: selfUrl, robots: NOINDEX });
  });

  it('points the canonical at the source when asked and the source URL is known', () => {
    expect(
      searchPresentation({ selfUrl, relationship: 'adapted', sourceUrl, sitePolicy: 'canonical-to-source' }),
    ).toEqual({ canonical: sourceUrl, robots: INDEX });
  });

  it('falls back to noindex when the canonical has nowhere to point', () => {
    expect(
      searchPresentation({ selfUrl, relationship: 'syndicated', sitePolicy: 'canonical-to-source' }),
    ).toEqual({ canonical: selfUrl, robots: NOINDEX });
  });

  it('lets the article override the site policy, both ways', () => {
    expect(
      searchPresentation({
        selfUrl,
        relationship: 'excerpt',
        sourceUrl,
        sitePolicy: 'noindex',
        articlePolicy: 'index',
      }),
    ).toEqual({ canonical: selfUrl, robots: INDEX });
    expect(
      searchPresentation({
        selfUrl,
        relationship: 'excerpt',
        sourceUrl,
        sitePolicy: 'index',
        articlePolicy: 'noindex',
      }),
    ).toEqual({ canonical: selfUrl, robots: NOINDEX });
  });

  it('never indexes a page that must not be (drafts, expired), even original work', () => {
    expect(
      searchPresentation({ selfUrl, relationship: 'original', sitePolicy: 'index', forceNoindex: true }),
    ).toEqual({ canonical: selfUrl, robots: NOINDEX });
  });
});
