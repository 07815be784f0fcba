/**
 * Authors' names by id, for the bylines of story cards. Every card on every listing asks, so a
 * build reads the collection once; `astro dev` reads it afresh so edits show.
 */
import { getCollection } from 'astro:content';

let built: Promise<Map<string, string>> | undefined;

const load = async () =>
  new Map((await getCollection('authors')).map((author) => [author.id, author.data.name]));

export async function authorNames(ids: string[]): Promise<string[]> {
  const names = await (import.meta.env.DEV ? load() : (built ??= load()));
  return ids.map((id) => names.get(id) ?? id);
}
