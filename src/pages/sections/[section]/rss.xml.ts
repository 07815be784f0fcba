/** /sections/<section>/rss.xml — the section's newest articles (FEED_LIMIT), with full content. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listedArticles } from '../../../data/articles';
import { rssResponse } from '../../../data/feed-items';
import { sectionChannel } from '../../../data/feed-channels';
import { groupBySection } from '../../../data/taxonomy';

export const getStaticPaths = (async () => {
  const sections = groupBySection(await listedArticles());
  return sections.map((section) => ({ params: { section: section.slug }, props: { section } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { section } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return rssResponse(sectionChannel(section), section.items);
};
