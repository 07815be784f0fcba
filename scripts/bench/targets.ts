/**
 * What the benchmark builds: the real site, and the baselines it is compared with in the same run.
 * Each target lays out a project over the corpus in its own temp dir, knows the command that
 * builds it, and what to delete so that the next build is cold.
 */
import { cpSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { applyVariant, type Variant } from './variants.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');
const benchDir = import.meta.dirname;
/** Articles' dates are all before this, so every one is published. */
export const PUBLISH_NOW = '2026-11-30T12:00:00Z';

export interface BuildCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface BenchTarget {
  name: string;
  /** Why it cannot run on this machine, or undefined when it can. */
  unavailable(): string | undefined;
  /** Lays out a project in `root` whose content/ is a copy of `contentDir`. */
  prepare(root: string, contentDir: string): void;
  command(root: string): BuildCommand;
  /** Deletes output and every cache (build caches, Node's compile cache) for a cold build. */
  clean(root: string): void;
  outDir(root: string): string;
  /** Where encoded images are cached: new files there after a build are that build's encodes. */
  imageCaches(root: string): string[];
  /**
   * Everything a build keeps on disk besides its output for the next build to reuse (a CI runner
   * holds it beside the output, and a deploy workflow restores it).
   */
  cacheDirs(root: string): string[];
  /** False for one-shot baselines, where a second build is just another cold build. */
  rebuilds: boolean;
}

const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

function copyContent(contentDir: string, root: string, only?: string): void {
  cpSync(only ? join(contentDir, only) : contentDir, join(root, 'content', only ?? ''), { recursive: true });
}

/** Shared by the real site and the minimal Astro blog: caches live in the temp project. */
function astroTarget(
  name: string,
  layOut: (root: string) => void,
  options: { heapMb?: number },
): BenchTarget {
  return {
    name,
    rebuilds: true,
    unavailable: () => undefined,
    prepare(root, contentDir) {
      layOut(root);
      symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
      copyContent(contentDir, root);
    },
    command(root) {
      const configFile = existsSync(join(root, 'astro.config.bench.mjs'))
        ? ['--config', 'astro.config.bench.mjs']
        : [];
      return {
        command: process.execPath,
        args: [
          ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
          astroBin,
          'build',
          '--root',
          root,
          ...configFile,
        ],
        env: {
          ...process.env,
          PUBLISH_NOW,
          ASTRO_TELEMETRY_DISABLED: '1',
          ASTRO_CACHE_DIR: join(root, '.cache'),
          // Astro enables Node's compile cache, by default in the OS temp dir where it would
          // outlive "cold" builds and hide most of their cost: keep it inside the temp project.
          NODE_COMPILE_CACHE: join(root, '.node-compile-cache'),
        },
      };
    },
    clean(root) {
      for (const path of ['dist', '.astro', '.cache', '.node-compile-cache'])
        rmSync(join(root, path), { recursive: true, force: true });
    },
    outDir: (root) => join(root, 'dist'),
    imageCaches: (root) => [join(root, '.cache/assets'), join(root, '.cache/og-images')],
    cacheDirs: (root) => ['.astro', '.cache', '.node-compile-cache'].map((dir) => join(root, dir)),
  };
}

const SITE_FILES = ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json'];

/**
 * Copies the site's own files (not content/) from the working tree, once per benchmark, so that
 * every run of a long benchmark builds the same site even while the working tree changes.
 */
export function snapshotSite(into: string): string {
  for (const entry of SITE_FILES) {
    if (existsSync(join(projectRoot, entry)))
      cpSync(join(projectRoot, entry), join(into, entry), { recursive: true });
  }
  return into;
}

/** The real site from a snapshot (optionally with one option changed, for measuring it). */
export function wirepressTarget(
  variant: Variant,
  options: { snapshot: string; heapMb?: number },
): BenchTarget {
  return astroTarget(
    variant.name === 'as-configured' ? 'wirepress' : `wirepress[${variant.name}]`,
    (root) => {
      cpSync(options.snapshot, root, { recursive: true });
      applyVariant(root, variant);
    },
    options,
  );
}

export function minimalAstroTarget(options: { heapMb?: number } = {}): BenchTarget {
  return astroTarget(
    'minimal-astro',
    (root) => cpSync(join(benchDir, 'minimal-astro'), root, { recursive: true }),
    options,
  );
}

export const floorTarget: BenchTarget = {
  name: 'floor-unified',
  rebuilds: false,
  unavailable: () => undefined,
  prepare: (root, contentDir) => copyContent(contentDir, root, 'articles'),
  command: (root) => ({
    command: process.execPath,
    args: [join(benchDir, 'floor.ts'), join(root, 'content'), join(root, 'out')],
    env: { ...process.env, NODE_COMPILE_CACHE: join(root, '.node-compile-cache') },
  }),
  clean: (root) => {
    for (const path of ['out', '.node-compile-cache'])
      rmSync(join(root, path), { recursive: true, force: true });
  },
  outDir: (root) => join(root, 'out'),
  imageCaches: () => [],
  cacheDirs: (root) => [join(root, '.node-compile-cache')],
};

function which(binary: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const hugoTarget: BenchTarget = {
  name: 'hugo',
  rebuilds: true,
  unavailable: () =>
    which('hugo') ? undefined : 'not installed (Debian package `hugo`: apt-get install hugo)',
  prepare(root, contentDir) {
    cpSync(join(benchDir, 'peers/hugo'), root, { recursive: true });
    copyContent(contentDir, root, 'articles');
  },
  command: (root) => ({
    command: which('hugo')!,
    args: ['--source', root, '--destination', 'public', '--quiet'],
    env: process.env,
  }),
  clean: (root) => {
    for (const path of ['public', 'resources', '.hugo_build.lock'])
      rmSync(join(root, path), { recursive: true, force: true });
  },
  outDir: (root) => join(root, 'public'),
  imageCaches: () => [],
  cacheDirs: (root) => [join(root, 'resources')],
};

/** Eleventy is not a dependency of the project: `--install-peers` installs it into `peersDir`. */
export function eleventyTarget(peersDir: string): BenchTarget {
  const cli = join(peersDir, 'node_modules/@11ty/eleventy/cmd.cjs');
  return {
    name: 'eleventy',
    rebuilds: true,
    unavailable: () => (existsSync(cli) ? undefined : 'not installed (run the bench with --install-peers)'),
    prepare(root, contentDir) {
      cpSync(join(benchDir, 'peers/eleventy/eleventy.config.mjs'), join(root, 'eleventy.config.mjs'));
      cpSync(join(benchDir, 'peers/eleventy/_includes'), join(root, 'content/_includes'), {
        recursive: true,
      });
      copyContent(contentDir, root, 'articles');
      cpSync(
        join(benchDir, 'peers/eleventy/articles.11tydata.mjs'),
        join(root, 'content/articles/articles.11tydata.mjs'),
      );
    },
    command: (root) => ({
      command: process.execPath,
      args: [cli, '--config=eleventy.config.mjs', '--quiet'],
      env: { ...process.env, NODE_COMPILE_CACHE: join(root, '.node-compile-cache') },
    }),
    clean: (root) => {
      for (const path of ['_site', '.cache', '.node-compile-cache'])
        rmSync(join(root, path), { recursive: true, force: true });
    },
    outDir: (root) => join(root, '_site'),
    imageCaches: () => [],
    cacheDirs: (root) => ['.cache', '.node-compile-cache'].map((dir) => join(root, dir)),
  };
}

export function installEleventy(peersDir: string): void {
  execFileSync('npm', ['install', '--prefix', peersDir, '--no-audit', '--no-fund', '@11ty/eleventy@3'], {
    stdio: 'inherit',
  });
}
