/** /rss.xml — the newest articles (FEED_LIMIT), with full content. */
import type { APIRoute } from 'astro';
import { listedArticles } from '../data/articles';
import { rssResponse } from '../data/feed-items';
import { siteChannel } from '../data/feed-channels';

export const GET: APIRoute = async () => rssResponse(siteChannel('rss.xml'), await listedArticles());
