import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import {
  feedContentHtml,
  jsonFeed,
  rssChannelExtras,
  rssItem,
  RSS_NAMESPACES,
  type FeedChannel,
  type FeedItem,
} from '../../src/lib/feeds.ts';

const PAGE = 'https://news.example/base/articles/story/';

describe('feedContentHtml', () => {
  it('makes src, href and every srcset candidate absolute against the article URL', () => {
    const html = feedContentHtml(
      '<p><a href="/base/tags/x/">tag</a> <a href="#part-2">jump</a> ' +
        '<a href="https://elsewhere.example/a">out</a></p>' +
        '<img src="/base/_astro/a.webp" srcset="/base/_astro/a-480.webp 480w, /base/_astro/a-800.webp 800w" alt="">',
      PAGE,
    );
    expect(html).toContain('href="https://news.example/base/tags/x/"');
    expect(html).toContain('href="https://news.example/base/articles/story/#part-2"');
    expect(html).toContain('href="https://elsewhere.example/a"');
    expect(html).toContain('src="https://news.example/base/_astro/a.webp"');
    expect(html).toContain(
      'srcset="https://news.example/base/_astro/a-480.webp 480w, https://news.example/base/_astro/a-800.webp 800w"',
    );
  });

  it('removes characters XML 1.0 forbids', () => {
    expect(feedContentHtml('<p>a\u0000b\u000Bc\u001Bd\uFFFEe</p>', PAGE)).toBe('<p>abcde</p>');
  });

  it('carries an embedded video as its name and a link, without the player', async () => {
    const { render } = await import('../markdown/astro-processor.ts');
    const { html: page } = await render('[The harbour light is lit again](https://youtu.be/aBcDeFgHiJk)');
    const html = feedContentHtml(page, PAGE);
    expect(html).not.toMatch(/<iframe|<details|<summary/);
    expect(html).toContain('<p>Video: The harbour light is lit again (YouTube)</p>');
    expect(html).toMatch(
      /<a href="https:\/\/www\.youtube\.com\/watch\?v=aBcDeFgHiJk"[^>]*>Watch on YouTube<\/a>/,
    );
  });

  it('puts the content note first, escaped', () => {
    const html = feedContentHtml('<p>Body</p>', PAGE, 'Discusses <loss> & grief');
    expect(html).toBe('<p><strong>Content note:</strong> Discusses &#x3C;loss> &#x26; grief</p><p>Body</p>');
  });
});

const channel: FeedChannel = {
  title: 'T & Co',
  description: 'All the news',
  homePageUrl: 'https://news.example/',
  feedUrl: 'https://news.example/rss.xml',
  lang: 'en-GB',
};

const hostile: FeedItem = {
  url: 'https://news.example/articles/a/',
  title: 'Breaking ]]> </title> & <b>bold</b> \u0000\u001B end',
  summary: 'Dek with ]]> and </description>',
  contentHtml: '<p>Body ]]&gt; with <a href="https://news.example/x/">link</a></p>',
  published: new Date('2026-11-29T09:00:00Z'),
  modified: new Date('2026-11-30T10:30:00Z'),
  authors: [{ name: 'A. Writer', url: 'https://news.example/authors/a/' }, { name: 'Wire & <Co> ]]>' }],
  tags: ['Tag & more'],
  image: 'https://news.example/_astro/hero.jpg',
};

describe('rssItem with @astrojs/rss', () => {
  it('writes well-formed XML whose text round-trips, with an RFC 822 date', async () => {
    const xml = await getRssString({
      title: channel.title,
      description: channel.description,
      site: channel.homePageUrl,
      xmlns: RSS_NAMESPACES,
      customData: rssChannelExtras(channel),
      items: [rssItem(hostile)],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = new XMLParser({ ignoreAttributes: false }).parse(xml).rss.channel.item;
    expect(item.title).toBe('Breaking ]]> </title> & <b>bold</b>  end');
    // HTML text inside XML: readers decode the XML, then render the HTML, and show the dek as written.
    expect(item.description).toBe('Dek with ]]&gt; and &lt;/description&gt;');
    expect(item['content:encoded']).toBe(hostile.contentHtml);
    expect(item.pubDate).toBe('Sun, 29 Nov 2026 09:00:00 GMT');
    expect(item.category).toBe('Tag & more');
    expect(item['dc:creator']).toEqual(['A. Writer', 'Wire & <Co> ]]>']);
  });
});

describe('jsonFeed', () => {
  it('has the required JSON Feed 1.1 fields and RFC 3339 dates', () => {
    const feed = jsonFeed(channel, [hostile]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('T & Co');
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: hostile.url,
      url: hostile.url,
      content_html: hostile.contentHtml,
      date_published: '2026-11-29T09:00:00.000Z',
      date_modified: '2026-11-30T10:30:00.000Z',
      authors: [{ name: 'A. Writer', url: 'https://news.example/authors/a/' }, { name: 'Wire & <Co> ]]>' }],
      image: hostile.image,
    });
  });

  it('leaves out optional fields that are unknown instead of writing empty ones', () => {
    const [item] = jsonFeed(channel, [
      { ...hostile, summary: undefined, modified: undefined, authors: [], tags: [], image: undefined },
    ]).items;
    expect(Object.keys(item!).sort()).toEqual(['content_html', 'date_published', 'id', 'title', 'url']);
  });
});
