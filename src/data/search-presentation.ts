/** How an article presents itself to search engines (robots, canonical) under the site's policy. */
import { searchPresentation, type SearchPresentation } from '../lib/syndication';
import { absoluteUrl, articlePath } from '../lib/urls';
import { site } from '../site.config';
import { stateOf, type Article } from './articles';

export function articleSearchPresentation(article: Article): SearchPresentation {
  return searchPresentation({
    selfUrl: absoluteUrl(site.url, site.basePath, articlePath(article.id)),
    relationship: article.data.source.relationship,
    sourceUrl: article.data.source.url,
    sitePolicy: site.syndicationPolicy,
    articlePolicy: article.data.source.policy,
    forceNoindex: stateOf(article) !== 'published',
  });
}
