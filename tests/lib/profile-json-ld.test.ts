import { describe, expect, it } from 'vitest';
import { authorLinks, profilePageJsonLd } from '../../src/lib/profile-json-ld.ts';

describe('profilePageJsonLd', () => {
  it('describes the author as the Person of a ProfilePage, with sameAs from their links', () => {
    expect(
      profilePageJsonLd({
        url: 'https://news.example/authors/a/',
        name: 'A. Writer',
        bio: 'Writes.',
        image: 'https://news.example/_astro/a.jpg',
        website: 'https://a.example/',
        sameAs: ['https://social.example/@a', 'https://a.example/'],
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://news.example/authors/a/',
      mainEntity: {
        '@type': 'Person',
        '@id': 'https://news.example/authors/a/#person',
        name: 'A. Writer',
        url: 'https://news.example/authors/a/',
        description: 'Writes.',
        image: 'https://news.example/_astro/a.jpg',
        sameAs: ['https://a.example/', 'https://social.example/@a'],
      },
    });
  });

  it('leaves out image and sameAs when unknown', () => {
    const person = profilePageJsonLd({
      url: 'https://n.example/authors/b/',
      name: 'B',
      bio: 'Bio.',
      sameAs: [],
    }).mainEntity as object;
    expect(Object.keys(person)).not.toContain('sameAs');
    expect(Object.keys(person)).not.toContain('image');
    expect(authorLinks(undefined, [])).toEqual([]);
  });
});
