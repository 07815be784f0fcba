/**
 * README "Operate" documents every environment variable the build reads, so an operator never
 * has to read the source to configure a deploy.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VARIABLES } from '../../src/lib/environment.ts';
import { projectRoot } from '../helpers/build-site.ts';

const sources = ['astro.config.ts', ...globSync('src/**/*.{ts,astro}', { cwd: projectRoot })];

/**
 * The variables of the environment schema (src/lib/environment.ts), and any read outside it:
 * `env.NAME`, `env?.NAME`, `process.env.NAME`, but not Vite's `import.meta.env.BASE_URL`/`DEV`.
 */
const variablesRead = [
  ...new Set([
    ...VARIABLES,
    ...sources.flatMap((file) =>
      [
        ...readFileSync(join(projectRoot, file), 'utf8').matchAll(/(?<!meta\.)\benv\??\.([A-Z][A-Z0-9_]+)/g),
      ].map((match) => match[1]!),
    ),
  ]),
].sort();

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const operateStart = readme.indexOf('\n## Operate');
const nextSection = readme.indexOf('\n## ', operateStart + 1);
const operate =
  operateStart === -1 ? '' : readme.slice(operateStart, nextSection === -1 ? undefined : nextSection);

describe('README "Operate"', () => {
  it('has a row for every environment variable the build reads', () => {
    expect(variablesRead).toEqual(expect.arrayContaining(['SITE_URL', 'BASE_PATH', 'PUBLISH_NOW']));
    const documented = [...operate.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect(variablesRead.filter((name) => !documented.includes(name))).toEqual([]);
  });
});
