/**
 * What a build should list, worked out from the content files alone (front matter read with the
 * `yaml` package, publication rules from src/lib/publication.ts), so feed and sitemap tests
 * compare the built output against the sources rather than against the site's own code.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { publicationState } from '../../src/lib/publication.ts';
import { articleIdFromPath } from '../../src/lib/slugs.ts';

export interface SourceArticle {
  id: string;
  title: string;
  pubDate: Date;
  section: string;
  relationship: string;
}

export function listedFromContent(contentDir: string, now: Date): SourceArticle[] {
  const articlesDir = join(contentDir, 'articles');
  return globSync(['*.md', '*/index.md'], { cwd: articlesDir })
    .map((file) => {
      const front = parse(readFileSync(join(articlesDir, file), 'utf8').split(/^---$/m)[1]!);
      const pubDate = new Date(front.pubDate);
      const state = publicationState(
        { pubDate, expires: front.expires && new Date(front.expires), draft: front.draft ?? false },
        now,
      );
      return {
        state,
        id: front.slug ?? articleIdFromPath(file),
        title: front.title,
        pubDate,
        section: front.section,
        relationship: front.source.relationship,
      };
    })
    .filter((article) => article.state === 'published')
    .map(({ state: _state, ...article }) => article)
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.id.localeCompare(b.id));
}
