/**
 * Vitest global setup: builds the real site once (the project's own content, fixed clock) and
 * hands its dist/ path to integration and browser tests through `inject('siteDist')`.
 *
 * Both projects list this setup, and Vitest runs each project's global setup in its own module
 * instance of the same process: the build is therefore kept on `globalThis`, so one `npm test`
 * builds the site once, not once per project, and the last project to finish removes it.
 */
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildResult } from './build-site.ts';

interface SharedBuild {
  build: Promise<BuildResult>;
  users: number;
}
const KEY = Symbol.for('wirepress.tests.siteBuild');
const shared = globalThis as { [KEY]?: SharedBuild };

export default async function setup(project: TestProject) {
  const entry = (shared[KEY] ??= { build: buildSite(), users: 0 });
  entry.users++;
  const build = await entry.build;
  const release = () => {
    if (--entry.users > 0) return;
    build.cleanup();
    delete shared[KEY];
  };
  if (build.exitCode !== 0) {
    release();
    throw new Error(`The site did not build (exit ${build.exitCode}):\n${build.output}`);
  }
  project.provide('siteDist', build.dist);
  return release;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
  }
}
