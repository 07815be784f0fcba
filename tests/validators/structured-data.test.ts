import { describe, expect, it } from 'vitest';
import { jsonLdBlocksOf, validateJsonLd } from '../../scripts/verify/structured-data.ts';

const article = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/a/' },
  headline: 'A',
  image: ['https://news.example.org/a-16x9.jpg'],
  datePublished: '2026-11-28T18:00:00+00:00',
  dateModified: '2026-11-29T09:30:00Z',
  author: [
    { '@type': 'Person', name: 'Amara Okafor', url: 'https://news.example.org/authors/amara-okafor/' },
  ],
  publisher: {
    '@type': 'Organization',
    name: 'N',
    url: 'https://news.example.org/',
    logo: { '@type': 'ImageObject', url: 'https://news.example.org/logo.png' },
  },
  ...overrides,
});

describe('validateJsonLd', () => {
  it('accepts a NewsArticle with everything Google recommends', () => {
    expect(validateJsonLd(article())).toEqual({ errors: [], recommendations: [] });
  });

  it('reports misspelt properties, relative URLs, dates without a zone and impossible dates', () => {
    const { errors } = validateJsonLd(
      article({
        datePublised: '2026-11-28',
        image: ['/a.jpg'],
        dateModified: '2026-11-29T09:30:00',
        dateCreated: '2026-02-30',
      }),
    );
    expect(errors).toEqual([
      'image[0]: "/a.jpg" is not an absolute http(s) URL or a ImageObject node',
      'dateModified: "2026-11-29T09:30:00" is not an ISO 8601 date-time with a time zone or an ISO 8601 date',
      'NewsArticle: "datePublised" is not a schema.org property of NewsArticle',
      'dateCreated: "2026-02-30" is not an ISO 8601 date-time with a time zone or an ISO 8601 date',
    ]);
  });

  it('reports a node of the wrong type, a missing required property and an unknown type', () => {
    const { errors } = validateJsonLd(
      article({
        headline: undefined,
        author: [{ '@type': 'ImageObject', url: 'https://x.example/' }],
        publisher: { '@type': 'Corporation', name: 'N' },
      }),
    );
    expect(errors).toEqual([
      'author[0]: a ImageObject node cannot stand here (schema.org expects Person or Organization)',
      'publisher: @type Corporation is not one this validator knows (add it with its schema.org properties)',
      'NewsArticle: required "headline" is missing',
    ]);
  });

  it('lists missing recommended properties separately from errors', () => {
    const { errors, recommendations } = validateJsonLd(article({ author: undefined, image: undefined }));
    expect(errors).toEqual([]);
    expect(recommendations).toEqual([
      'NewsArticle: recommended "author" is missing',
      'NewsArticle: recommended "image" is missing',
    ]);
  });

  it('checks nested nodes: an author Person without a name is an error', () => {
    expect(
      validateJsonLd(article({ author: [{ '@type': 'Person', url: 'https://x.example/' }] })).errors,
    ).toEqual(['author[0] (Person): required "name" is missing']);
  });

  it('checks breadcrumbs as Google requires them', () => {
    const trail = (items: object[]) =>
      validateJsonLd({ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: items })
        .errors;
    expect(
      trail([
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example.org/' },
        { '@type': 'ListItem', position: 2, name: 'News' },
      ]),
    ).toEqual([]);
    expect(trail([{ '@type': 'ListItem', position: 2, name: 'News' }])).toEqual([
      'BreadcrumbList: a breadcrumb trail needs at least two ListItems',
      'BreadcrumbList.itemListElement[0]: position should be 1',
    ]);
  });

  it('requires the schema.org context and validates every node of a @graph', () => {
    expect(
      validateJsonLd({ '@context': 'http://example.org', '@graph': [{ '@type': 'Person' }] }).errors,
    ).toEqual([
      '@context is "http://example.org", expected "https://schema.org"',
      '@graph[0] (Person): required "name" is missing',
    ]);
  });
});

describe('jsonLdBlocksOf', () => {
  it('parses each block and names one that does not parse', () => {
    const html =
      '<script type="application/ld+json">{"@type":"Thing"}</script><script type="application/ld+json">{oops</script>';
    const { blocks, errors } = jsonLdBlocksOf(html);
    expect(blocks).toEqual([{ '@type': 'Thing' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^JSON-LD block 2 does not parse/);
  });
});
