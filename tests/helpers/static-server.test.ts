import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';

describe('serveStatic', () => {
  const parent = mkdtempSync(join(tmpdir(), 'wirepress-static-'));
  const root = join(parent, 'dist');
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(join(root, 'articles/one'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    writeFileSync(join(root, 'articles/one/index.html'), '<p>one</p>');
    writeFileSync(join(root, '404.html'), '<p>missing</p>');
    writeFileSync(join(root, 'feed.json'), '{}');
    writeFileSync(join(root, 'photo.png'), 'png');
    writeFileSync(join(parent, 'secret.txt'), 'outside dist');
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('answers a directory with its index.html', async () => {
    const response = await fetch(`${server.origin}/articles/one/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<p>one</p>');
  });

  it('sends files with their content type', async () => {
    const response = await fetch(`${server.origin}/feed.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('compresses text as static hosts do, and only for a client that accepts gzip', async () => {
    const ask = (path: string, encoding: string) =>
      new Promise<IncomingMessage>((answered) =>
        get(`${server.origin}${path}`, { headers: { 'accept-encoding': encoding } }, answered),
      );
    const page = await ask('/articles/one/', 'gzip, br');
    const chunks: Buffer[] = [];
    for await (const chunk of page) chunks.push(chunk as Buffer);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe('<p>one</p>');
    expect((await ask('/articles/one/', 'identity')).headers['content-encoding']).toBeUndefined();
    expect((await ask('/photo.png', 'gzip')).headers['content-encoding']).toBeUndefined();
  });

  it('answers a miss with 404 and the site’s 404 page', async () => {
    const response = await fetch(`${server.origin}/nowhere/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<p>missing</p>');
  });

  it('never reads outside the folder, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/articles/..%2f..%2fsecret.txt', '/%00']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('outside dist');
    }
  });
});
