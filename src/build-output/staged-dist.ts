/**
 * A failed build leaves nothing deployable: `astro build` writes into a staging folder in the
 * cache (`<cacheDir>/dist-staging/`), and only when every integration's astro:build:done hook has
 * passed (the link check is the last of them) is the staging folder renamed to dist/. A build that
 * fails at any point, or is killed, leaves the previous good dist/ untouched (or none at all), and
 * its half-written output (which may hold an SVG copied verbatim, or pages pointing at it) where
 * no host publishes it. The next build's dist-aside clears that leftover.
 *
 * The previous dist/ is moved aside, not deleted: the next build's dist-aside deletes it on a
 * thread beside its own work. Waiting for the deletion here made every rebuild at N = 100,000
 * about a minute longer (150,000 pages unlinked after the new site was already in place); what it
 * costs instead is the old output's disk until the next build. A CI runner starts without a dist/,
 * so there it changes nothing.
 *
 * Must be the last integration in astro.config.ts so that its build:done runs after all others.
 * `astro dev` and `astro preview` are untouched: preview serves dist/, which only a complete
 * build replaced.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function stagedDist(): AstroIntegration {
  let finalDir = '';
  let stagingDir = '';
  let aside = '';
  return {
    name: 'wirepress:staged-dist',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = fileURLToPath(config.outDir);
        const staging = new URL('dist-staging/', config.cacheDir);
        stagingDir = fileURLToPath(staging);
        aside = fileURLToPath(new URL('dist-being-removed/', config.cacheDir));
        updateConfig({ outDir: staging });
      },
      'astro:build:done': async ({ logger }) => {
        if (!stagingDir) return;
        // The previous dist/ goes aside with one rename; the next build deletes it (see above).
        if (existsSync(finalDir)) {
          mkdirSync(aside, { recursive: true });
          try {
            renameSync(finalDir, join(aside, `${Date.now()}-${process.pid}-previous`));
          } catch {
            // dist/ cannot be renamed (a mount point): empty it instead.
            for (const entry of readdirSync(finalDir))
              rmSync(join(finalDir, entry), { recursive: true, force: true });
          }
        }
        try {
          renameSync(stagingDir, finalDir);
        } catch {
          // dist/ on another file system, or kept as an emptied mount point: copy, then drop the staging copy.
          cpSync(stagingDir, finalDir, { recursive: true });
          rmSync(stagingDir, { recursive: true, force: true });
        }
        logger.info(`complete: moved the build into ${finalDir}`);
      },
    },
  };
}
