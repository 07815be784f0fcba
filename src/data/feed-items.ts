/**
 * Articles as feed items, with their full rendered body.
 *
 * The body is the article page's own ArticleBody component rendered to a string with the
 * Container API, not the bare rendered HTML: that still holds `__ASTRO_IMAGE_` placeholders that
 * only ArticleBody resolves into the optimised `/_astro/…` images. Rendering the
 * same component gives the feed exactly the sanitized HTML and images the article page shows,
 * and no image a reader of the page would not also get.
 */
import rss from '@astrojs/rss';
import { experimental_AstroContainer } from 'astro/container';
import { articleAuthors } from './article-authors';
import ArticleBody from '../components/ArticleBody.astro';
import {
  FEED_LIMIT,
  feedContentHtml,
  rssChannelExtras,
  rssItem,
  RSS_NAMESPACES,
  type FeedChannel,
  type FeedItem,
} from '../lib/feeds';
import { hasGeneratedCard } from '../cards/og-image';
import { lastModified } from '../lib/publication';
import { ledeFromMarkdown, stripXmlIllegal } from '../lib/text';
import { absoluteUrl, articlePath, authorPath } from '../lib/urls';
import { site } from '../site.config';
import { articleBody } from './article-body';
import { openGraphImage } from './article-images';
import { perEntryVersion } from './per-entry-version';
import { stateOf, type Article } from './articles';

let container: Promise<experimental_AstroContainer> | undefined;

async function renderBody(article: Article): Promise<string> {
  container ??= experimental_AstroContainer.create();
  return (await container).renderToString(ArticleBody, { props: { article } });
}

/**
 * One article as a feed item; memoised because the site feed and its section feed share items.
 */
export const feedItem = perEntryVersion(buildFeedItem);

/** The feed items of the newest FEED_LIMIT articles (`articles` is newest first). */
export const latestFeedItems = (articles: Article[]): Promise<FeedItem[]> =>
  Promise.all(articles.slice(0, FEED_LIMIT).map(feedItem));

async function buildFeedItem(article: Article): Promise<FeedItem> {
  const { data } = article;
  const url = absoluteUrl(site.url, site.basePath, articlePath(article.id));
  const authors = await articleAuthors(article);
  // The social card (hero crop or generated card) is already built for the page: no extra image.
  const image = await openGraphImage(
    data.heroImage?.src,
    article.id,
    hasGeneratedCard(data, stateOf(article)),
  );
  const modified = lastModified(data);
  return {
    url,
    title: data.title,
    summary: data.description ?? (ledeFromMarkdown((await articleBody(article)).markdown) || undefined),
    contentHtml: feedContentHtml(await renderBody(article), url, data.contentNote),
    published: data.pubDate,
    modified: modified > data.pubDate ? modified : undefined,
    authors: authors.length
      ? authors.map((author) => ({
          name: author.data.name,
          url: absoluteUrl(site.url, site.basePath, authorPath(author.id)),
        }))
      : data.source.author
        ? [{ name: data.source.author }]
        : [],
    tags: data.tags,
    image: image?.url,
  };
}

/** The RSS 2.0 document of a channel: its newest articles, with full content. */
export async function rssResponse(channel: FeedChannel, articles: Article[]): Promise<Response> {
  const items = await latestFeedItems(articles);
  return rss({
    title: stripXmlIllegal(channel.title),
    description: stripXmlIllegal(channel.description),
    site: channel.homePageUrl,
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(channel),
    items: items.map(rssItem),
  });
}
