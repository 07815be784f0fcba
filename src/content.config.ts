/**
 * The content model: every front-matter field an editor may write, documented where it is defined:
 * each field's `.meta()` holds its description and an example, which the content check's messages
 * use (src/lib/frontmatter-check-schema.ts reads them through z.toJSONSchema). docs/editors.md is the
 * editors' reference for these fields; a test keeps the two in step.
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
import { INSTANT_EXAMPLE } from './lib/frontmatter-check-dates.ts';
import { SYNDICATION_POLICIES } from './lib/syndication.ts';

export const RELATIONSHIPS = ['original', 'syndicated', 'adapted', 'excerpt'] as const;

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
 * The front-matter checker (src/lib/frontmatter-check-dates.ts) additionally requires an explicit
 * timezone offset and rejects impossible calendar dates that YAML would roll over.
 */
const instant = z.coerce.date({ error: `must be a date such as ${INSTANT_EXAMPLE}` });

const slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be lowercase letters, digits and single hyphens, e.g. my-article');

export const sourceSchema = z.strictObject({
  relationship: z.enum(RELATIONSHIPS).meta({
    description:
      'How this copy relates to the original: original (ours), syndicated (republished verbatim under ' +
      'licence), adapted (rewritten from), excerpt (a part of).',
    examples: ['original'],
  }),
  publisher: displayText(200)
    .optional()
    .meta({
      description:
        'Who first published the piece. Leave out when unknown: the page then says it is not recorded.',
      examples: ['Coast Wire'],
    }),
  url: httpUrl.optional().meta({
    description:
      'Where the original lives (http/https only). Leave out when unknown; syndicated copies without it ' +
      'build with a warning.',
    examples: ['https://example.com/original-story'],
  }),
  author: displayText(200)
    .optional()
    .meta({
      description: "The original author's name as credited by the source, when known.",
      examples: ['Jo Bell'],
    }),
  originalPubDate: instant
    .optional()
    .meta({ description: 'When the source first published it, when known.', examples: [INSTANT_EXAMPLE] }),
  licence: displayText(200)
    .optional()
    .meta({
      description:
        'Licence or agreement under which we republish, e.g. "Wire agreement 2026" or "CC BY 4.0".',
      examples: ['Wire agreement 2026'],
    }),
  attributionLine: displayText(300)
    .optional()
    .meta({
      description: 'The attribution line exactly as it arrived with wire copy, kept for the record.',
      examples: ['Read Full Article'],
    }),
  policy: z
    .enum(SYNDICATION_POLICIES)
    .optional()
    .meta({
      description: "Overrides the site's syndication policy (SYNDICATION_POLICY) for this article.",
      examples: ['canonical-to-source'],
    }),
});

/*
 * Astro calls a collection's schema function once per entry, with an image() bound to that file.
 * Building every field's schema in that call cost ~0.3 ms an entry (3 s of content sync at 10,000
 * articles), so only what needs image() is built there; the rest is built once, here.
 */

/** The lead image's fields besides the file itself. */
const heroFields = {
  alt: displayText(300)
    .optional()
    .meta({
      description: 'What the image shows, for readers who cannot see it. Required unless decorative is true.',
      examples: ['What the photo shows'],
    }),
  decorative: z
    .boolean()
    .default(false)
    .meta({
      description: 'True when the image adds nothing a reader would miss; then alt may be left out.',
      examples: [true],
    }),
  caption: displayText(500)
    .optional()
    .meta({ description: 'Caption shown under the image.', examples: ['The lamp lit again on Saturday.'] }),
  credit: displayText(200)
    .optional()
    .meta({ description: 'Photographer or agency credit.', examples: ['Photo by Jo Bell'] }),
};
const heroImageMeta = {
  description: 'The lead image: a path relative to the article file.',
  examples: [{ src: './photo.jpg', alt: 'What the photo shows' }],
};
const heroSrcMeta = {
  description: 'Image file next to the article, e.g. ./harbour.jpg',
  examples: ['./photo.jpg'],
};

/** The article fields before heroImage (their order is the order editors see them listed in errors). */
const fieldsBeforeHero = {
  title: displayText(200).meta({ description: 'Headline.', examples: ['The harbour light returns'] }),
  description: displayText(400)
    .optional()
    .meta({
      description:
        'Dek (standfirst) shown under the headline and used as meta description. Leave out if the source ' +
        'has none: the lede is used for meta.',
      examples: ['One or two sentences under the headline.'],
    }),
  pubDate: instant.meta({
    description:
      'When this site publishes the piece, with timezone offset. In the future: held back until a build ' +
      'runs after it.',
    examples: [INSTANT_EXAMPLE],
  }),
  updatedDate: instant.optional().meta({
    description: 'When the piece was last meaningfully updated (shown to readers, used as dateModified).',
    examples: [INSTANT_EXAMPLE],
  }),
  expires: instant.optional().meta({
    description:
      'After this moment the article leaves listings and feeds and its URL says it is no longer available ' +
      '(e.g. end of a wire licence).',
    examples: [INSTANT_EXAMPLE],
  }),
  authors: z
    .array(slug)
    .default([])
    .meta({
      description:
        'Author ids: file names in content/authors/ without extension. Empty for wire copy with no byline.',
      examples: [['amara-okafor']],
    }),
  section: slug.meta({
    description: 'Section slug, e.g. news, entertainment, technology.',
    examples: ['news'],
  }),
  tags: z
    .array(displayText(60))
    .max(20, 'at most 20 tags')
    .default([])
    .meta({
      description: 'Free-form tags, e.g. "Chrissy Teigen". Their URL slug is derived.',
      examples: [['Coast', 'Heritage']],
    }),
};

/** The article fields after heroImage. */
const fieldsAfterHero = {
  source: sourceSchema.meta({
    description:
      'Where the piece comes from. Every article has one: original work says relationship: original.',
    examples: [{ relationship: 'original' }],
  }),
  contentNote: displayText(300)
    .optional()
    .meta({
      description: 'A note shown before the body, e.g. "This article discusses pregnancy loss."',
      examples: ['This article discusses pregnancy loss.'],
    }),
  corrections: z
    .array(
      z.strictObject({
        date: instant.meta({ description: 'When the correction was made.', examples: [INSTANT_EXAMPLE] }),
        text: displayText(1000).meta({
          description: 'What was corrected.',
          examples: ['An earlier version misspelt the name of the harbour.'],
        }),
      }),
    )
    .default([])
    .meta({
      description:
        'Corrections and updates, shown at the end of the article; the latest date counts as dateModified.',
      examples: [[{ date: INSTANT_EXAMPLE, text: 'An earlier version misspelt the name of the harbour.' }]],
    }),
  aliases: z
    .array(slug)
    .default([])
    .meta({
      description: 'Former slugs that should keep working (redirects).',
      examples: [['harbour-light']],
    }),
  slug: slug.optional().meta({
    description: 'Overrides the URL slug derived from the file or folder name.',
    examples: ['harbour-light-returns'],
  }),
  smartPunctuation: z
    .boolean()
    .default(true)
    .meta({
      description: 'False keeps straight quotes and dashes exactly as written (set by the wire importer).',
      examples: [false],
    }),
  featured: z
    .strictObject({
      until: instant.meta({
        description: 'When the pin ends, with timezone offset.',
        examples: [INSTANT_EXAMPLE],
      }),
    })
    .optional()
    .meta({
      description:
        "Pins the article as the front page's lead story until `until` " +
        '(at most MAX_PIN_DAYS after pubDate, ' +
        'so a pin cannot stay forever; the content check says so). Without a pin, the newest story leads. ' +
        'Of several pinned stories, the most recently published leads.',
      examples: [{ until: INSTANT_EXAMPLE }],
    }),
  draft: z
    .boolean()
    .default(false)
    .meta({ description: 'Drafts appear in `npm run dev` only.', examples: [true] }),
};

export const articleSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    ...fieldsBeforeHero,
    heroImage: z
      .strictObject({ src: image().meta(heroSrcMeta), ...heroFields })
      .refine((hero) => hero.decorative || hero.alt !== undefined, {
        message: 'alt text is required unless decorative: true',
        path: ['alt'],
      })
      .optional()
      .meta(heroImageMeta),
    ...fieldsAfterHero,
  });

export const authorSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    name: displayText(120).meta({
      description: 'Full name as shown in bylines.',
      examples: ['Amara Okafor'],
    }),
    bio: displayText(600).meta({
      description: 'One or two sentences shown on the author page.',
      examples: ['Amara Okafor covers coastal towns for this publication.'],
    }),
    url: httpUrl
      .optional()
      .meta({ description: "The author's own site (http/https).", examples: ['https://amara.example'] }),
    avatar: image()
      .optional()
      .meta({ description: 'Portrait next to the author file.', examples: ['./amara-okafor.jpg'] }),
    sameAs: z
      .array(httpUrl)
      .default([])
      .meta({
        description: 'Profiles elsewhere (http/https), emitted as schema.org sameAs.',
        examples: [['https://social.example/@amara']],
      }),
  });

/**
 * A standing page (content/pages/<slug>.md, shown at /<slug>/): about, contact, corrections
 * policy, editorial standards. Readers and Google News look for these to judge a publication.
 */
export const pageSchema = z.strictObject({
  title: displayText(120).meta({ description: 'The page heading and <title>.', examples: ['About us'] }),
  description: displayText(300).meta({
    description: 'One sentence for search results and link previews.',
    examples: ['Who we are and how we work.'],
  }),
  updatedDate: instant.optional().meta({
    description: 'When the page last changed meaningfully (shown under the heading).',
    examples: [INSTANT_EXAMPLE],
  }),
});

/**
 * content/sections.yaml: the site's sections, listed under `sections:` in menu order. An article's
 * `section:` must be one of their slugs (src/lib/frontmatter-check-references.ts);
 * src/lib/sections.ts reads it.
 */
export const sectionsFileSchema = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        slug: slug.meta({
          description: "The slug articles write in `section:`, and the page's URL: /sections/<slug>/.",
          examples: ['news'],
        }),
        name: displayText(60).meta({
          description: "The name shown in the site menu and as the section page's heading.",
          examples: ['News'],
        }),
        description: displayText(300).meta({
          description: 'One or two sentences shown on the section page (and as its meta description).',
          examples: ['What happened today.'],
        }),
      }),
    )
    .meta({
      description: 'The sections, in menu order.',
      examples: [[{ slug: 'news', name: 'News', description: 'What happened today.' }]],
    }),
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
