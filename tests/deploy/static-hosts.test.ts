/**
 * The Netlify config: builds with an npm script this project defines, publishes dist/, runs
 * the Node version .nvmrc pins, and leaves headers and redirects to the files in dist/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { definedScripts, npmScriptsRun } from './npm-scripts.ts';

interface NetlifyConfig {
  build: { command: string; publish: string; environment: Record<string, string> };
  headers?: unknown;
  redirects?: unknown;
}

const netlify = parse(readFileSync(join(projectRoot, 'netlify.toml'), 'utf8')) as unknown as NetlifyConfig;

/** Runs the build command in bash (as Netlify does) with `npm` replaced by a stub that prints SITE_URL. */
function siteUrlSeenByBuild(env: Record<string, string>): string {
  const script = `npm() { printf %s "$SITE_URL"; }\n${netlify.build.command}`;
  return execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });
}

describe('netlify.toml', () => {
  it('builds with `npm run build` and publishes dist/', () => {
    expect(npmScriptsRun(netlify.build.command)).toEqual(['build']);
    expect(definedScripts).toContain('build');
    expect(netlify.build.publish).toBe('dist');
  });

  it('builds on the Node major that .nvmrc pins', () => {
    const pinned = readFileSync(join(projectRoot, '.nvmrc'), 'utf8').trim();
    expect(netlify.build.environment.NODE_VERSION).toBe(pinned);
  });

  it("uses Netlify's site address unless SITE_URL is set", () => {
    expect(siteUrlSeenByBuild({ URL: 'https://wirepress-demo.netlify.app' })).toBe(
      'https://wirepress-demo.netlify.app',
    );
    expect(
      siteUrlSeenByBuild({ URL: 'https://wirepress-demo.netlify.app', SITE_URL: 'https://news.example.org' }),
    ).toBe('https://news.example.org');
  });

  it('does not repeat the headers and redirects that dist/_headers and dist/_redirects carry', () => {
    expect(netlify.headers).toBeUndefined();
    expect(netlify.redirects).toBeUndefined();
  });
});
