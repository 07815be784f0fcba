/**
 * What the reader is told about where an article comes from, in plain sentences built only from
 * what the front matter records. A fact that is missing is said to be missing, never guessed.
 * Returns plain data for the SourceAttribution component.
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
  /** Sentences shown to readers, in order, without the link. */
  sentences: string[];
  /** Link to the original, when its URL is known. */
  link?: { href: string; text: string };
  /** The attribution line exactly as the copy arrived with it (e.g. "Read Full Article"), shown as a quotation. */
  copyLine?: string;
  /** True when the copy comes from elsewhere (everything but original work). */
  fromElsewhere: boolean;
}

/** How the piece was first published, when the publisher is known: "{verb} by {publisher}". */
const FIRST_PUBLISHED: Record<Exclude<Relationship, 'original'>, string> = {
  syndicated: 'First published',
  adapted: 'Adapted from a story first published',
  excerpt: 'An excerpt from a story first published',
};

/** What this copy is, when the publisher is not known: "This is {noun} republished by {site}." */
const UNNAMED: Record<Exclude<Relationship, 'original'>, string> = {
  syndicated: 'wire copy',
  adapted: 'a story adapted from wire copy',
  excerpt: 'an excerpt of wire copy',
};

/** What the copy left out, keyed by "publisher known/URL known". */
const MISSING: Record<string, string | undefined> = {
  'false/false': 'The copy did not name its original publisher or link to it.',
  'false/true': 'The copy did not name its original publisher.',
  'true/false': 'The copy did not link to the original.',
  'true/true': undefined,
};

export function describeSource(
  source: Source,
  siteName: string,
  formatDate: (date: Date) => string,
): Attribution {
  if (source.relationship === 'original') {
    return { sentences: [`Original reporting by ${siteName}.`], fromElsewhere: false };
  }
  const sentences: string[] = [];
  const on = source.originalPubDate ? ` on ${formatDate(source.originalPubDate)}` : '';
  if (source.publisher) {
    const by = source.author ? `${source.author} for ${source.publisher}` : source.publisher;
    sentences.push(`${FIRST_PUBLISHED[source.relationship]} by ${by}${on}.`);
  } else {
    sentences.push(`This is ${UNNAMED[source.relationship]} republished by ${siteName}.`);
    if (source.author) sentences.push(`It was written by ${source.author}${on}.`);
    else if (on) sentences.push(`It was first published${on}.`);
  }
  if (source.licence) sentences.push(`Republished under ${source.licence}.`);
  const unstated = MISSING[`${Boolean(source.publisher)}/${Boolean(source.url)}`];
  if (unstated) sentences.push(unstated);

  return {
    sentences,
    ...(source.url && {
      link: {
        href: source.url,
        text: source.publisher ? `Read the original at ${source.publisher}` : 'Read the original',
      },
    }),
    ...(source.attributionLine && { copyLine: source.attributionLine }),
    fromElsewhere: true,
  };
}
