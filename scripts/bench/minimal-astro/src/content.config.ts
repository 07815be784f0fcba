import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const articles = defineCollection({
  loader: glob({ base: './content/articles', pattern: ['*.md', '*/index.md'] }),
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      description: z.string().optional(),
      pubDate: z.coerce.date(),
      heroImage: z.object({ src: image(), alt: z.string() }).optional(),
    }),
});

export const collections = { articles };
