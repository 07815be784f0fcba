/**
 * The dev server's second route-cache clear (src/integrations/dev-route-refresh.ts), driven
 * without a dev server: a data store write clears the rendering environments' route caches at
 * once and again when each request that was running at the time ends; nothing else does.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { beforeEach, describe, expect, it } from 'vitest';
import { refreshRoutesAfterContentChanges } from '../../src/integrations/dev-route-refresh.ts';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

const ROOT = '/site';
const DATA_STORE = join(ROOT, '.astro/data-store.json');

let watcher: EventEmitter;
let middleware: Middleware;
let sent: string[];

beforeEach(() => {
  watcher = new EventEmitter();
  sent = [];
  const environment = (name: string) => ({
    hot: { send: (event: string) => sent.push(`${name} ${event}`) },
  });
  const server = {
    config: { root: ROOT },
    watcher,
    environments: {
      client: environment('client'),
      ssr: environment('ssr'),
      prerender: environment('prerender'),
    },
    middlewares: { use: (handler: Middleware) => (middleware = handler) },
  };
  refreshRoutesAfterContentChanges(server as unknown as ViteDevServer);
});

/** Starts a request through the middleware; returns a function that ends it. */
function startRequest(): () => void {
  const response = new EventEmitter();
  let passed = false;
  middleware(
    { url: '/articles/a/' } as IncomingMessage,
    response as unknown as ServerResponse,
    () => (passed = true),
  );
  expect(passed).toBe(true);
  return () => response.emit('close');
}

const BOTH_CLEARED = ['ssr astro:content-changed', 'prerender astro:content-changed'];

describe('clearing the dev route cache after a content change', () => {
  it('clears the rendering environments at once when the data store is written', () => {
    watcher.emit('change', DATA_STORE);
    expect(sent).toEqual(BOTH_CLEARED);
  });

  it('clears them again when a request that was running at the write ends', () => {
    const end = startRequest();
    watcher.emit('change', DATA_STORE);
    sent = [];
    end();
    expect(sent).toEqual(BOTH_CLEARED);
  });

  it('leaves the cache alone after a request that started after the write', () => {
    watcher.emit('add', DATA_STORE);
    sent = [];
    const end = startRequest();
    end();
    expect(sent).toEqual([]);
  });

  it('ignores other files, and requests while nothing was written', () => {
    const end = startRequest();
    watcher.emit('change', join(ROOT, 'content/articles/a/index.md'));
    watcher.emit('change', join(ROOT, '.astro/content-assets.mjs'));
    end();
    expect(sent).toEqual([]);
  });
});
