import { describe, expect, it } from 'vitest';
import { isRfc3339, isRfc822, jsonFeedProblems, rssProblems } from '../../scripts/verify/feed-spec.ts';

const rss = (channel: string, item: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ` +
  `xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">` +
  `<channel>${channel}<item>${item}</item></channel></rss>`;
const CHANNEL =
  '<title>T</title><link>https://news.example.org/</link><description>D</description>' +
  '<atom:link href="https://news.example.org/rss.xml" rel="self" type="application/rss+xml"/>';
const ITEM =
  '<title>A</title><link>https://news.example.org/a/</link>' +
  '<guid isPermaLink="true">https://news.example.org/a/</guid><pubDate>Sun, 29 Nov 2026 ' +
  '09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>' +
  '<a href="https://news.example.org/b/">b</a><img src="https://news.example.org/x.webp" ' +
  'srcset="https://news.example.org/x.webp 1x"></p>]]></content:encoded>';

const jsonFeed = (overrides: object = {}, item: object = {}) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'T',
    home_page_url: 'https://news.example.org/',
    feed_url: 'https://news.example.org/feed.json',
    items: [
      {
        id: 'https://news.example.org/a/',
        url: 'https://news.example.org/a/',
        content_html: '<p>a</p>',
        date_published: '2026-11-29T09:00:00+00:00',
        authors: [{ name: 'A', url: 'https://news.example.org/authors/a/' }],
        tags: ['x'],
        ...item,
      },
    ],
    ...overrides,
  });

describe('dates', () => {
  it('accepts RFC 822 and rejects impossible dates, wrong weekdays and other formats', () => {
    expect(isRfc822('Sun, 29 Nov 2026 09:00:00 GMT')).toBe(true);
    expect(isRfc822('29 Nov 2026 09:00 +0100')).toBe(true);
    expect(isRfc822('Mon, 29 Nov 2026 09:00:00 GMT')).toBe(false);
    expect(isRfc822('Sun, 31 Nov 2026 09:00:00 GMT')).toBe(false);
    expect(isRfc822('2026-11-29T09:00:00Z')).toBe(false);
  });

  it('accepts RFC 3339 with an offset and rejects dates without one or out of range', () => {
    expect(isRfc3339('2026-11-29T09:00:00+01:00')).toBe(true);
    expect(isRfc3339('2026-11-29T09:00:00.123Z')).toBe(true);
    expect(isRfc3339('2026-11-29T09:00:00')).toBe(false);
    expect(isRfc3339('2026-02-30T09:00:00Z')).toBe(false);
    expect(isRfc3339('Sun, 29 Nov 2026 09:00:00 GMT')).toBe(false);
  });
});

describe('rssProblems', () => {
  it('finds nothing wrong with a valid RSS 2.0 feed', () => {
    expect(rssProblems(rss(CHANNEL, ITEM))).toEqual([]);
  });

  it('names missing channel elements, relative URLs, bad dates and relative content URLs', () => {
    const channel = '<title>T</title><link>/</link>';
    const item =
      '<title>A</title><link>/a/</link><pubDate>2026-11-29</pubDate>' +
      '<description><![CDATA[<img src="/_astro/x.webp">]]></description>';
    expect(rssProblems(rss(channel, item))).toEqual([
      'channel: required <description> is missing or empty',
      'channel: <link> is not an absolute URL: /',
      'item 1 (A): <link> is not an absolute URL: /a/',
      'item 1 (A): <pubDate> is not an RFC 822 date: 2026-11-29',
      'item 1 (A): relative URL in content: /_astro/x.webp',
    ]);
  });

  it('rejects something that is not RSS', () => {
    expect(rssProblems('<html></html>')[0]).toMatch(/^not an RSS feed/);
  });
});

describe('jsonFeedProblems', () => {
  it('finds nothing wrong with a valid JSON Feed 1.1', () => {
    expect(jsonFeedProblems(jsonFeed())).toEqual([]);
  });

  it('names a wrong version, relative URLs, bad dates and missing content', () => {
    const problems = jsonFeedProblems(
      jsonFeed(
        { version: 'https://jsonfeed.org/version/1', feed_url: '/feed.json' },
        { url: '/a/', content_html: undefined, date_published: '2026-11-29' },
      ),
    );
    expect(problems).toEqual([
      'version is "https://jsonfeed.org/version/1", not https://jsonfeed.org/version/1.1',
      'feed_url is not an absolute URL: /feed.json',
      'item 1 (https://news.example.org/a/): needs content_html or content_text',
      'item 1 (https://news.example.org/a/): url is not an absolute URL: /a/',
      'item 1 (https://news.example.org/a/): date_published is not an RFC 3339 date: 2026-11-29',
    ]);
  });

  it('rejects duplicate ids and relative URLs inside content_html', () => {
    const feed = JSON.parse(jsonFeed({}, { content_html: '<a href="#part">part</a>' }));
    feed.items.push(feed.items[0]);
    expect(jsonFeedProblems(JSON.stringify(feed))).toEqual([
      'item 1 (https://news.example.org/a/): relative URL in content_html: #part',
      'item 2 (https://news.example.org/a/): id https://news.example.org/a/ is not unique',
      'item 2 (https://news.example.org/a/): relative URL in content_html: #part',
    ]);
  });
});
