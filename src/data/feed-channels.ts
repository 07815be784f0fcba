/** The feeds this site offers: one for everything, one per section. */
import type { FeedChannel } from '../lib/feeds';
import { absoluteUrl, sectionPath } from '../lib/urls';
import { site } from '../site.config';
import type { ArticleGroup } from './taxonomy';

const url = (path: string) => absoluteUrl(site.url, site.basePath, path);

/** The whole site's feed at `path` (rss.xml or feed.json). */
export function siteChannel(path: string): FeedChannel {
  return {
    title: site.name,
    description: `The latest articles from ${site.name}.`,
    homePageUrl: url(''),
    feedUrl: url(path),
    lang: site.lang,
  };
}

export const sectionFeedPath = (section: string) => `${sectionPath(section)}rss.xml`;

export function sectionChannel(section: ArticleGroup): FeedChannel {
  return {
    title: `${section.name} · ${site.name}`,
    description: `The latest ${section.name} articles from ${site.name}.`,
    homePageUrl: url(sectionPath(section.slug)),
    feedUrl: url(sectionFeedPath(section.slug)),
    lang: site.lang,
  };
}
