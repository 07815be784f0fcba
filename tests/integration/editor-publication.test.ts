/**
 * Drafts, scheduling and expiry at their exact boundaries, against an injected build clock
 * (PUBLISH_NOW): pubDate == now publishes, 1 ms later does not; expires == now has expired.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { AUTHOR, article, writeTree } from '../editor/fixtures.ts';

const NOW = '2026-11-30T12:00:00.000Z';
const A = 'content/articles';
const content = {
  'content/authors/amara-okafor.yaml': AUTHOR,
  [`${A}/published-at-now/index.md`]: article({
    title: 'Published at now',
    pubDate: '2026-11-30T12:00:00.000+00:00',
  }),
  [`${A}/due-in-1ms/index.md`]: article({
    title: 'Due in one millisecond',
    pubDate: '2026-11-30T12:00:00.001+00:00',
  }),
  [`${A}/expires-at-now/index.md`]: article({
    title: 'Expires at now',
    expires: '2026-11-30T12:00:00.000+00:00',
  }),
  [`${A}/expires-in-1ms/index.md`]: article({
    title: 'Expires in one millisecond',
    expires: '2026-11-30T12:00:00.001+00:00',
  }),
  [`${A}/a-draft/index.md`]: article({ title: 'A draft', draft: 'true' }),
};

let tree: ReturnType<typeof writeTree>;
let build: BuildResult;
let withDrafts: BuildResult;
/** Built at a clock before every pubDate: a new site whose first stories are all scheduled. */
let nothingYet: BuildResult;

function textFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(html|xml|json|txt)$/.test(path) && statSync(join(dir, path)).isFile())
    .map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');
const page = (dist: string, slug: string) => parseHTML(read(dist, `articles/${slug}/index.html`)).document;
const robots = (document: Document) =>
  document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '';
/** The listings, feeds and sitemaps every published article appears in. */
const LISTINGS = ['index.html', 'rss.xml', 'feed.json', 'sitemap-0.xml', 'sections/news/index.html'];

beforeAll(async () => {
  tree = writeTree(content);
  const contentDir = join(tree.root, 'content');
  [build, withDrafts, nothingYet] = await Promise.all([
    buildSite({ contentDir, env: { PUBLISH_NOW: NOW } }),
    buildSite({ contentDir, env: { PUBLISH_NOW: NOW, INCLUDE_DRAFTS: '1' } }),
    buildSite({ contentDir, env: { PUBLISH_NOW: '2026-11-01T00:00:00.000Z' } }),
  ]);
  expect(build.exitCode, build.output).toBe(0);
  expect(withDrafts.exitCode, withDrafts.output).toBe(0);
});
afterAll(() => {
  build?.cleanup();
  withDrafts?.cleanup();
  nothingYet?.cleanup();
  tree?.cleanup();
});

describe('scheduling', () => {
  it('publishes an article whose pubDate equals the build clock, in every listing', () => {
    expect(page(build.dist, 'published-at-now').querySelector('h1')?.textContent).toBe('Published at now');
    for (const listing of LISTINGS)
      expect(read(build.dist, listing), listing).toContain('/articles/published-at-now/');
  });

  it('holds back an article due 1 ms after the build clock: no page, no mention anywhere', () => {
    for (const { path, text } of textFiles(build.dist)) expect(text, path).not.toContain('due-in-1ms');
  });
});

describe('expiry', () => {
  it('at the expires moment, serves a short noindex "no longer available" page in its place', () => {
    const document = page(build.dist, 'expires-at-now');
    expect(document.querySelector('h1')?.textContent).toBe('No longer available');
    expect(document.querySelector('main')?.textContent).toContain(
      '“Expires at now” was published here under a licence that has ended',
    );
    expect(robots(document)).toContain('noindex');
    expect(document.querySelector('script[type="application/ld+json"]')).toBeNull();
    expect(document.querySelector('.article-body')).toBeNull();
  });

  it('leaves listings, feeds and sitemaps at the expires moment', () => {
    for (const listing of [...LISTINGS, 'news-sitemap.xml'])
      expect(read(build.dist, listing), listing).not.toContain('/articles/expires-at-now/');
  });

  it('keeps an article expiring 1 ms after the build clock published', () => {
    expect(page(build.dist, 'expires-in-1ms').querySelector('h1')?.textContent).toBe(
      'Expires in one millisecond',
    );
    expect(robots(page(build.dist, 'expires-in-1ms'))).not.toContain('noindex');
    for (const listing of LISTINGS)
      expect(read(build.dist, listing), listing).toContain('/articles/expires-in-1ms/');
  });
});

describe('drafts', () => {
  it('are never in a production build, not even as an Open Graph card', () => {
    for (const { path, text } of textFiles(build.dist)) expect(text, path).not.toContain('a-draft');
    const cards = readdirSync(join(build.dist, 'og'));
    expect(cards).toContain('published-at-now.png');
    expect(cards).not.toContain('a-draft.png');
  });

  it('with INCLUDE_DRAFTS=1, get a page with a visible Draft banner and noindex, and stay out of sitemaps', () => {
    const document = page(withDrafts.dist, 'a-draft');
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      'Draft: not published; this preview is not indexed.',
    );
    expect(robots(document)).toContain('noindex');
    expect(read(withDrafts.dist, 'sitemap-0.xml')).not.toContain('/articles/a-draft/');
  });
});

describe('a site with nothing published yet', () => {
  it('builds a front page and a working search page with no article pages', () => {
    // It crashed in the search indexer, which expected an articles folder.
    expect(nothingYet.exitCode, nothingYet.output).toBe(0);
    expect(readdirSync(nothingYet.dist)).not.toContain('articles');
    expect(read(nothingYet.dist, 'index.html')).not.toContain('Published at now');
    expect(readdirSync(join(nothingYet.dist, 'pagefind'))).toContain('pagefind.js');
  });
});
