/**
 * Writes dist/_headers (Netlify, Cloudflare Pages) after the build: security headers, the CSP
 * header built from the CSP <meta> of every page Astro wrote, Cache-Control rules for the
 * site's actual top-level folders and files, and `Content-Disposition: attachment` for files
 * linked from articles that a browser would render (src/integrations/article-files.ts). See
 * src/lib/security-headers.ts for why.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { pageFacts } from '../build-output/page-facts.ts';
import { readEnvironment } from '../lib/environment.ts';
import { framesSomething, headerPolicy, headersFile, type PagePolicy } from '../lib/security-headers.ts';

/** Cloudflare Pages reads at most 100 rules from _headers. */
const CLOUDFLARE_RULE_LIMIT = 100;

/** The URL path of a page file in dist/ (`articles/x/index.html` -> `/articles/x/`). */
const pathOf = (file: string) => `/${file.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

function htmlFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(directory, path));
}

export default function securityHeaders(
  files: { downloads(): string[] } = { downloads: () => [] },
): AstroIntegration {
  return {
    name: 'wirepress:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const policies = new Set<string>();
        // Pages that frame a video player get their own header CSP; the site-wide one keeps frame-src 'none'.
        const framing: PagePolicy[] = [];
        const withoutPolicy: string[] = [];
        // HTML files next to articles are downloads, not pages: they carry no CSP of their own.
        const downloads = new Set(files.downloads());
        for (const file of htmlFiles(dist).filter(
          (path) => !downloads.has(`/${relative(dist, path).split(sep).join('/')}`),
        )) {
          const { metaPolicy: policy, redirect } = pageFacts(file);
          // Astro's redirect pages (article aliases) are bare meta refreshes without a CSP.
          if (policy && framesSomething(policy))
            framing.push({ path: pathOf(relative(dist, file)), policy: headerPolicy([policy]) });
          else if (policy) policies.add(policy);
          else if (!redirect) withoutPolicy.push(relative(dist, file));
        }
        if (withoutPolicy.length) {
          throw new AstroError(
            `These pages have no Content-Security-Policy <meta>: ${withoutPolicy.join(', ')}`,
            'Keep security.csp on in astro.config.ts and render every page through BaseLayout.',
          );
        }
        const entries = readdirSync(dist, { withFileTypes: true });
        const layout = {
          folders: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
          files: entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
        };
        const file = headersFile(
          headerPolicy([...policies]),
          layout,
          framing,
          readEnvironment(process.env).NETLIFY ? 'netlify' : 'any',
          files.downloads(),
        );
        writeFileSync(join(dist, '_headers'), file);
        logger.info(
          `Wrote _headers from the ${policies.size} distinct CSPs of ` +
            `the pages, and ${framing.length} of pages that embed videos`,
        );
        const rules = file.split('\n').filter((line) => line.startsWith('/')).length;
        if (rules > CLOUDFLARE_RULE_LIMIT) {
          logger.warn(
            `_headers has ${rules} rules (${framing.length} for pages with ` +
              `videos, ${files.downloads().length} for files served as downloads); Cloudflare Pages reads ` +
              `only ${CLOUDFLARE_RULE_LIMIT}. On Cloudflare, serve video pages' CSP from their ` +
              `<meta> alone or move old video embeds to links, and host downloads elsewhere.`,
          );
        }
      },
    },
  };
}
