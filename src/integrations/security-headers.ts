/**
 * Writes dist/_headers (Netlify, Cloudflare Pages) after the build: security headers, the CSP
 * header built from the CSP <meta> of every page Astro wrote, and Cache-Control rules for the
 * site's actual top-level folders and files. See src/lib/security-headers.ts for why.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { headerPolicy, headersFile, metaPolicyOf } from '../lib/security-headers.ts';

function htmlFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(directory, path));
}

export default function securityHeaders(): AstroIntegration {
  return {
    name: 'wirepress:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const policies = new Set<string>();
        const withoutPolicy: string[] = [];
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const policy = metaPolicyOf(html);
          // Astro's redirect pages (article aliases) are bare meta refreshes without a CSP.
          // A copy, not the match: a substring keeps its whole page alive (150,000 pages of HTML).
          if (policy) policies.add(Buffer.from(policy).toString());
          else if (!/<meta\s+http-equiv="refresh"/i.test(html)) withoutPolicy.push(relative(dist, file));
        }
        if (withoutPolicy.length) {
          throw new AstroError(`These pages have no Content-Security-Policy <meta>: ${withoutPolicy.join(', ')}`, 'Keep security.csp on in astro.config.ts and render every page through BaseLayout.');
        }
        const entries = readdirSync(dist, { withFileTypes: true });
        const layout = {
          folders: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
          files: entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
        };
        writeFileSync(join(dist, '_headers'), headersFile(headerPolicy([...policies]), layout));
        logger.info(`Wrote _headers from the ${policies.size} distinct CSPs of the pages`);
      },
    },
  };
}
