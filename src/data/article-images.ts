/**
 * The images an article offers to search engines and social cards, made by Astro's image
 * pipeline: crops of the hero image in the aspect ratios Google asks for in NewsArticle
 * (16×9, 4×3, 1×1) and a 1200×630 Open Graph crop; without a hero, the generated card.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { cropSize, JSON_LD_RATIOS } from '../lib/image-crops.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { ogCardPath, OG_HEIGHT, OG_WIDTH } from '../cards/og-image.ts';
import { site } from '../site.config.ts';

export interface PublishedImage {
  url: string;
  width: number;
  height: number;
}

/** A centred crop of `src` as a JPEG file in the build output, with its absolute URL. */
async function crop(
  src: ImageMetadata,
  ratio: readonly [number, number],
  maxWidth?: number,
): Promise<PublishedImage> {
  const size = cropSize(src, ratio, maxWidth);
  const image = await getImage({ src, ...size, fit: 'cover', position: 'center', format: 'jpg' });
  return { url: new URL(image.src, site.url).href, ...size };
}

/** The NewsArticle `image` list: hero crops, else the generated card, else nothing. */
export async function jsonLdImages(
  hero: ImageMetadata | undefined,
  slug: string,
  hasCard: boolean,
): Promise<PublishedImage[]> {
  if (hero) return Promise.all(JSON_LD_RATIOS.map((ratio) => crop(hero, ratio)));
  return hasCard ? [ogCard(slug)] : [];
}

/** The Open Graph image: a 1200×630 crop of the hero (the shape social cards show), else the generated card. */
export async function openGraphImage(
  hero: ImageMetadata | undefined,
  slug: string,
  hasCard: boolean,
): Promise<PublishedImage | undefined> {
  if (hero) return crop(hero, [OG_WIDTH, OG_HEIGHT], OG_WIDTH);
  return hasCard ? ogCard(slug) : undefined;
}

const ogCard = (slug: string): PublishedImage => ({
  url: absoluteUrl(site.url, site.basePath, ogCardPath(slug)),
  width: OG_WIDTH,
  height: OG_HEIGHT,
});
