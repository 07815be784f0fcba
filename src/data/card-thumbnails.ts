/**
 * The WebP thumbnails of story cards (every card size but the lead, src/lib/responsive-images.ts),
 * with the `river` ones made once per build, before the pages render.
 *
 * Why ahead: Astro's incremental build records every image transform a page asks for on that
 * page, so that a page kept from the last build can ask for them again (`staticImages` in
 * `incremental-build.json`). A river thumbnail appears on every listing page, archive page and
 * related-articles list that shows its article, so those records grew with pages × cards, and
 * the manifest, written as one string, meets V8's limit near 20,000-25,000 articles when every
 * article has a hero (docs/performance.md, eighth round). Asked for from a route's
 * getStaticPaths(), which Astro calls on every build whether or not it renders the route's pages,
 * a transform is generated on every build and recorded on no page; pages then reuse the result.
 *
 * Only what was made ahead is reused. A thumbnail first asked for inside a page is recorded on
 * that page only, so another page reusing it would lose it on a later build that keeps the second
 * page and drops the first (the link check would then stop the build on the missing file).
 */
import { getImage } from 'astro:assets';
import type { GetImageResult } from 'astro';
import { CARD_IMAGES, cardImageWidths, type CardSize } from '../lib/responsive-images.ts';
import { listedArticles, type Article } from './articles.ts';

type Hero = NonNullable<Article['data']['heroImage']>;

/**
 * One WebP file at each of the size's widths the hero is large enough for; the result's
 * `attributes` are the <img>'s (width, height, sizes, lazy loading).
 */
function makeThumbnail(hero: Hero, size: CardSize): Promise<GetImageResult> {
  const widths = cardImageWidths(size, hero.src.width);
  return getImage({
    src: hero.src,
    format: 'webp',
    widths,
    width: widths.at(-1),
    sizes: CARD_IMAGES[size].sizes,
    loading: 'lazy',
    decoding: 'async',
  });
}

// In a build an imported image's src carries a hash of its bytes: a changed file is a new key.
const madeAhead = new Map<string, Promise<GetImageResult>>();
let making: Promise<void> | undefined;

/** A card's thumbnail: made ahead for a listed article's river card, else made here. */
export function cardThumbnail(hero: Hero, size: CardSize): Promise<GetImageResult> {
  return (size === 'river' && madeAhead.get(hero.src.src)) || makeThumbnail(hero, size);
}

/**
 * Makes every listed article's river thumbnail, once per build. Call it from the getStaticPaths()
 * of each route whose pages show river cards: whichever runs first makes them. Not in `astro dev`,
 * which renders on request and keeps no manifest (and an edited hero keeps its path there).
 */
export function makeRiverThumbnails(): Promise<void> {
  if (import.meta.env.DEV) return Promise.resolve();
  return (making ??= (async () => {
    for (const article of await listedArticles()) {
      const hero = article.data.heroImage;
      if (hero && !madeAhead.has(hero.src.src)) madeAhead.set(hero.src.src, makeThumbnail(hero, 'river'));
    }
    await Promise.all(madeAhead.values());
  })());
}
