import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd, type NewsArticleInput } from '../../src/lib/json-ld.ts';

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '<!--<script>',
  '</SCRIPT >',
  'a & b',
  'line\u2028separator\u2029',
  '"quotes" \\ backslash',
];

describe('serializeJsonLd', () => {
  it.each(HOSTILE)('cannot end the script element or open a comment: %j', (value) => {
    const json = serializeJsonLd({ headline: value, nested: [{ name: value }] });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline: value, nested: [{ name: value }] });
  });
});

const input: NewsArticleInput = {
  url: 'https://example.org/articles/story/',
  headline: 'The harbour light returns',
  description: 'Volunteers restored the lamp.',
  images: ['https://example.org/_astro/hero.jpg'],
  datePublished: '2026-11-28T18:00:00+00:00',
  dateModified: '2026-11-29T09:00:00+00:00',
  authors: [{ name: 'Amara Okafor', url: 'https://example.org/authors/amara-okafor/' }],
  section: 'news',
  keywords: ['Coast'],
  publisher: {
    name: 'The Wirepress Review',
    url: 'https://example.org/',
    logo: { url: 'https://example.org/logo.png', width: 600, height: 60 },
  },
  lang: 'en-GB',
};

describe('newsArticleJsonLd', () => {
  it('describes original work with our authors and no source', () => {
    const ld = newsArticleJsonLd({ ...input, source: { relationship: 'original' } });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
      headline: input.headline,
      image: input.images,
      author: [{ '@type': 'Person', name: 'Amara Okafor', url: input.authors[0]!.url }],
      publisher: { '@type': 'Organization', name: 'The Wirepress Review' },
    });
    expect(ld.isBasedOn).toBeUndefined();
    expect(ld.sourceOrganization).toBeUndefined();
  });

  it('records a syndicated source as isBasedOn and sourceOrganization, with only the known facts', () => {
    const ld = newsArticleJsonLd({
      ...input,
      authors: [],
      source: {
        relationship: 'syndicated',
        publisher: 'Harbour Gazette',
        url: 'https://gazette.example/story',
        author: 'Sam Lee',
        originalPubDate: '2026-11-01T08:00:00+00:00',
      },
    });
    expect(ld.isBasedOn).toEqual({
      '@type': 'CreativeWork',
      url: 'https://gazette.example/story',
      publisher: { '@type': 'Organization', name: 'Harbour Gazette' },
      author: { '@type': 'Person', name: 'Sam Lee' },
      datePublished: '2026-11-01T08:00:00+00:00',
    });
    expect(ld.sourceOrganization).toEqual({ '@type': 'Organization', name: 'Harbour Gazette' });
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Sam Lee' }]);
  });

  it('gives the publisher logo as an ImageObject with its pixel size', () => {
    expect(newsArticleJsonLd(input).publisher).toEqual({
      '@type': 'Organization',
      name: 'The Wirepress Review',
      url: 'https://example.org/',
      logo: { '@type': 'ImageObject', url: 'https://example.org/logo.png', width: 600, height: 60 },
    });
  });

  it('invents nothing for wire copy with no recorded source facts', () => {
    const ld = newsArticleJsonLd({
      ...input,
      authors: [],
      images: [],
      keywords: [],
      description: undefined,
      source: { relationship: 'syndicated' },
    });
    expect(ld.isBasedOn).toEqual({ '@type': 'CreativeWork' });
    for (const key of ['author', 'image', 'keywords', 'description', 'sourceOrganization'])
      expect(ld[key], key).toBeUndefined();
  });
});
