/**
 * Builds a site with the real `astro build` in a throw-away copy of the project, so tests never
 * touch the working tree's dist/, .astro/ or cache, and several builds can run side by side.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** A content/ folder to build instead of the project's own. */
  contentDir?: string;
  /** Extra environment (SITE_URL, BASE_PATH, PUBLISH_NOW, …). */
  env?: Record<string, string>;
  /** Files to write into the copy before building: path relative to its root -> contents. */
  files?: Record<string, string | Buffer>;
  /**
   * Another build's image cache (its `.cache/assets`) to start from: a build of the same images
   * then skips re-encoding them (~7 CPU-s for the real site's 208 variants) with identical output.
   */
  imageCache?: string;
}

export interface BuildResult {
  root: string;
  dist: string;
  exitCode: number;
  output: string;
  /** Its image cache, for `imageCache` of a later build of the same images. */
  imageCache: string;
  /** Builds the same copy again (same caches, same env), e.g. after changing its content/. */
  rebuild: () => Promise<{ exitCode: number; output: string }>;
  cleanup: () => void;
}

/** The fixed clock integration tests build with, so dated assertions never drift. */
export const TEST_NOW = '2026-11-30T12:00:00Z';

/** A throw-away copy of the project (code, config, node_modules linked) with `options`' content and files. */
export function copyProject(options: BuildOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'wirepress-build-'));
  for (const entry of ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(projectRoot, entry)))
      cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  cpSync(options.contentDir ?? join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  if (options.imageCache) cpSync(options.imageCache, imageCacheOf(root), { recursive: true });
  for (const [path, contents] of Object.entries(options.files ?? {})) {
    const target = join(root, path);
    mkdirSync(resolve(target, '..'), { recursive: true });
    writeFileSync(target, contents);
  }
  return root;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = copyProject(options);

  const env = buildEnvironment(root, options.env);
  const { exitCode, output } = await astroBuild(root, env);
  return {
    root,
    dist: join(root, 'dist'),
    exitCode,
    output,
    imageCache: imageCacheOf(root),
    rebuild: () => astroBuild(root, env),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * One V8 compile cache for every build and dev server the tests start: Astro, Vite and Rollup are
 * then compiled once, not once per build (measured: ~20.5 -> ~17 CPU-s a build of the real site).
 * Node keys each entry by its module's source and compiles afresh when an entry is missing or does
 * not match (the cache is a quiet optimization by design); it holds code only, never content, so
 * no test's output depends on it.
 */
const SHARED_COMPILE_CACHE = join(projectRoot, 'node_modules/.cache/wirepress-tests-compile-cache');

/** Where Astro keeps a copy's optimized images: `assets/` in its ASTRO_CACHE_DIR (buildEnvironment). */
const imageCacheOf = (root: string) => join(root, '.cache/assets');

/** What `astro build` and `astro dev` run with in tests: the fixed clock, content caches inside the copy. */
export function buildEnvironment(root: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...withoutViteEnv(process.env),
    PUBLISH_NOW: TEST_NOW,
    ASTRO_CACHE_DIR: join(root, '.cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_COMPILE_CACHE: SHARED_COMPILE_CACHE,
    ...extra,
  };
}

export function astroBuild(
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number; output: string }> {
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  return new Promise((done) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', root], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // Colours are on when CI is set (picocolors): tests match the words, not the escape codes.
    child.on('close', (code) => done({ exitCode: code ?? 1, output: stripVTControlCharacters(output) }));
  });
}

/**
 * Vitest mirrors import.meta.env into process.env (BASE_URL=/, MODE=test, DEV=1, …); passed on to
 * `astro build`, BASE_URL overrides the configured base, so a BASE_PATH build came out unprefixed.
 */
const VITE_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);
function withoutViteEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !VITE_ENV.has(name)));
}
