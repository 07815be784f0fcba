/**
 * A content loader that keeps an entry's front matter, digest and file path, but neither its body
 * nor its rendered HTML: pages render bodies themselves (src/data/article-body.ts).
 *
 * Why: Astro's glob loader renders every markdown file while syncing and keeps body and HTML in
 * the content data store, which Astro reads as one string and bundles as one JavaScript module.
 * At 10,000 articles that module was 102 MB, V8 compiled it again after any edit (~80 s), and
 * V8's string limit stops a single-file store at about 45,000 articles (docs/performance.md).
 * Without bodies an entry is ~1 KB, and content sync no longer runs the markdown pipeline.
 *
 * It wraps the glob loader rather than re-implementing it, so file discovery, ids, digests,
 * skipping unchanged files, front-matter images and dev-server watching stay Astro's own. The
 * glob loader only renders entry types that offer a render function; we offer none.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articleEntries } from '../lib/frontmatter-check-entries.ts';

/**
 * Astro hands loaders its content entry types by file extension (markdown's has the render
 * function). Not in the public LoaderContext type, but what the glob loader reads
 * (astro/dist/content/loaders/glob.js); tests/loaders/front-matter-only.test.ts notices a change.
 */
type EntryTypes = Map<string, { getRenderFunction?: unknown }>;

function withoutRendering(entryTypes: EntryTypes): EntryTypes {
  return new Map(
    [...entryTypes].map(([extension, entryType]) => [
      extension,
      { ...entryType, getRenderFunction: undefined },
    ]),
  );
}

type Watcher = NonNullable<LoaderContext['watcher']>;
type Handler = (path: string) => unknown;

/**
 * In `astro dev`, two files claiming one id (a duplicate slug) share one store entry. When one of
 * them is fixed, renamed or deleted, the glob loader deletes the old id, and the other file's
 * article vanished until that file was saved again. So after each change that removed an id, the
 * articles on disk the store no longer holds are loaded again, through the loader's own handler.
 */
function resyncingWatcher(watcher: Watcher, { store, config }: LoaderContext, base: string): Watcher {
  let onChange: Handler | undefined;
  const root = fileURLToPath(config.root);
  const articlesDir = resolve(root, base);
  const storedFiles = () =>
    new Set(store.values().flatMap((entry) => (entry.filePath ? [resolve(root, entry.filePath)] : [])));
  const afterwards = (handler: Handler) => async (path: string) => {
    const idsBefore = store.keys();
    await handler(path);
    if (!onChange || idsBefore.every((id) => store.has(id))) return;
    const stored = storedFiles();
    for (const file of articleEntries(articlesDir).map((entry) => join(articlesDir, entry))) {
      if (file !== path && !stored.has(file)) await onChange(file);
    }
  };
  const proxy: Watcher = new Proxy(watcher, {
    get(target, property) {
      if (property === 'on') {
        return (event: string, handler: Handler) => {
          if (event === 'change') onChange = handler;
          target.on(event, ['change', 'add', 'unlink'].includes(event) ? afterwards(handler) : handler);
          return proxy;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}

/**
 * `loader` (a glob loader created with `retainBody: false`) storing front matter only.
 * `articlesDir` (the glob loader's base, relative to the project) lets it reload both files of a fixed duplicate.
 */
export function frontMatterOnly(loader: Loader, articlesDir?: string): Loader {
  return {
    ...loader,
    load: async (context) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      if (!entryTypes)
        throw new Error(
          'frontMatterOnly: Astro no longer passes entryTypes to loaders; see src/loaders/front-matter-only.ts',
        );
      const watcher =
        context.watcher && articlesDir
          ? resyncingWatcher(context.watcher, context, articlesDir)
          : context.watcher;
      return loader.load({ ...context, watcher, entryTypes: withoutRendering(entryTypes) } as LoaderContext);
    },
  };
}
