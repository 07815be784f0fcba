/**
 * Searches a built site's Pagefind index from Node, with the same pagefind.js and WebAssembly a
 * browser loads from dist/pagefind/, and its shards merged as the search page merges them. Runs
 * in a child process because pagefind.js fetches its files relative to its own URL: the child
 * answers file: URLs from disk and nothing else.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
}

const CHILD =
  `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
const [entry, query] = process.argv.slice(1);
globalThis.fetch = async (input) => {
  const url = new URL(String(input instanceof Request ? input.url : input));
  if (url.protocol !== 'file:') throw new Error('pagefind asked for a non-local URL: ' + url);
  return new Response(await readFile(fileURLToPath(url)));
};
const pagefind = await import(entry);
await pagefind.options({ baseUrl: '/' });
// As public/search.js does: the shards after the first, listed beside it.
const { merged } = JSON.parse(await readFile(new URL('shards.json', entry), 'utf8'));
await Promise.all(merged.map((folder) => pagefind.mergeIndex(new URL(folder, entry).href, { baseUrl: '/' })));
const { results } = await pagefind.search(query);
const hits = await Promise.all(results.map((result) => result.data()));
process.stdout.write(JSON.stringify(hits.map((hit) ` +
  `=> ({ url: hit.url, title: hit.meta.title, excerpt: hit.excerpt }))));
`;

export async function searchBuiltSite(dist: string, query: string): Promise<SearchHit[]> {
  const entry = pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href;
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--input-type=module',
    '-e',
    CHILD,
    entry,
    query,
  ]);
  return JSON.parse(stdout) as SearchHit[];
}
