/**
 * Content problems in the dev preview, where an editor looks: while any content error is open,
 * every page request gets the problem panel (src/lib/problem-panel.ts) instead of a page rendered
 * from invalid data (a guessed date, a crash on an unknown author, a 500 on every page for one
 * misspelt hero path). Open tabs reload when the list changes, so a fix shows without a restart.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import type { Problem } from '../lib/frontmatter-check.ts';
import { problemPanel } from '../lib/problem-panel.ts';
import { basePathOf, decodePercent } from '../lib/urls.ts';

/** Vite's own requests (the panel loads its client): always served as usual. */
const VITE_OWN = /^\/(?:@|__|node_modules\/)/;
/** Requests for files rather than pages (a favicon, an image, a stylesheet). */
const A_FILE = /\.(?!html?$)[a-z0-9]+$/i;

export interface DevProblems {
  /** Replaces the open problems; open tabs reload when they changed. */
  show(problems: Problem[]): void;
}

export function serveProblems(server: ViteDevServer, initial: Problem[]): DevProblems {
  let errors = initial.filter((problem) => problem.severity === 'error');
  const base = basePathOf(server.config.base);
  const publicDir = server.config.publicDir;
  const isPublicFile = (path: string) => {
    // A stray "%" in a request must not throw here: it would answer 500 with a stack trace.
    const file = join(publicDir, decodePercent(path));
    return file.startsWith(publicDir) && existsSync(file) && statSync(file).isFile();
  };
  server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '/').split('?')[0]!.slice(base.length - 1);
    if (
      errors.length === 0 ||
      VITE_OWN.test(path) ||
      isPublicFile(path) ||
      !['GET', 'HEAD'].includes(request.method ?? 'GET')
    )
      return next();
    response.setHeader('Cache-Control', 'no-store');
    // Anything else would be answered by Astro, whose 404 page and image endpoint load the broken
    // content too (a browser's own /favicon.ico request printed Astro's ImageNotFound stack trace).
    if (A_FILE.test(path)) {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Not served while the content has problems: see any page of the preview.\n');
      return;
    }
    response.statusCode = 500;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(problemPanel(errors, `${base}@vite/client`));
  });
  return {
    show(problems) {
      const next = problems.filter((problem) => problem.severity === 'error');
      const changed = JSON.stringify(next) !== JSON.stringify(errors);
      errors = next;
      if (changed) server.ws.send({ type: 'full-reload', path: '*' });
    },
  };
}
