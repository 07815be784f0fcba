/**
 * A build renders every page from collections that do not change while it runs: read, filter and
 * sort them once, not once per page (thousands of article pages each sorting the whole archive made
 * builds quadratic in its size; docs/performance.md). `astro dev` reads afresh so edits show.
 * Each caller gets its own copy of the array.
 */
export function oncePerBuild<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  let cached: Promise<T[]> | undefined;
  return async () => (await (import.meta.env.DEV ? load() : (cached ??= load()))).slice();
}
