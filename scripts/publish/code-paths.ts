/**
 * Did code change? A push whose changes all lie under content/ (articles, their images, authors)
 * changes only what the build itself checks (front matter, links, images), so it deploys after
 * build + verify without `npm test`. Anything else (src/, scripts/, tests/, astro.config.ts,
 * package files, workflows, public/, docs the tests read) is treated as code.
 * Node built-ins only: the workflows' plan step runs before `npm ci`.
 */
import { execFileSync } from 'node:child_process';

export const CONTENT_FOLDER = 'content/';

export const isContent = (path: string) => path.startsWith(CONTENT_FOLDER);

/** The changed paths that are code. */
export const codeAmong = (paths: string[]) => paths.filter((path) => !isContent(path));

/**
 * Paths changed between `base` and `head` in the git repository at `cwd`, fetching `base` when a
 * shallow checkout lacks it. Throws with a readable reason when git cannot tell.
 */
export function changedPaths(base: string, head: string, cwd: string): string[] {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('cat-file', '-e', `${base}^{commit}`);
  } catch {
    try {
      git('fetch', '--no-tags', '--depth=1', 'origin', base);
    } catch {
      throw new Error(`commit ${base} is not in this checkout and could not be fetched`);
    }
  }
  try {
    return git('diff', '--name-only', '--no-renames', base, head).split('\n').filter(Boolean);
  } catch (error) {
    throw new Error(
      `git diff ${base} ${head} failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`,
      { cause: error },
    );
  }
}
