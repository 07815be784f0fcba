/**
 * Serves a built dist/ folder over HTTP on 127.0.0.1, the way a static host does: a directory
 * answers with its index.html, a miss answers 404 with dist/404.html, nothing outside the
 * folder is ever read. Browser tests and the Lighthouse audit load pages through it.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distFileCandidates } from '../../src/lib/link-check.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Text types every static host compresses (GitHub Pages, Netlify, Cloudflare); fonts and images already are. */
const COMPRESSED = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  close: () => Promise<void>;
}

/**
 * The file a URL path maps to inside root, or undefined when there is none. The mapping is the link
 * check's (src/lib/link-check.ts), so what the build accepts is what this serves; it refuses a path
 * that climbs out of root or holds a NUL byte, and answers a directory with its index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  const lookup = distFileCandidates(urlPath.split(/[?#]/)[0]!, '/');
  if ('refused' in lookup) return undefined;
  return lookup.candidates
    .map((file) => join(root, file))
    .find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const found = resolveStaticPath(root, request.url ?? '/');
    const notFound = found ? undefined : resolveStaticPath(root, '/404.html');
    const path = found ?? notFound;
    if (!path) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = contentTypeOf(path);
    const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    // Compressed as hosts serve it, so the Lighthouse audit weighs what readers download.
    if (COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(path));
      response.writeHead(found ? 200 : 404, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': body.length,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.writeHead(found ? 200 : 404, { ...headers, 'content-length': statSync(path).size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(path).pipe(response);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
