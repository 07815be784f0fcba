/**
 * Vitest global setup: builds the real site (the project's own content, fixed clock) once for all
 * integration and browser tests, and hands its dist/ path to them through `inject('siteDist')`.
 * A second build of the same content for a GitHub Pages project site (BASE_PATH=/news/ on
 * SITE_URL https://example.github.io, search in shards of three) serves every test of the
 * base path (`inject('basePathSite')`); it starts from the first build's image cache, since the
 * images do not depend on the base path.
 *
 * Both projects list this setup, and Vitest runs each project's global setup in its own module
 * instance of the same process: the builds are therefore kept on `globalThis`, so one `npm test`
 * builds each site once, not once per project, and the last project to finish removes them.
 */
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildResult } from './build-site.ts';

/** The mount the base-path build is made for: a project site at https://example.github.io/news/. */
export const BASE_PATH_MOUNT = { siteUrl: 'https://example.github.io', basePath: '/news/' } as const;

interface SharedBuilds {
  builds: Promise<BuildResult[]>;
  users: number;
}
const KEY = Symbol.for('wirepress.tests.siteBuild');
const shared = globalThis as { [KEY]?: SharedBuilds };

async function buildBoth(): Promise<BuildResult[]> {
  const site = await buildSite();
  if (site.exitCode !== 0) return [site];
  const basePathSite = await buildSite({
    env: {
      BASE_PATH: BASE_PATH_MOUNT.basePath,
      SITE_URL: BASE_PATH_MOUNT.siteUrl,
      WIREPRESS_SEARCH_SHARD_SIZE: '3',
    },
    imageCache: site.imageCache,
  });
  return [site, basePathSite];
}

export default async function setup(project: TestProject) {
  const entry = (shared[KEY] ??= { builds: buildBoth(), users: 0 });
  entry.users++;
  const builds = await entry.builds;
  const release = () => {
    if (--entry.users > 0) return;
    for (const build of builds) build.cleanup();
    delete shared[KEY];
  };
  const failed = builds.find((build) => build.exitCode !== 0);
  if (failed) {
    release();
    throw new Error(`The site did not build (exit ${failed.exitCode}):\n${failed.output}`);
  }
  project.provide('siteDist', builds[0]!.dist);
  project.provide('basePathSite', builds[1]!.dist);
  project.provide('siteImageCache', builds[0]!.imageCache);
  return release;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
    /** dist/ of the real site built for BASE_PATH_MOUNT, with search shards of three articles. */
    basePathSite: string;
    /**
     * The real site's image cache: fixture builds that add articles to the real content pass it
     * as buildSite's `imageCache` and skip re-encoding the real articles' pictures.
     */
    siteImageCache: string;
  }
}
