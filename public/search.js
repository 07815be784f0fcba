// @ts-check
/**
 * The search page's only script (src/pages/search.astro). A plain module in public/ rather than
 * a bundled <script>: Pagefind's index only exists after the build, so it is loaded with a
 * runtime import(), which Astro 7 would otherwise inline into the page with an unresolved Vite
 * preload placeholder. Loads Pagefind, reveals the form, and shows results for the query in the
 * address (?q=), so searches are shareable and the back button works. Excerpts are rebuilt from
 * text and <mark> only, never inserted as HTML.
 */
const RESULTS_SHOWN = 20;
// This file sits at the site root, so the base path (e.g. /news/) is its own folder.
const base = new URL('.', import.meta.url);

const form = /** @type {HTMLFormElement} */ (document.querySelector('#page-search-form'));
const input = /** @type {HTMLInputElement} */ (document.querySelector('#page-search-input'));
const status = /** @type {HTMLElement} */ (document.querySelector('#page-search-status'));
const list = /** @type {HTMLOListElement} */ (document.querySelector('#page-search-results'));

/**
 * @typedef {{
 *   options(o: { baseUrl: string }): Promise<void>,
 *   mergeIndex(path: string, o: { baseUrl: string }): Promise<void>,
 *   search(q: string): Promise<{ results: { data(): Promise<Result> }[] }>,
 * }} Pagefind
 */

/**
 * The index is built in shards (src/lib/search-shards.ts): pagefind/ holds the first with
 * pagefind.js, pagefind/shards.json lists the others, and Pagefind merges them into its results,
 * one list ranked by score.
 * @returns {Promise<Pagefind | undefined>}
 */
async function loadPagefind() {
  try {
    const indexes = new URL('pagefind/', base);
    const [pagefind, shards] = await Promise.all([
      import(new URL('pagefind.js', indexes).href),
      fetch(new URL('shards.json', indexes)).then((response) => response.json()),
    ]);
    const options = { baseUrl: base.pathname };
    await pagefind.options(options);
    const merged = /** @type {string[]} */ (shards.merged);
    await Promise.all(merged.map((folder) => pagefind.mergeIndex(new URL(folder, indexes).href, options)));
    return pagefind;
  } catch {
    status.textContent = 'Search could not load. The sections in the menu above list every article.';
    return undefined;
  }
}

/** @typedef {{ url: string, excerpt: string, meta: { title?: string } }} Result */

/** @param {Pagefind} pagefind @param {string} query */
async function show(pagefind, query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  const { results } = await pagefind.search(query);
  const shown = await Promise.all(results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
  list.replaceChildren(...shown.map(resultItem));
  status.textContent = `${results.length} ${results.length === 1 ? 'article' : 'articles'} found for “${query}”.`;
}

/** @param {Result} data */
function resultItem(data) {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, excerpt);
  return item;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that. @param {string} html */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

const queryInAddress = () => new URLSearchParams(location.search).get('q') ?? '';
const pagefind = await loadPagefind();
if (pagefind) {
  form.classList.remove('needs-js');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.pushState(null, '', url);
    void show(pagefind, input.value);
  });
  addEventListener('popstate', () => {
    input.value = queryInAddress();
    void show(pagefind, input.value);
  });
  input.value = queryInAddress();
  await show(pagefind, input.value);
}
