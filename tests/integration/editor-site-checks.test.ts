/**
 * Checks on the built site: a broken internal link the content check cannot see (links between
 * articles are checked before rendering: tests/editor/article-links.test.ts) fails the build,
 * naming the article and the target, with no "unhandled error" and no dist/; renamed articles'
 * aliases become redirect pages and `_redirects` lines under the base path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { AUTHOR, article, writeTree } from '../editor/fixtures.ts';

const A = 'content/articles';
let trees: ReturnType<typeof writeTree>[] = [];
let broken: BuildResult;
let renamed: BuildResult;

beforeAll(async () => {
  const brokenTree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    [`${A}/target/index.md`]: article({ title: 'Target' }, '## A real heading\n\nText.\n'),
    [`${A}/linker/index.md`]: article(
      { title: 'Linker' },
      'See [the target](../target/#a-real-heading), [a lost tag ' +
        'page](/tags/no-such-tag/) and [a lost feed](../../sections/news/feed.xml).\n',
    ),
  });
  const renamedTree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    [`${A}/new-name/index.md`]: article({ title: 'Renamed', aliases: '[old-name, older-name]' }),
    [`${A}/unfinished/index.md`]: article({ title: 'Draft', aliases: '[draft-old-name]', draft: 'true' }),
  });
  trees = [brokenTree, renamedTree];
  [broken, renamed] = await Promise.all([
    buildSite({ contentDir: join(brokenTree.root, 'content') }),
    buildSite({
      contentDir: join(renamedTree.root, 'content'),
      env: { BASE_PATH: '/news/', SITE_URL: 'https://example.org' },
    }),
  ]);
});
afterAll(() => {
  broken?.cleanup();
  renamed?.cleanup();
  trees.forEach((tree) => tree.cleanup());
});

describe('link check after the build', () => {
  it('fails the build with exit 1 and leaves no dist/: a first build that fails late deploys nothing', () => {
    expect(broken.exitCode).toBe(1);
    expect(existsSync(broken.dist)).toBe(false);
  });

  it('names the article, its page and each broken target, and passes the good link', () => {
    const source = `${A}/linker/index.md (page dist/articles/linker/index.html)`;
    expect(broken.output).toContain(
      `${source}: a[href] "/tags/no-such-tag/" no such page or file in the build`,
    );
    expect(broken.output).toContain(
      `${source}: a[href] "../../sections/news/feed.xml" no such page or file in the build`,
    );
    expect(broken.output).not.toContain('"../target/#a-real-heading"');
    expect(broken.output).toContain('Link check failed: 2 broken internal references in the built site.');
    expect(broken.output).not.toMatch(/Stack trace|An unhandled error/);
  });
});

describe('aliases under BASE_PATH=/news/', () => {
  it('build cleanly (the link check passes)', () => {
    expect(renamed.exitCode, renamed.output).toBe(0);
  });

  it('become noindex redirect pages with meta refresh, canonical and a plain link', () => {
    for (const alias of ['old-name', 'older-name']) {
      const { document } = parseHTML(
        readFileSync(join(renamed.dist, 'articles', alias, 'index.html'), 'utf8'),
      );
      expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
        '0;url=/news/articles/new-name/',
      );
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        'https://example.org/news/articles/new-name/',
      );
      expect(document.querySelector('a')?.getAttribute('href')).toBe('/news/articles/new-name/');
    }
  });

  it('are written to dist/_redirects as 301s, but not for articles without a page (drafts)', () => {
    expect(readFileSync(join(renamed.dist, '_redirects'), 'utf8')).toBe(
      '/news/articles/old-name/ /news/articles/new-name/ 301\n' +
        '/news/articles/older-name/ /news/articles/new-name/ 301\n',
    );
  });

  it('stay out of the sitemap', () => {
    expect(readFileSync(join(renamed.dist, 'sitemap-0.xml'), 'utf8')).not.toContain('old-name');
  });
});
