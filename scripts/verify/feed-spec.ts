/**
 * Feeds as a feed reader sees them: parsed by feedsmith (a maintained parser for RSS, Atom and
 * JSON Feed), then checked against what RSS 2.0 (rssboard.org/rss-specification) and JSON Feed 1.1
 * (jsonfeed.org/version/1.1) require: required elements, absolute URLs (a feed is read away from
 * the site, so a relative URL is broken there) and dates in the format each spec names.
 * Each check returns readable problems; an empty list means the feed is valid.
 */
import { parseJsonFeed, parseRssFeed, type JsonFeed, type RssFeed } from 'feedsmith';
// linkedom: the tests' DOM (querySelector); a devDependency, never in the build (see page-weight.ts).
import { parseHTML } from 'linkedom';
import { isAbsoluteHttpUrl, isRealDate } from './formats.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC_822 = new RegExp(
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) /.source +
    /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) /.source +
    /(\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|Z|[+-]\d{4})$/.source,
);
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An RFC 822 date-time as RSS 2.0 requires (four-digit year, as the RSS Advisory Board advises). */
export function isRfc822(value: string): boolean {
  const match = RFC_822.exec(value);
  if (!match) return false;
  const [, weekday, day, month, year, hour, minute, second = '0'] = match;
  const monthNumber = MONTHS.indexOf(month) + 1;
  if (
    !isRealDate(Number(year), monthNumber, Number(day)) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 60
  )
    return false;
  // A weekday that does not match the date is a wrong date, not a style choice.
  return (
    !weekday || DAYS[new Date(Date.UTC(Number(year), monthNumber - 1, Number(day))).getUTCDay()] === weekday
  );
}

/** An RFC 3339 date-time as JSON Feed requires. */
export function isRfc3339(value: string): boolean {
  const match = RFC_3339.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, offsetHour = '0', offsetMinute = '0'] = match;
  return (
    isRealDate(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 60 &&
    Number(offsetHour) <= 23 &&
    Number(offsetMinute) <= 59
  );
}

/** Every URL inside feed content that a reader could not resolve away from the site. */
export function relativeUrlsIn(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const urls: string[] = [];
  for (const element of document.querySelectorAll('[href], [src], [srcset], [poster], [cite]')) {
    for (const name of ['href', 'src', 'poster', 'cite']) {
      const value = element.getAttribute(name);
      if (value !== null) urls.push(value);
    }
    const srcset = element.getAttribute('srcset');
    if (srcset) urls.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]));
  }
  return urls.filter((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url));
}

export function rssProblems(xml: string): string[] {
  let feed: RssFeed.Feed<string>;
  try {
    feed = parseRssFeed(xml);
  } catch (error) {
    return [`not an RSS feed: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const element of ['title', 'link', 'description'] as const) {
    if (!feed[element]) problems.push(`channel: required <${element}> is missing or empty`);
  }
  if (feed.link && !isAbsoluteHttpUrl(feed.link))
    problems.push(`channel: <link> is not an absolute URL: ${feed.link}`);
  for (const element of ['pubDate', 'lastBuildDate'] as const) {
    const value = feed[element];
    if (value !== undefined && !isRfc822(value))
      problems.push(`channel: <${element}> is not an RFC 822 date: ${value}`);
  }
  const self = feed.atom?.links?.find((link) => link.rel === 'self');
  if (self && !isAbsoluteHttpUrl(self.href))
    problems.push(`channel: atom:link rel="self" is not an absolute URL: ${self.href}`);
  if (!feed.items?.length) problems.push('channel: no <item>');

  (feed.items ?? []).forEach((item, index) => {
    const where = `item ${index + 1} (${item.title ?? item.link ?? 'untitled'})`;
    if (!item.title && !item.description) problems.push(`${where}: needs a <title> or a <description>`);
    if (item.link !== undefined && !isAbsoluteHttpUrl(item.link))
      problems.push(`${where}: <link> is not an absolute URL: ${item.link}`);
    if (!item.link) problems.push(`${where}: no <link> to the article`);
    if (item.guid?.isPermaLink !== false && item.guid && !isAbsoluteHttpUrl(item.guid.value)) {
      problems.push(`${where}: <guid> is a permalink but not an absolute URL: ${item.guid.value}`);
    }
    if (!item.pubDate) problems.push(`${where}: no <pubDate>`);
    else if (!isRfc822(item.pubDate))
      problems.push(`${where}: <pubDate> is not an RFC 822 date: ${item.pubDate}`);
    for (const enclosure of item.enclosures ?? []) {
      if (!isAbsoluteHttpUrl(enclosure.url) || enclosure.length === undefined || !enclosure.type) {
        problems.push(`${where}: <enclosure> needs an absolute url, a length and a type`);
      }
    }
    for (const html of [item.description, item.content?.encoded]) {
      for (const url of relativeUrlsIn(html ?? ''))
        problems.push(`${where}: relative URL in content: ${url}`);
    }
  });
  return problems;
}

export function jsonFeedProblems(text: string): string[] {
  let feed: JsonFeed.Feed<string>;
  try {
    feed = parseJsonFeed(JSON.parse(text));
  } catch (error) {
    return [`not a JSON Feed: ${(error as Error).message}`];
  }
  const raw = JSON.parse(text) as Record<string, unknown>;
  const problems: string[] = [];
  if (raw.version !== 'https://jsonfeed.org/version/1.1')
    problems.push(`version is ${JSON.stringify(raw.version)}, not https://jsonfeed.org/version/1.1`);
  if (!feed.title) problems.push('required title is missing or empty');
  for (const key of ['home_page_url', 'feed_url', 'icon', 'favicon'] as const) {
    const value = raw[key];
    if (value !== undefined && !isAbsoluteHttpUrl(value))
      problems.push(`${key} is not an absolute URL: ${value}`);
  }
  if (!feed.home_page_url) problems.push('home_page_url is missing (the spec strongly recommends it)');
  if (!feed.feed_url) problems.push('feed_url is missing (the spec strongly recommends it)');
  if (!Array.isArray(raw.items) || !raw.items.length) problems.push('items is missing or empty');

  const rawItems = Array.isArray(raw.items) ? (raw.items as Record<string, unknown>[]) : [];
  const ids = new Set<string>();
  rawItems.forEach((item, index) => {
    const where = `item ${index + 1} (${item.title ?? item.id ?? 'untitled'})`;
    if (typeof item.id !== 'string' || !item.id)
      problems.push(`${where}: required id must be a non-empty string`);
    else if (ids.has(item.id)) problems.push(`${where}: id ${item.id} is not unique`);
    else ids.add(item.id);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') {
      problems.push(`${where}: needs content_html or content_text`);
    }
    for (const key of ['url', 'external_url', 'image', 'banner_image'] as const) {
      if (item[key] !== undefined && !isAbsoluteHttpUrl(item[key]))
        problems.push(`${where}: ${key} is not an absolute URL: ${item[key]}`);
    }
    for (const key of ['date_published', 'date_modified'] as const) {
      const value = item[key];
      if (value !== undefined && !(typeof value === 'string' && isRfc3339(value)))
        problems.push(`${where}: ${key} is not an RFC 3339 date: ${value}`);
    }
    const authors = item.authors;
    if (authors !== undefined) {
      if (!Array.isArray(authors)) problems.push(`${where}: authors must be an array`);
      else
        for (const author of authors as Record<string, unknown>[]) {
          if (!author.name && !author.url && !author.avatar)
            problems.push(`${where}: an author needs a name, url or avatar`);
          if (author.url !== undefined && !isAbsoluteHttpUrl(author.url))
            problems.push(`${where}: author url is not absolute: ${author.url}`);
        }
    }
    if (
      item.tags !== undefined &&
      !(Array.isArray(item.tags) && item.tags.every((tag) => typeof tag === 'string'))
    ) {
      problems.push(`${where}: tags must be an array of strings`);
    }
    if (typeof item.content_html === 'string') {
      for (const url of relativeUrlsIn(item.content_html))
        problems.push(`${where}: relative URL in content_html: ${url}`);
    }
  });
  if (feed.items?.length !== rawItems.length)
    problems.push(`the parser read ${feed.items?.length ?? 0} items of ${rawItems.length}`);
  return problems;
}
