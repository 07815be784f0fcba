/** /feed.json — JSON Feed 1.1 of the newest articles, with full content. */
import type { APIRoute } from 'astro';
import { listedArticles } from '../data/articles';
import { latestFeedItems } from '../data/feed-items';
import { siteChannel } from '../data/feed-channels';
import { jsonFeed } from '../lib/feeds';

export const GET: APIRoute = async () => {
  const items = await latestFeedItems(await listedArticles());
  return new Response(JSON.stringify(jsonFeed(siteChannel('feed.json'), items), null, 2), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
