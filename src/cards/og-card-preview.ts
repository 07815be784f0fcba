/**
 * /og/<slug>.png in `astro dev`: draws an article's Open Graph card on request, so editors can
 * preview it. Builds publish the cards from og-cards.ts instead (this route is not in a build);
 * both find a card in the same cache under the same key.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesWithPages, stateOf, type Article } from '../data/articles';
import { cachedFile, ogCacheDir } from './og-cache';
import { cardInput, cardJob, hasGeneratedCard, renderCard } from './og-image';
import { site } from '../site.config';

export const getStaticPaths = (async () => {
  const articles = await articlesWithPages();
  return articles
    .filter((article) => hasGeneratedCard(article.data, stateOf(article)))
    .map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

const cacheDir = ogCacheDir(process.env);
// Defined by og-cards.ts, from the renderer's sources (this module's bundled copy would hash differently).
const fingerprint: string = import.meta.env.OG_RENDERER_FINGERPRINT;

export const GET: APIRoute<{ article: Article }> = async ({ props: { article } }) => {
  const { key, card } = cardJob(article.id, cardInput(article.data, site), fingerprint);
  const { bytes } = await cachedFile(cacheDir, key, 'png', () => renderCard(card));
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/png' } });
};
