/**
 * Ends `astro build` (or check, sync) over a content mistake with the list already logged and one
 * closing line, exit status 1. An error thrown from an integration hook would make Astro add "An
 * unhandled error occurred while running the … hook" and a stack, which reads like a crash in the
 * publisher rather than a mistake in an article.
 */
import type { AstroIntegrationLogger } from 'astro';

export function stopBuild(logger: AstroIntegrationLogger, summary: string, fix: string): never {
  logger.error(`${summary}\n  ${fix}`);
  process.exit(1);
}
