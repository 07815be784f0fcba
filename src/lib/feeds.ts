/**
 * Feed items as plain data, and their two serialisations: RSS 2.0 items for @astrojs/rss and
 * JSON Feed 1.1. Feed readers show content outside the site, so every URL in an item is
 * absolute and every string is free of the characters XML 1.0 forbids.
 */
import type { Element, Root } from 'hast';
// parse5 (via hast-util-from-html), not htmlparser2: the body is rewritten as a hast tree, and
// rehype-raw in the markdown pipeline already brings parse5 (htmlparser2 makes no hast).
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { walkTree } from './walk-tree.ts';
import { withoutPlayers } from '../markdown/embed-figure.ts';
import { stripXmlIllegal } from './text.ts';

/**
 * Items per feed: the newest articles only. Feeds carry full bodies, so a feed of the whole
 * archive would grow without bound (and cost a body render per article on every build).
 */
export const FEED_LIMIT = 20;

export interface FeedItem {
  /** Absolute URL of the article page; also its permanent id. */
  url: string;
  title: string;
  summary?: string | undefined;
  /** The article body as the site renders it (already sanitized), with absolute URLs. */
  contentHtml: string;
  published: Date;
  modified?: Date | undefined;
  authors: { name: string; url?: string | undefined }[];
  tags: string[];
  /** Absolute URL of the lead image. */
  image?: string | undefined;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors (home or section page). */
  homePageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** BCP 47 language tag. */
  lang: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * The article body for a feed: every URL attribute rewritten against `pageUrl`, as a browser on
 * that page would resolve it (`/_astro/a.webp` gets the origin, `#section` becomes
 * `<page>#section`, `srcset` candidates one by one); the content note, when there is one, first,
 * as on the page; video players replaced by the video's name (embeds keep their link); characters
 * XML forbids removed.
 */
export function feedContentHtml(html: string, pageUrl: string, contentNote?: string): string {
  const tree: Root = fromHtml(stripXmlIllegal(html), { fragment: true });
  if (contentNote) tree.children.unshift(contentNoteParagraph(stripXmlIllegal(contentNote)));
  withoutPlayers(tree);
  walkTree(tree, 'element', (element: Element) => {
    const properties = element.properties;
    for (const name of URL_ATTRIBUTES) {
      const value = properties[name];
      if (typeof value === 'string') properties[name] = resolve(value, pageUrl);
    }
    if (typeof properties.srcSet === 'string') {
      properties.srcSet = properties.srcSet
        .split(/,\s+/)
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [resolve(url, pageUrl), ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return toHtml(tree);
}

function contentNoteParagraph(text: string): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'strong',
        properties: {},
        children: [{ type: 'text', value: 'Content note:' }],
      },
      { type: 'text', value: ` ${text}` },
    ],
  };
}

function resolve(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** An item for @astrojs/rss: full content in content:encoded, summary in description. */
export function rssItem(item: FeedItem) {
  return {
    title: stripXmlIllegal(item.title),
    link: item.url,
    // @astrojs/rss writes pubDate.toUTCString(): RFC 822 with a four-digit year, always GMT.
    pubDate: item.published,
    // Feed readers render <description> as HTML: escape the plain-text summary as HTML text
    // (the XML writer escapes it once more), so a dek like "<script>" is shown, never parsed.
    description: item.summary === undefined ? undefined : escapeXmlText(item.summary),
    content: item.contentHtml,
    categories: item.tags.map(stripXmlIllegal),
    // RSS's own <author> must be an e-mail address; feed readers show Dublin Core creators instead.
    customData: item.authors.length
      ? item.authors.map((author) => `<dc:creator>${escapeXmlText(author.name)}</dc:creator>`).join('')
      : undefined,
  };
}

/** Text content for hand-written XML: the three characters markup gives meaning to, and nothing XML forbids. */
function escapeXmlText(text: string): string {
  return stripXmlIllegal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The channel elements @astrojs/rss has no option for: language and the feed's own address. */
export function rssChannelExtras(channel: FeedChannel): string {
  return (
    `<language>${channel.lang.toLowerCase()}</language>` +
    `<atom:link href="${channel.feedUrl}" rel="self" type="application/rss+xml"/>`
  );
}

export const RSS_NAMESPACES = { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' };

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). Dates are RFC 3339 in UTC. */
export function jsonFeed(channel: FeedChannel, items: FeedItem[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homePageUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.lang,
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.image ? { image: item.image } : {}),
      date_published: item.published.toISOString(),
      ...(item.modified ? { date_modified: item.modified.toISOString() } : {}),
      ...(item.authors.length
        ? {
            authors: item.authors.map((author) => ({
              name: author.name,
              ...(author.url ? { url: author.url } : {}),
            })),
          }
        : {}),
      ...(item.tags.length ? { tags: item.tags } : {}),
    })),
  };
}
