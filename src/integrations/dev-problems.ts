/**
 * Content problems in the dev preview, where an editor looks: while any content error is open,
 * every page request gets the problem panel (src/lib/problem-panel.ts) instead of a page rendered
 * from invalid data (a guessed date, a crash on an unknown author, a 500 on every page for one
 * misspelt hero path). Open tabs reload when the list changes, so a fix shows without a restart.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import type { Problem } from '../lib/frontmatter-check.ts';
import { problemPanel } from '../lib/problem-panel.ts';

/** Vite's own requests and built assets: never pages, always served as usual. */
const NOT_A_PAGE = /^\/(?:@|__|_astro\/|node_modules\/|src\/|\.astro\/)|\.(?:css|js|mjs|ts|png|jpe?g|gif|webp|avif|svg|ico|woff2?|map|txt)$/;

export interface DevProblems {
  /** Replaces the open problems; open tabs reload when they changed. */
  show(problems: Problem[]): void;
}

export function serveProblems(server: ViteDevServer, initial: Problem[]): DevProblems {
  let errors = initial.filter((problem) => problem.severity === 'error');
  const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
  server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '/').split('?')[0]!.slice(base.length - 1);
    if (errors.length === 0 || NOT_A_PAGE.test(path) || !['GET', 'HEAD'].includes(request.method ?? 'GET')) return next();
    response.statusCode = 500;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
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
