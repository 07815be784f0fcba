/**
 * JSON-LD for articles, and its safe serialisation into a <script> element.
 */

/**
 * JSON.stringify, then escape everything that could end the script element or open a comment
 * (`</script>`, `<!--`) and the line separators that break older parsers. The result is still
 * valid JSON with the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description?: string;
  images: string[];
  datePublished: string;
  dateModified: string;
  authors: { name: string; url: string }[];
  section: string;
  keywords: string[];
  /** The logo must be a raster image Google can fetch (public/logo.png, made by scripts/make-logo.ts). */
  publisher: { name: string; url: string; logo: { url: string; width: number; height: number } };
  lang: string;
  source?: {
    relationship: string;
    publisher?: string;
    url?: string;
    author?: string;
    originalPubDate?: string;
  };
}

export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const publisher = {
    '@type': 'Organization',
    name: input.publisher.name,
    url: input.publisher.url,
    logo: {
      '@type': 'ImageObject',
      url: input.publisher.logo.url,
      width: input.publisher.logo.width,
      height: input.publisher.logo.height,
    },
  };
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    ...(input.images.length ? { image: input.images } : {}),
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    inLanguage: input.lang,
    articleSection: input.section,
    ...(input.keywords.length ? { keywords: input.keywords } : {}),
    ...authorProperty(input),
    publisher,
  };
  const source = input.source;
  if (source && source.relationship !== 'original') {
    const basedOn: Record<string, unknown> = { '@type': 'CreativeWork' };
    if (source.url) basedOn.url = source.url;
    if (source.publisher) basedOn.publisher = { '@type': 'Organization', name: source.publisher };
    if (source.author) basedOn.author = { '@type': 'Person', name: source.author };
    if (source.originalPubDate) basedOn.datePublished = source.originalPubDate;
    ld.isBasedOn = basedOn;
    if (source.publisher) ld.sourceOrganization = { '@type': 'Organization', name: source.publisher };
  }
  return ld;
}

/** Our authors when we have them; else the source's credited author; else nothing (never a guess). */
function authorProperty(input: NewsArticleInput): { author?: Record<string, unknown>[] } {
  if (input.authors.length) {
    return {
      author: input.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
    };
  }
  if (input.source?.author) return { author: [{ '@type': 'Person', name: input.source.author }] };
  return {};
}
