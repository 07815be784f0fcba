/**
 * Every JSON-LD block in the built site parses and fits schema.org (see
 * scripts/verify/structured-data.ts), and articles carry what Google recommends for NewsArticle.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTICLE_WITH_IMAGES, SEED_ARTICLE } from '../helpers/page-templates.ts';
import { jsonLdBlocksOf, validateJsonLd } from '../../scripts/verify/structured-data.ts';

const dist = inject('siteDist');
const pages = globSync('**/*.html', { cwd: dist }).sort();

function reportOf(page: string) {
  const { blocks, errors } = jsonLdBlocksOf(readFileSync(join(dist, page), 'utf8'));
  const reports = blocks.map(validateJsonLd);
  return {
    blocks,
    errors: [...errors, ...reports.flatMap((report) => report.errors)],
    recommendations: reports.flatMap((report) => report.recommendations),
  };
}

describe('structured data in the built site', () => {
  it('parses and fits schema.org on every page', () => {
    const errors = pages.flatMap((page) => reportOf(page).errors.map((error) => `dist/${page}: ${error}`));
    expect(errors).toEqual([]);
  });

  it('gives every article page exactly one NewsArticle', () => {
    for (const page of pages.filter((page) => page.startsWith('articles/'))) {
      const types = reportOf(page).blocks.map((block) => (block as { '@type': unknown })['@type']);
      expect(
        types.filter((type) => type === 'NewsArticle'),
        page,
      ).toHaveLength(1);
    }
  });

  it('gives an original article everything Google recommends for NewsArticle', () => {
    expect(reportOf(`articles/${ARTICLE_WITH_IMAGES}/index.html`).recommendations).toEqual([]);
  });

  it('lacks on the seed wire story only the author its source never credited (no invented byline)', () => {
    expect(reportOf(`articles/${SEED_ARTICLE}/index.html`).recommendations).toEqual([
      'NewsArticle: recommended "author" is missing',
    ]);
  });
});
