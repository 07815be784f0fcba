/** Which files the content check reads: articles as Astro's glob loader sees them, and author files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** An author file's name without its extension is the author's id. */
export const AUTHOR_FILE = /\.(md|ya?ml)$/;

/** The entries of `dir` that `accept` takes, sorted; none when the folder does not exist. */
function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  try {
    return readdirSync(dir).filter(accept).sort();
  } catch {
    return [];
  }
}

/** content/articles/*.md and content/articles/<folder>/index.md, as the glob loader sees them. */
export function articleEntries(articlesDir: string): string[] {
  // Like the glob loader, hidden files and folders (.drafts/, .DS_Store) are not articles.
  return listFiles(articlesDir, (name) => !name.startsWith('.')).flatMap((name) => {
    const path = join(articlesDir, name);
    if (statSync(path).isDirectory()) {
      return listFiles(path, (file) => file === 'index.md').map((file) => `${name}/${file}`);
    }
    return name.endsWith('.md') ? [name] : [];
  });
}

/** content/authors/*.md, *.yaml and *.yml, hidden files left out. */
export const authorEntries = (authorsDir: string): string[] =>
  listFiles(authorsDir, (name) => !name.startsWith('.') && AUTHOR_FILE.test(name));
