/**
 * After the build, checks that every internal link, fragment, image reference, link-preview,
 * JSON-LD and feed/sitemap/CSS URL in dist/ resolves (src/lib/link-check.ts), and fails the build
 * naming the page, the article it was built from and the target. Registered last, so it sees what
 * other integrations wrote. It reads the files on two threads (src/build-threads/link-check-thread.ts).
 *
 * The result is a pure function of the text files it reads, the other files' names and the
 * checker, so a rebuild whose text files are byte for byte those of the last passing check skips
 * it: a marker named by their digest is kept in Astro's cache dir.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageFacts } from '../build-output/page-facts.ts';
import { checkedArticles } from '../lib/checked-articles.ts';
import { fileDigest, sha256Of } from '../lib/file-digest.ts';
import { brokenReferencesOnTwoThreads } from '../build-threads/link-check-thread.ts';
import { readEnvironment } from '../lib/environment.ts';
import { filesIn, filesRead, type ReferenceSources } from '../lib/link-check.ts';
import { articlePath, basePathOf } from '../lib/urls.ts';
import { stopBuild } from './stop-build.ts';

/**
 * The build checks every source verify checks (scripts/verify/internal-links.ts), so the build
 * enforces what the tests check: a feed, sitemap or JSON-LD URL that loses the base path breaks
 * what readers and search engines fetch as surely as a dead link, and only the build stops it
 * before a deploy. The cost, CPU time of the check on the sample site (54 pages and 16 other text
 * files, median of 300 runs, two runs): links and previews 13.2 ms (12.6 ms before they shared the
 * checker with verify), with JSON-LD 13.7 ms, with text URLs 15.9 ms. That is about +0.06 ms a page,
 * +26%: some +9 to +14 s on the 55 s the check takes at N = 100,000 (150,836 pages). A rebuild whose
 * output is unchanged skips the check (the marker above).
 */
const BUILD_SOURCES: ReferenceSources = { links: true, previews: true, jsonLd: true, textUrls: true };

export default function linkCheck(
  files: { downloads(): string[] } = { downloads: () => [] },
): AstroIntegration {
  let siteUrl = 'https://example.org';
  let basePath = '/';
  let root = '';
  let passedDir = '';
  return {
    name: 'wirepress:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? siteUrl;
        basePath = basePathOf(config.base);
        root = fileURLToPath(config.root);
        passedDir = fileURLToPath(new URL('link-check-passed/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const distFiles = filesIn(dist);
        // HTML files next to articles are downloads, not pages (src/integrations/article-files.ts).
        const downloads = new Set(files.downloads().map((path) => path.slice(1)));
        const read = filesRead({ files: distFiles, sources: BUILD_SOURCES, downloads });
        const checker = readFileSync(new URL('../lib/link-check.ts', import.meta.url));
        const inputs = [
          siteUrl,
          basePath,
          JSON.stringify(BUILD_SOURCES),
          [...distFiles].sort().join('\n'),
          checker,
        ];
        // The pages' digests were taken when the sitemap's filter read them (src/build-output/page-facts.ts).
        const digest = fileDigest(dist, read, inputs, (path) =>
          path.endsWith('.html')
            ? pageFacts(join(dist, path)).digest
            : sha256Of(readFileSync(join(dist, path))),
        );
        const passed = join(passedDir, digest);
        if (existsSync(passed)) {
          logger.info(
            `Links unchanged since the last passing check (${read.length} files read): not checked again`,
          );
          return;
        }
        const { broken, onThreads } = await brokenReferencesOnTwoThreads(
          { dist, files: distFiles, siteUrl, basePath, downloads, sources: BUILD_SOURCES },
          { threads: readEnvironment(process.env).BUILD_THREADS },
        );
        if (broken.length === 0) {
          logger.info(
            `Every internal reference in the ${read.length} files resolves ` +
              `(${onThreads} of them read on two threads)`,
          );
          rmSync(passedDir, { recursive: true, force: true });
          mkdirSync(passedDir, { recursive: true });
          writeFileSync(passed, '');
          return;
        }
        const sources = new Map(
          checkedArticles().map((article) => [
            `${articlePath(article.id)}index.html`,
            relative(root, article.file).split(sep).join('/'),
          ]),
        );
        for (const { page, attribute, target, reason } of broken) {
          const source = sources.get(page);
          logger.error(
            `${source ? `${source} (page dist/${page})` : `dist/${page}`}: ${attribute} "${target}" ${reason}`,
          );
        }
        stopBuild(
          logger,
          `Link check failed: ${broken.length} broken internal ` +
            `reference${broken.length === 1 ? '' : 's'} in the built site.`,
          'Fix the links listed above: point them at a page that exists (articles ' +
            'are at /articles/<slug>/) or an id on that page, or remove them.',
        );
      },
    },
  };
}
