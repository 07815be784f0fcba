/**
 * Vitest global setup: builds the real site (the project's own content, fixed clock) once for all
 * integration and browser tests, and hands its dist/ path to them through `inject('siteDist')`.
 *
 * Other sites that several test files read (SHARED_BUILDS) are built on the first request of a
 * test, once for the whole run, while the other files already run: `sharedBuild(name)` in
 * tests/helpers/shared-build.ts asks this process over a Unix socket and waits for the answer.
 * They start from the real site's image cache.
 *
 * Both projects list this setup, and Vitest runs each project's global setup in its own module
 * instance of the same process: the builds are therefore kept on `globalThis`, so one `npm test`
 * builds each site once, not once per project, and the last project to finish removes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildOptions, type BuildResult } from './build-site.ts';
import { writeEmbedsContent } from './shared-fixtures.ts';

/** The mount the base-path build is made for: a project site at https://example.github.io/news/. */
export const BASE_PATH_MOUNT = { siteUrl: 'https://example.github.io', basePath: '/news/' } as const;

/**
 * The sites built on request and shared by every test file that asks, given the real site's
 * build and a folder for their content that lives as long as the run.
 */
const SHARED_BUILDS = {
  /** The real content for a GitHub Pages project site (BASE_PATH_MOUNT), search in shards of three. */
  basePath: (site: BuildResult): BuildOptions => ({
    env: {
      BASE_PATH: BASE_PATH_MOUNT.basePath,
      SITE_URL: BASE_PATH_MOUNT.siteUrl,
      WIREPRESS_SEARCH_SHARD_SIZE: '3',
    },
    imageCache: site.imageCache,
  }),
  /** Every provider's embeds and a code sample beside the real authors and pages (writeEmbedsContent). */
  embeds: (site: BuildResult, workDir: string): BuildOptions => {
    const contentDir = join(workDir, 'embeds-content');
    writeEmbedsContent(contentDir);
    return { contentDir, imageCache: site.imageCache };
  },
} satisfies Record<string, (site: BuildResult, workDir: string) => BuildOptions>;

export type SharedBuildName = keyof typeof SHARED_BUILDS;

/** What the socket answers for a shared build: its dist/, or why there is none. */
export interface SharedBuildAnswer {
  dist: string;
  exitCode: number;
  output: string;
}

interface SharedState {
  site: Promise<BuildResult>;
  shared: Map<string, Promise<BuildResult>>;
  workDir: string;
  server?: Promise<Server>;
  users: number;
}
const KEY = Symbol.for('wirepress.tests.siteBuild');
const state = globalThis as { [KEY]?: SharedState };
const socketOf = (entry: SharedState) => join(entry.workDir, 'builds.sock');

function answerFor(entry: SharedState, site: BuildResult, name: string): Promise<SharedBuildAnswer> {
  if (!Object.hasOwn(SHARED_BUILDS, name)) {
    const known = Object.keys(SHARED_BUILDS).join(', ');
    return Promise.resolve({ dist: '', exitCode: 1, output: `No shared build "${name}" (known: ${known}).` });
  }
  let build = entry.shared.get(name);
  if (!build) {
    // Started from a resolved promise, so that a fixture that cannot be written rejects it.
    build = Promise.resolve().then(() =>
      buildSite(SHARED_BUILDS[name as SharedBuildName](site, entry.workDir)),
    );
    entry.shared.set(name, build);
  }
  return build.then(
    ({ dist, exitCode, output }) => ({ dist, exitCode, output }),
    (error: unknown) => ({
      dist: '',
      exitCode: 1,
      output: `The fixture could not be made: ${String(error)}`,
    }),
  );
}

/** Answers each connection (a build's name, then end) with that build's SharedBuildAnswer as JSON. */
function serveSharedBuilds(entry: SharedState, site: BuildResult): Promise<Server> {
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    let name = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (name += chunk));
    socket.on('end', () => {
      void answerFor(entry, site, name).then((answer) => socket.end(JSON.stringify(answer)));
    });
  });
  return new Promise((listening) => server.listen(socketOf(entry), () => listening(server)));
}

export default async function setup(project: TestProject) {
  const entry: SharedState = (state[KEY] ??= {
    site: buildSite(),
    shared: new Map(),
    workDir: mkdtempSync(join(tmpdir(), 'wirepress-shared-builds-')),
    users: 0,
  });
  entry.users++;
  const site = await entry.site;
  const release = async () => {
    if (--entry.users > 0) return;
    (await entry.server)?.close();
    const shared = await Promise.allSettled(entry.shared.values());
    site.cleanup();
    for (const build of shared) if (build.status === 'fulfilled') build.value.cleanup();
    rmSync(entry.workDir, { recursive: true, force: true });
    delete state[KEY];
  };
  if (site.exitCode !== 0) {
    await release();
    throw new Error(`The site did not build (exit ${site.exitCode}):\n${site.output}`);
  }
  await (entry.server ??= serveSharedBuilds(entry, site));
  project.provide('siteDist', site.dist);
  project.provide('siteImageCache', site.imageCache);
  project.provide('sharedBuildsSocket', socketOf(entry));
  return release;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
    /**
     * The real site's image cache: fixture builds that add articles to the real content pass it
     * as buildSite's `imageCache` and skip re-encoding the real articles' pictures.
     */
    siteImageCache: string;
    /** Where sharedBuild() asks for SHARED_BUILDS (tests/helpers/shared-build.ts). */
    sharedBuildsSocket: string;
  }
}
