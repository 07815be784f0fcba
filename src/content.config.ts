/**
 * The content model: every front-matter field an editor may write, documented where it is defined.
 * docs/editors.md is the editors' reference for these fields; a test keeps the two in step.
 *
 * Imports stay on 'astro/content/config', 'astro/loaders' and 'astro/zod' (plain modules, not the
 * `astro:content` virtual module) so that tests and the editor CLIs can load this file directly.
 */
import { defineCollection, type SchemaContext } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { frontMatterOnly } from './loaders/front-matter-only.ts';
import { articleIdFromPath, SLUG_PATTERN } from './lib/slugs.ts';
import { isHttpUrl } from './lib/urls.ts';
import { hasUnsafeCharacters } from './lib/text.ts';

export const RELATIONSHIPS = ['original', 'syndicated', 'adapted', 'excerpt'] as const;
export const SYNDICATION_POLICIES = ['noindex', 'canonical-to-source', 'index'] as const;

/** Text shown to readers: trimmed, non-empty, free of control characters and bidi overrides. */
const displayText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasUnsafeCharacters(value), 'must not contain control characters or bidi overrides');

/** An absolute http(s) URL. zod's url() alone accepts javascript: and data: URLs. */
const httpUrl = z.string().trim().refine(isHttpUrl, 'must be an absolute http:// or https:// URL');

/**
 * A moment in time. YAML timestamps arrive as Date objects; quoted strings must be ISO 8601.
 * The front-matter checker (src/lib/frontmatter-check.ts) additionally requires an explicit
 * timezone offset and rejects impossible calendar dates that YAML would roll over.
 */
const instant = z.coerce.date({ error: 'must be a date such as 2026-11-29T09:00:00+00:00' });

const slug = z.string().regex(SLUG_PATTERN, 'must be lowercase letters, digits and single hyphens, e.g. my-article');

export const sourceSchema = z.strictObject({
  /** How this copy relates to the original: original (ours), syndicated (republished verbatim under licence), adapted (rewritten from), excerpt (a part of). */
  relationship: z.enum(RELATIONSHIPS),
  /** Who first published the piece. Leave out when unknown: the page then says it is not recorded. */
  publisher: displayText(200).optional(),
  /** Where the original lives (http/https only). Leave out when unknown; syndicated copies without it build with a warning. */
  url: httpUrl.optional(),
  /** The original author's name as credited by the source, when known. */
  author: displayText(200).optional(),
  /** When the source first published it, when known. */
  originalPubDate: instant.optional(),
  /** Licence or agreement under which we republish, e.g. "Wire agreement 2026" or "CC BY 4.0". */
  licence: displayText(200).optional(),
  /** The attribution line exactly as it arrived with wire copy (e.g. "Read Full Article"), kept for the record. */
  attributionLine: displayText(300).optional(),
  /** Overrides the site's syndication policy (SYNDICATION_POLICY) for this article. */
  policy: z.enum(SYNDICATION_POLICIES).optional(),
});

/*
 * Astro calls a collection's schema function once per entry, with an image() bound to that file.
 * Building every field's schema in that call cost ~0.3 ms an entry (3 s of content sync at 10,000
 * articles), so only what needs image() is built there; the rest is built once, here.
 */

/** The lead image's fields besides the file itself. */
const heroFields = {
  /** What the image shows, for readers who cannot see it. Required unless decorative is true. */
  alt: displayText(300).optional(),
  /** True when the image adds nothing a reader would miss; then alt may be left out. */
  decorative: z.boolean().default(false),
  /** Caption shown under the image. */
  caption: displayText(500).optional(),
  /** Photographer or agency credit. */
  credit: displayText(200).optional(),
};

/** The article fields before heroImage (their order is the order editors see them listed in errors). */
const fieldsBeforeHero = {
  /** Headline. */
  title: displayText(200),
  /** Dek (standfirst) shown under the headline and used as meta description. Leave out if the source has none: the lede is used for meta. */
  description: displayText(400).optional(),
  /** When this site publishes the piece, with timezone offset. In the future: held back until a build runs after it. */
  pubDate: instant,
  /** When the piece was last meaningfully updated (shown to readers, used as dateModified). */
  updatedDate: instant.optional(),
  /** After this moment the article leaves listings and feeds and its URL says it is no longer available (e.g. end of a wire licence). */
  expires: instant.optional(),
  /** Author ids: file names in content/authors/ without extension. Empty for wire copy with no byline. */
  authors: z.array(slug).default([]),
  /** Section slug, e.g. news, entertainment, technology. */
  section: slug,
  /** Free-form tags, e.g. "Chrissy Teigen". Their URL slug is derived. */
  tags: z.array(displayText(60)).max(20, 'at most 20 tags').default([]),
};

/** The article fields after heroImage. */
const fieldsAfterHero = {
  /** Where the piece comes from. Every article has one: original work says relationship: original. */
  source: sourceSchema,
  /** A note shown before the body, e.g. "This article discusses pregnancy loss." */
  contentNote: displayText(300).optional(),
  /** Corrections and updates, shown at the end of the article; the latest date counts as dateModified. */
  corrections: z.array(z.strictObject({ date: instant, text: displayText(1000) })).default([]),
  /** Former slugs that should keep working (redirects). */
  aliases: z.array(slug).default([]),
  /** Overrides the URL slug derived from the file or folder name. */
  slug: slug.optional(),
  /** False keeps straight quotes and dashes exactly as written (set by the wire importer). */
  smartPunctuation: z.boolean().default(true),
  /**
   * Pins the article as the front page's lead story until `until` (at most MAX_PIN_DAYS after
   * pubDate, so a pin cannot stay forever; the content check says so). Without a pin, the newest
   * story leads. Of several pinned stories, the most recently published leads.
   */
  featured: z.strictObject({ /** When the pin ends, with timezone offset. */ until: instant }).optional(),
  /** Drafts appear in `npm run dev` only. */
  draft: z.boolean().default(false),
};

export const articleSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    ...fieldsBeforeHero,
    /** The lead image: a path relative to the article file. */
    heroImage: z
      .strictObject({
        /** Image file next to the article, e.g. ./harbour.jpg */
        src: image(),
        ...heroFields,
      })
      .refine((hero) => hero.decorative || hero.alt !== undefined, {
        message: 'alt text is required unless decorative: true',
        path: ['alt'],
      })
      .optional(),
    ...fieldsAfterHero,
  });

export const authorSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    /** Full name as shown in bylines. */
    name: displayText(120),
    /** One or two sentences shown on the author page. */
    bio: displayText(600),
    /** The author's own site (http/https). */
    url: httpUrl.optional(),
    /** Portrait next to the author file. */
    avatar: image().optional(),
    /** Profiles elsewhere (http/https), emitted as schema.org sameAs. */
    sameAs: z.array(httpUrl).default([]),
  });

/**
 * A standing page (content/pages/<slug>.md, shown at /<slug>/): about, contact, corrections
 * policy, editorial standards. Readers and Google News look for these to judge a publication.
 */
export const pageSchema = z.strictObject({
  /** The page heading and <title>. */
  title: displayText(120),
  /** One sentence for search results and link previews. */
  description: displayText(300),
  /** When the page last changed meaningfully (shown under the heading). */
  updatedDate: instant.optional(),
});

/**
 * content/sections.yaml: the site's sections, listed under `sections:` in menu order. An article's
 * `section:` must be one of their slugs (src/lib/frontmatter-check.ts); src/lib/sections.ts reads it.
 */
export const sectionsFileSchema = z.strictObject({
  sections: z.array(
    z.strictObject({
      /** The slug articles write in `section:`, and the page's URL: /sections/<slug>/. */
      slug,
      /** The name shown in the site menu and as the section page's heading. */
      name: displayText(60),
      /** One or two sentences shown on the section page (and as its meta description). */
      description: displayText(300),
    }),
  ),
});

const articles = defineCollection({
  // Front matter only: pages render bodies on demand (src/data/article-body.ts), so the data store
  // stays small at archive scale (src/loaders/front-matter-only.ts says why).
  loader: frontMatterOnly(
    glob({
      base: './content/articles',
      pattern: ['*.md', '*/index.md'],
      generateId: ({ entry, data }) => (typeof data.slug === 'string' ? data.slug : articleIdFromPath(entry)),
      retainBody: false,
    }),
    './content/articles/',
  ),
  schema: articleSchema,
});

const authors = defineCollection({
  loader: glob({ base: './content/authors', pattern: ['*.md', '*.yaml', '*.yml'] }),
  schema: authorSchema,
});

const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: ['*.md'] }),
  schema: pageSchema,
});

export const collections = { articles, authors, pages };
