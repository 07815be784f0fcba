/**
 * `npm run verify`'s checks of a built site in dist/, each a list of readable problems:
 * internal links and fragments (and the site's own URLs in feeds, sitemaps and JSON-LD), feeds and
 * sitemaps, JSON-LD, the Nu HTML Checker over the pages that changed since the deployed site's
 * publish record (all pages when there is none), and the page-weight budget of one text page.
 * What `npm test` checks on fixture sites, this checks on the site about to be deployed.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../../src/lib/site-config.ts';
import { changedPages, pageDigests, type PublishRecord } from '../publish/record.ts';
import { jsonFeedProblems, rssProblems } from './feed-spec.ts';
import { checkInternalLinks } from './internal-links.ts';
import { checkHtml, describeMessages } from './nu-html-checker.ts';
import { PAGE_WEIGHT_BUDGET_BYTES, pageWeight } from './page-weight.ts';
import { sitemapProblems } from './sitemaps.ts';
import { jsonLdBlocksOf, validateJsonLd } from './structured-data.ts';

export interface VerifyOptions {
  site: Pick<SiteConfig, 'url' | 'basePath'>;
  /** The deployed site's publish record: only pages whose digest changed go through Nu. */
  previous?: PublishRecord | undefined;
  /** A text page (relative to dist/) held to the page-weight budget; skipped when not built. */
  weighPage?: string;
}

export interface CheckResult {
  name: string;
  /** What was covered, e.g. "1,204 pages". */
  scope: string;
  problems: string[];
  ms: number;
}

const NU_BATCH = 4000;

const files = (dist: string, pattern: string) =>
  globSync(pattern, { cwd: dist })
    .map((file) => file.split('\\').join('/'))
    .sort();
const count = (n: number, what: string) => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

function timed(name: string, run: () => { scope: string; problems: string[] }): CheckResult {
  const started = performance.now();
  const { scope, problems } = run();
  return { name, scope, problems, ms: Math.round(performance.now() - started) };
}

export function verifySite(dist: string, options: VerifyOptions): CheckResult[] {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist} holds no built site (no index.html): run npm run build first`);
  const { url, basePath } = options.site;
  const pages = files(dist, '**/*.html');
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');
  return [
    timed('internal links and fragments', () => ({
      scope: count(pages.length, 'page'),
      problems: checkInternalLinks(dist, { origin: url, basePath }).map(
        (link) => `dist/${link.page}: ${link.attribute} "${link.target}" ${link.reason}`,
      ),
    })),
    timed('feeds and sitemaps', () => {
      const rss = files(dist, '**/rss.xml');
      const jsonFeeds = files(dist, '**/feed.json');
      const sitemaps = files(dist, '{sitemap*.xml,news-sitemap.xml}');
      const problems = [
        ...rss.flatMap((file) => rssProblems(read(file)).map((problem) => `dist/${file}: ${problem}`)),
        ...jsonFeeds.flatMap((file) =>
          jsonFeedProblems(read(file)).map((problem) => `dist/${file}: ${problem}`),
        ),
        ...sitemaps.flatMap((file) =>
          sitemapProblems(read(file)).map((problem) => `dist/${file}: ${problem}`),
        ),
      ];
      if (!rss.includes('rss.xml')) problems.push('dist/rss.xml is missing');
      if (!sitemaps.length) problems.push('no sitemap in dist/');
      return {
        scope: `${count(rss.length + jsonFeeds.length, 'feed')}, ${count(sitemaps.length, 'sitemap')}`,
        problems,
      };
    }),
    timed('JSON-LD', () => ({
      scope: count(pages.length, 'page'),
      problems: pages.flatMap((page) => {
        const { blocks, errors } = jsonLdBlocksOf(read(page));
        return [...errors, ...blocks.flatMap((block) => validateJsonLd(block).errors)].map(
          (error) => `dist/${page}: ${error}`,
        );
      }),
    })),
    timed('Nu HTML Checker', () => {
      const changed = changedPages(pageDigests(dist), options.previous);
      const scope = options.previous
        ? `${count(changed.length, 'page')} changed since ${options.previous.commit.slice(0, 12)}`
        : `all ${count(changed.length, 'page')} (no publish record)`;
      if (!changed.length) return { scope, problems: [] };
      // In batches, so 15,000 paths (N = 10,000, no record) stay well under the command-line limit.
      const messages = [];
      for (let start = 0; start < changed.length; start += NU_BATCH)
        messages.push(...checkHtml(changed.slice(start, start + NU_BATCH).map((page) => join(dist, page))));
      return { scope, problems: messages.length ? describeMessages(messages, dist).split('\n') : [] };
    }),
    timed('page weight', () => {
      const page = options.weighPage;
      if (!page || !existsSync(join(dist, page)))
        return { scope: `skipped: ${page ?? 'no page named'} is not in this build`, problems: [] };
      const weight = pageWeight(dist, page, basePath);
      const problems = weight.missing.map(
        (file) => `dist/${page} links a stylesheet that is not built: ${file}`,
      );
      if (weight.totalBytes > PAGE_WEIGHT_BUDGET_BYTES) {
        problems.push(
          `dist/${page}: ${weight.totalBytes} bytes gzipped, over the ${PAGE_WEIGHT_BUDGET_BYTES}-byte ` +
            `budget (${weight.parts.map((part) => `${part.what} ${part.bytes}`).join(', ')})`,
        );
      }
      return {
        scope: `dist/${page}: ${weight.totalBytes} of ${PAGE_WEIGHT_BUDGET_BYTES} bytes gzipped`,
        problems,
      };
    }),
  ];
}
