/**
 * What the reader is told about where an article comes from. Returns plain data for the
 * SourceAttribution component: it states only what the front matter records and says plainly
 * what is not recorded, never guessing.
 */
export type Relationship = 'original' | 'syndicated' | 'adapted' | 'excerpt';

export interface Source {
  relationship: Relationship;
  publisher?: string;
  url?: string;
  author?: string;
  originalPubDate?: Date;
  licence?: string;
  attributionLine?: string;
}

export interface Attribution {
  /** The sentence shown to readers, without the link. */
  statement: string;
  /** Link to the original, when its URL is known. */
  link?: { href: string; text: string };
  /** Licence line, when recorded. */
  licence?: string;
  /** True when the copy comes from elsewhere (everything but original work). */
  fromElsewhere: boolean;
  /** Facts the source did not give us, named so readers know they are missing. */
  unknown: string[];
}

const VERB: Record<Exclude<Relationship, 'original'>, string> = {
  syndicated: 'Originally published',
  adapted: 'Adapted from an article first published',
  excerpt: 'Excerpted from an article first published',
};

const NOUN: Record<Exclude<Relationship, 'original'>, string> = {
  syndicated: 'Syndicated copy',
  adapted: 'Adapted article',
  excerpt: 'Excerpt',
};

export function describeSource(source: Source, formatDate: (date: Date) => string): Attribution {
  if (source.relationship === 'original') {
    return { statement: 'Original reporting for this publication.', fromElsewhere: false, unknown: [] };
  }
  const unknown = [
    source.publisher ? undefined : 'publisher',
    source.url ? undefined : 'original URL',
    source.originalPubDate ? undefined : 'original publication date',
  ].filter((fact): fact is string => fact !== undefined);

  let statement: string;
  if (source.publisher) {
    const by = source.author ? ` by ${source.author} for ${source.publisher}` : ` by ${source.publisher}`;
    const on = source.originalPubDate ? ` on ${formatDate(source.originalPubDate)}` : '';
    statement = `${VERB[source.relationship]}${by}${on}.`;
  } else {
    const by = source.author ? ` Written by ${source.author}.` : '';
    statement = `${NOUN[source.relationship]}; the original publisher is not recorded.${by}`;
  }

  return {
    statement,
    link: source.url ? { href: source.url, text: 'Read the original' } : undefined,
    licence: source.licence,
    fromElsewhere: true,
    unknown,
  };
}
