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
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Astro hands loaders its content entry types by file extension (markdown's has the render
 * function). Not in the public LoaderContext type, but what the glob loader reads
 * (astro/dist/content/loaders/glob.js); tests/loaders/front-matter-only.test.ts notices a change.
 */
type EntryTypes = Map<string, { getRenderFunction?: unknown }>;

function withoutRendering(entryTypes: EntryTypes): EntryTypes {
  return new Map([...entryTypes].map(([extension, entryType]) => [extension, { ...entryType, getRenderFunction: undefined }]));
}

/** `loader` (a glob loader created with `retainBody: false`) storing front matter only. */
export function frontMatterOnly(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      if (!entryTypes) throw new Error('frontMatterOnly: Astro no longer passes entryTypes to loaders; see src/loaders/front-matter-only.ts');
      return loader.load({ ...context, entryTypes: withoutRendering(entryTypes) } as LoaderContext);
    },
  };
}
