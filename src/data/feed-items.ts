/**
 * Articles as feed items, with their full rendered body.
 *
 * The body comes from rendering the entry's `Content` component with the Container API, not
 * from `entry.rendered.html`: the stored HTML still holds `__ASTRO_IMAGE_` placeholders for
 * inline images, which only `render()` resolves into the optimised `/_astro/…` files the article
 * page links to. Rendering through the container gives the feed exactly the sanitized HTML the
 * article page shows, images included.
 */
import { experimental_AstroContainer } from 'astro/container';
import { getEntries, render } from 'astro:content';
import { getImage } from 'astro:assets';
import rss from '@astrojs/rss';
import { feedContentHtml, rssChannelExtras, rssItem, RSS_NAMESPACES, type FeedChannel, type FeedItem } from '../lib/feeds';
import { lastModified } from '../lib/publication';
import { ledeFromMarkdown, stripXmlIllegal } from '../lib/text';
import { absoluteUrl, articlePath, authorPath } from '../lib/urls';
import { site } from '../site.config';
import type { Article } from './articles';

let container: Promise<experimental_AstroContainer> | undefined;

async function renderBody(article: Article): Promise<string> {
  container ??= experimental_AstroContainer.create();
  const { Content } = await render(article);
  return (await container).renderToString(Content);
}

const itemCache = new Map<string, Promise<FeedItem>>();

/** One article as a feed item; memoised because the site feed and its section feed share items. */
export function feedItem(article: Article): Promise<FeedItem> {
  let item = itemCache.get(article.id);
  if (!item) {
    item = buildFeedItem(article);
    itemCache.set(article.id, item);
  }
  return item;
}

async function buildFeedItem(article: Article): Promise<FeedItem> {
  const { data } = article;
  const url = absoluteUrl(site.url, site.basePath, articlePath(article.id));
  const authors = data.authors.length ? await getEntries(data.authors.map((id) => ({ collection: 'authors' as const, id }))) : [];
  const hero = data.heroImage && (await getImage({ src: data.heroImage.src, width: 1200, format: 'jpg' }));
  const modified = lastModified(data);
  return {
    url,
    title: data.title,
    summary: data.description ?? (ledeFromMarkdown(article.body ?? '') || undefined),
    contentHtml: feedContentHtml(await renderBody(article), url, data.contentNote),
    published: data.pubDate,
    modified: modified > data.pubDate ? modified : undefined,
    authors: authors.length
      ? authors.map((author) => ({ name: author.data.name, url: absoluteUrl(site.url, site.basePath, authorPath(author.id)) }))
      : data.source.author
        ? [{ name: data.source.author }]
        : [],
    tags: data.tags,
    image: hero ? new URL(hero.src, site.url).href : undefined,
  };
}

/** The RSS 2.0 document of a channel, with full content. */
export async function rssResponse(channel: FeedChannel, articles: Article[]): Promise<Response> {
  const items = await Promise.all(articles.map(feedItem));
  return rss({
    title: stripXmlIllegal(channel.title),
    description: stripXmlIllegal(channel.description),
    site: channel.homePageUrl,
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(channel),
    items: items.map(rssItem),
  });
}
