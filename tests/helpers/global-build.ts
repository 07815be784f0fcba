/**
 * Vitest global setup: builds the real site once (the project's own content, fixed clock) and
 * hands its dist/ path to integration and browser tests through `inject('siteDist')`.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';

export default async function setup(project: TestProject) {
  const build = await buildSite();
  if (build.exitCode !== 0) {
    build.cleanup();
    throw new Error(`The site did not build (exit ${build.exitCode}):\n${build.output}`);
  }
  project.provide('siteDist', build.dist);
  return () => build.cleanup();
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
  }
}
