/**
 * An article's author entries, for its page, its feed item and its page key. The content check
 * guarantees every id has a file; only while `astro dev` reloads content after a fix can an entry
 * be briefly missing (the check has passed, the collection has not caught up), and then it is
 * left out for that one render instead of crashing the page.
 */
import { getEntries } from 'astro:content';
import type { Article } from './articles';

export async function articleAuthors(article: Article) {
  const { authors } = article.data;
  if (authors.length === 0) return [];
  const entries = await getEntries(authors.map((id) => ({ collection: 'authors' as const, id })));
  return entries.filter((entry) => entry !== undefined);
}
