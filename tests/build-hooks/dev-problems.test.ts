/**
 * The dev preview's problem panel middleware (src/integrations/dev-problems.ts), driven without a
 * dev server: while content has errors, pages get the panel, files no public file answers get a
 * plain 404, public files and Vite's own requests pass, and a stray "%" is no crash.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { serveProblems } from '../../src/integrations/dev-problems.ts';
import type { Problem } from '../../src/lib/frontmatter-check.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'dev-problems-'));
writeFileSync(join(publicDir, 'logo.png'), 'png');
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

const PROBLEM: Problem = {
  severity: 'error',
  file: 'content/articles/a/index.md',
  line: 2,
  column: 1,
  field: 'title',
  message: 'required field is missing',
  hint: '',
};

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** Answers `url` through the middleware: the status it set, or 'next' when it passed the request on. */
function answer(url: string): { status: number | 'next'; body: string } {
  let middleware: Middleware | undefined;
  const server = {
    config: { base: '/', publicDir },
    middlewares: { use: (handler: Middleware) => (middleware = handler) },
    ws: { send: () => {} },
  };
  serveProblems(server as unknown as ViteDevServer, [PROBLEM]);
  const response = {
    statusCode: 200,
    body: '',
    setHeader: () => {},
    end(text = '') {
      this.body = text;
    },
  };
  let passed = false;
  middleware!(
    { url, method: 'GET' } as IncomingMessage,
    response as unknown as ServerResponse,
    () => (passed = true),
  );
  return { status: passed ? 'next' : response.statusCode, body: response.body };
}

describe('the problem panel middleware, while content has an error', () => {
  it('answers a page with the panel naming the file and field', () => {
    const { status, body } = answer('/articles/a/');
    expect(status).toBe(500);
    expect(body).toContain('content/articles/a/index.md:2:1');
  });

  it('answers a file no public file holds (a browser asks for /favicon.ico) with a plain 404', () => {
    expect(answer('/favicon.ico').status).toBe(404);
  });

  it("passes public files and Vite's own requests on", () => {
    expect(answer('/logo.png').status).toBe('next');
    expect(answer('/@vite/client').status).toBe('next');
  });

  it('does not throw on a stray "%" in the path', () => {
    expect(answer('/bad%E0.png').status).toBe(404);
    expect(answer('/bad%zz/').status).toBe(500);
  });
});
