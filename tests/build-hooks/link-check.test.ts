/**
 * The build's link check (src/integrations/link-check.ts) run as Astro runs it, on a hand-made
 * dist/: it enforces every source verify checks (links, link previews, JSON-LD, URLs in feeds and
 * other text), and a passing result is reused only while every file it read is unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import linkCheck from '../../src/integrations/link-check.ts';

const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const SOUND: Record<string, string> = {
  'index.html': `<head><meta property="og:image" content="https://example.org/og.png">
    <script type="application/ld+json">{"url":"https://example.org/a/"}</script></head><a href="/a/">a</a>`,
  'a/index.html': '<p>a</p>',
  'og.png': 'png',
  'rss.xml': '<rss><channel><link>https://example.org/a/</link></channel></rss>',
};

/** Runs the integration's hooks over `files` as dist/; what it logged, and whether it stopped the build. */
async function build(
  files: Record<string, string>,
  project = mkdtempSync(join(tmpdir(), 'wirepress-link-check-')),
) {
  if (!folders.includes(project)) folders.push(project);
  const dist = join(project, 'dist');
  rmSync(dist, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  }
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  const logger = { info: log, error: log, warn: log } as unknown as AstroIntegrationLogger;
  vi.spyOn(process, 'exit').mockImplementation(() => {
    throw new Error('build stopped');
  });
  const hooks = linkCheck().hooks as Record<string, (options: unknown) => Promise<void> | void>;
  const root = pathToFileURL(`${project}/`);
  hooks['astro:config:done']!({
    config: {
      site: 'https://example.org',
      base: '/',
      root,
      cacheDir: new URL('cache/', root),
    } as unknown as AstroConfig,
  });
  let stopped = false;
  try {
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${dist}/`), logger });
  } catch (error) {
    if ((error as Error).message !== 'build stopped') throw error;
    stopped = true;
  }
  return { logged, stopped, project };
}

describe('the build link check', () => {
  it('passes a sound site, reading its files on two threads', async () => {
    expect(await build(SOUND)).toMatchObject({
      logged: ['Every internal reference in the 3 files resolves (3 of them read on two threads)'],
      stopped: false,
    });
  });

  it('stops the build over a broken link preview, JSON-LD URL or feed URL, as verify would', async () => {
    const { logged, stopped } = await build({
      ...SOUND,
      'index.html': `<head><meta property="og:image" content="/og.png">
        <script type="application/ld+json">{"url":"https://example.org/gone/"}</script></head>`,
      'rss.xml': '<rss><channel><link>https://example.org/also-gone/</link></channel></rss>',
    });
    expect(stopped).toBe(true);
    expect(logged.slice(0, -1)).toEqual([
      'dist/index.html: meta[property="og:image"] "/og.png" is not an absolute URL',
      'dist/index.html: JSON-LD "https://example.org/gone/" no such page or file in the build',
      'dist/rss.xml: absolute "https://example.org/also-gone/" no such page or file in the build',
    ]);
    expect(logged.at(-1)).toMatch(/^Link check failed: 3 broken internal references in the built site\./);
  });

  it('checks again when a feed changes, not only when a page does', async () => {
    const { project } = await build(SOUND);
    expect((await build(SOUND, project)).logged).toEqual([
      'Links unchanged since the last passing check (3 files read): not checked again',
    ]);
    const changed = await build({ ...SOUND, 'rss.xml': SOUND['rss.xml']!.replace('/a/', '/gone/') }, project);
    expect(changed.stopped).toBe(true);
  });
});
