/**
 * /og/<slug>.png — the Open Graph card of each article that has no hero image.
 *
 * An endpoint rather than an integration: it gets its articles from the content collection with
 * the same publication rules as the article pages (no second reading of the markdown), Astro
 * writes it under the base path like any page, and `astro dev` serves it for previews. Rendering
 * costs ~5 ms of CPU per card, so cards are cached on disk by a hash of their inputs
 * (src/lib/og-cache.ts): a build re-renders only cards whose title, section, date, site name or
 * layout changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesWithPages, stateOf, type Article } from '../../data/articles';
import { sharedDrawAhead } from '../../lib/draw-ahead';
import { cachedFile, ogCacheDir } from '../../lib/og-cache';
import { cardInput, cardJob, hasGeneratedCard, ogCardRendered, renderCard } from '../../lib/og-image';
import { site } from '../../site.config';

export const getStaticPaths = (async () => {
  const articles = await articlesWithPages();
  return articles
    .filter((article) => hasGeneratedCard(article.data, stateOf(article)))
    .map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

const cacheDir = ogCacheDir(process.env);
// Defined by src/integrations/og-cards-ahead.ts, which draws cards with the same key.
const fingerprint: string = import.meta.env.OG_RENDERER_FINGERPRINT;

export const GET: APIRoute<{ article: Article }> = async ({ props: { article } }) => {
  const { key, card } = cardJob(article.id, cardInput(article.data, site), fingerprint);
  // In `astro build`, most cards were drawn ahead on a second thread (src/integrations/og-cards-ahead.ts).
  await sharedDrawAhead()?.claim(key);
  const { bytes, hit } = await cachedFile(cacheDir, key, 'png', () => renderCard(card));
  // One line per render, none per cache hit: the build log shows what had to be drawn.
  if (!hit) console.log(ogCardRendered(article.id));
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/png' } });
};
