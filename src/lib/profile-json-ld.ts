/**
 * JSON-LD for an author page: a ProfilePage whose main entity is the Person (Google's profile
 * page markup). sameAs lists the author's own site and profiles, each once, only when recorded.
 */
export interface PersonInput {
  /** Absolute URL of the author page. */
  url: string;
  name: string;
  bio: string;
  /** Absolute URL of the portrait. */
  image?: string | undefined;
  /** The author's own site. */
  website?: string | undefined;
  /** Profiles elsewhere. */
  sameAs: string[];
}

/** The author's own site and profiles, each once, in the order recorded. */
export function authorLinks(website: string | undefined, profiles: string[]): string[] {
  return [...new Set([website, ...profiles].filter((url): url is string => Boolean(url)))];
}

export function profilePageJsonLd(person: PersonInput): Record<string, unknown> {
  const sameAs = authorLinks(person.website, person.sameAs);
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: person.url,
    mainEntity: {
      '@type': 'Person',
      '@id': `${person.url}#person`,
      name: person.name,
      url: person.url,
      description: person.bio,
      ...(person.image ? { image: person.image } : {}),
      ...(sameAs.length ? { sameAs } : {}),
    },
  };
}
