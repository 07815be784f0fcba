/**
 * Keeps `astro dev` from serving a page list that was read before the last content change.
 *
 * Astro's dev server caches each route's getStaticPaths() result and clears that cache when the
 * content layer writes its data store. A request already inside getStaticPaths() at that moment
 * (slow on a busy machine, and the content layer writes half a second after a save) stores the
 * old list once it returns, after the clear, and it is served until the next content change: an
 * editor who fixed a duplicate slug kept getting a 404 for the fixed article (seen in
 * tests/integration/editor-preview.test.ts on a loaded machine). Astro 7.3.5
 * (core/render/route-cache.js) has no guard against this.
 *
 * So the cache is cleared once more when the data store file changes, and again after every
 * request that was already running when it changed: any list stored from old data is dropped
 * before a reader can get it twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';

/** Where `astro dev` keeps its data store (single-file storage, the default). */
const devDataStore = (root: string) => join(resolve(root), '.astro', 'data-store.json');

/**
 * The message Astro's own dev server environments answer by clearing their route cache
 * (astro/dist/vite-plugin-app/createAstroServerApp.js); it only clears caches, so sending it again
 * costs one getStaticPaths() call per route on the next request.
 */
const CONTENT_CHANGED = 'astro:content-changed';

/** The Vite environments that render pages in `astro dev` (the ones Astro notifies itself). */
const RENDERING_ENVIRONMENTS = ['ssr', 'prerender'];

export function refreshRoutesAfterContentChanges(server: ViteDevServer): void {
  const dataStore = devDataStore(server.config.root);
  let storeWrites = 0;
  const clearRouteCaches = () => {
    for (const name of RENDERING_ENVIRONMENTS) server.environments[name]?.hot.send(CONTENT_CHANGED, {});
  };
  const onFileEvent = (path: string) => {
    if (resolve(path) !== dataStore) return;
    storeWrites += 1;
    // A list stored from old data before this event reached us (the watcher reports the write
    // after Astro has already cleared the cache) goes now.
    clearRouteCaches();
  };
  for (const event of ['add', 'change'] as const) server.watcher.on(event, onFileEvent);
  server.middlewares.use((_request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const writesAtStart = storeWrites;
    // 'close' comes after the response was sent or the client went away: either way the request's
    // getStaticPaths() call, if it made one, has stored its list by then.
    response.once('close', () => {
      if (storeWrites !== writesAtStart) clearRouteCaches();
    });
    next();
  });
}

export default function devRouteRefresh(): AstroIntegration {
  return {
    name: 'wirepress:dev-route-refresh',
    hooks: {
      'astro:server:setup': ({ server }) => refreshRoutesAfterContentChanges(server),
    },
  };
}
