/**
 * After the build, checks that every internal link, fragment and image reference in dist/
 * resolves (src/lib/link-check.ts), and fails the build naming the page, the article it was
 * built from and the target. Registered last, so it sees what other integrations wrote.
 *
 * The result is a pure function of the built pages, the other files' names and the checker, so a
 * rebuild whose pages are byte for byte those of the last passing check skips it: a marker named
 * by their digest is kept in Astro's cache dir.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkedArticles } from '../lib/checked-articles.ts';
import { fileDigest } from '../lib/file-digest.ts';
import { brokenReferences, filesIn } from '../lib/link-check.ts';
import { articlePath, basePathOf } from '../lib/urls.ts';
import { stopBuild } from './stop-build.ts';

export default function linkCheck(files: { downloads(): string[] } = { downloads: () => [] }): AstroIntegration {
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
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const distFiles = filesIn(dist);
        // HTML files next to articles are downloads, not pages (src/integrations/article-files.ts).
        const downloads = new Set(files.downloads().map((path) => path.slice(1)));
        const pages = [...distFiles].filter((file) => file.endsWith('.html') && !downloads.has(file));
        const checker = readFileSync(new URL('../lib/link-check.ts', import.meta.url));
        const digest = fileDigest(dist, pages, [siteUrl, basePath, [...distFiles].sort().join('\n'), checker]);
        const passed = join(passedDir, digest);
        if (existsSync(passed)) {
          logger.info(`Links unchanged since the last passing check (${pages.length} pages): not checked again`);
          return;
        }
        const readText = (path: string) => readFileSync(join(dist, path), 'utf8');
        const checked = { links: true, previews: true, jsonLd: false, textUrls: false };
        const broken = brokenReferences({ files: distFiles, readText, siteUrl, basePath, downloads, sources: checked });
        if (broken.length === 0) {
          rmSync(passedDir, { recursive: true, force: true });
          mkdirSync(passedDir, { recursive: true });
          writeFileSync(passed, '');
          return;
        }
        const sources = new Map(checkedArticles().map((article) => [`${articlePath(article.id)}index.html`, relative(root, article.file).split(sep).join('/')]));
        for (const { page, attribute, target, reason } of broken) {
          const source = sources.get(page);
          logger.error(`${source ? `${source} (page dist/${page})` : `dist/${page}`}: ${attribute} "${target}" ${reason}`);
        }
        stopBuild(
          logger,
          `Link check failed: ${broken.length} broken internal reference${broken.length === 1 ? '' : 's'} in the built site.`,
          'Fix the links listed above: point them at a page that exists (articles are at /articles/<slug>/) or an id on that page, or remove them.',
        );
      },
    },
  };
}
