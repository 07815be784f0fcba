/**
 * /og/<slug>.png — the Open Graph card of each article that has no hero image.
 *
 * An endpoint rather than an integration: it gets its articles from the content collection with
 * the same publication rules as the article pages (no second reading of the markdown), Astro
 * writes it under the base path like any page, and `astro dev` serves it for previews. Rendering
 * costs ~15 ms of CPU per card, so cards are cached on disk by a hash of their inputs
 * (src/lib/og-cache.ts): a build re-renders only cards whose title, section, date, site name or
 * layout changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesWithPages, stateOf, type Article } from '../../data/articles';
import { formatDate } from '../../lib/dates';
import { cachedFile, cacheKey, ogCacheDir } from '../../lib/og-cache';
import { hasGeneratedCard, OG_HEIGHT, OG_WIDTH, renderCard, rendererFingerprint } from '../../lib/og-image';
import { site } from '../../site.config';

export const getStaticPaths = (async () => {
  const articles = await articlesWithPages();
  return articles
    .filter((article) => hasGeneratedCard(article.data, stateOf(article)))
    .map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

const cacheDir = ogCacheDir(process.env);
const fingerprint = rendererFingerprint();

export const GET: APIRoute<{ article: Article }> = async ({ props: { article } }) => {
  const card = {
    title: article.data.title,
    kicker: article.data.section.replace(/-/g, ' '),
    siteName: site.name,
    byline: formatDate(article.data.pubDate, site.lang, site.timezone),
  };
  const size = { width: OG_WIDTH, height: OG_HEIGHT };
  const key = cacheKey({ card, size, fingerprint });
  const { bytes, hit } = await cachedFile(cacheDir, key, 'png', () => renderCard(card, size));
  // One line per render, none per cache hit: the build log shows what had to be drawn.
  if (!hit) console.log(`og-image: rendered /og/${article.id}.png`);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/png' } });
};
