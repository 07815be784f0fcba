/**
 * `npm run verify`: checks the built site in dist/ before it is deployed (scripts/verify/site.ts):
 * links, feeds and sitemaps, JSON-LD, the Nu HTML Checker over pages changed since the deployed
 * site, and the seed article's page weight. Run it with the environment the build ran with
 * (SITE_URL, BASE_PATH), since absolute URLs are checked against them.
 *
 *   npm run verify                                   every page through Nu
 *   npm run verify -- --previous deployed-record.json  only pages changed since that deploy
 *   npm run verify -- --dist some/dist --weigh articles/<slug>/index.html
 */
import { parseArgs } from 'node:util';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { readRecordFile } from './publish/record.ts';
import { verifySite } from './verify/site.ts';

const SEED_PAGE = 'articles/chrissy-teigen-breaks-down-in-tears-during-therapy-three/index.html';

function main(): number {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      previous: { type: 'string' },
      weigh: { type: 'string', default: SEED_PAGE },
    },
  });
  const { record, problem } = readRecordFile(values.previous);
  if (values.previous && problem)
    console.log(`verify: ${problem}: every page goes through the Nu HTML Checker`);
  const started = performance.now();
  const results = verifySite(values.dist, {
    site: readSiteConfig(process.env),
    previous: record,
    weighPage: values.weigh,
  });
  for (const result of results) {
    console.log(
      `${result.problems.length ? '✗' : '✓'} ${result.name}: ${result.scope} (${(result.ms / 1000).toFixed(1)} s)`,
    );
    for (const line of result.problems) console.log(`  ${line}`);
  }
  const failed = results.filter((result) => result.problems.length);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failed.length) {
    console.error(
      `verify: ${failed.map((result) => result.name).join(', ')} failed (${seconds} s). ` +
        `Fix the pages or articles named above, rebuild, and run npm run verify again.`,
    );
    return 1;
  }
  console.log(`verify: the built site passed every check in ${seconds} s`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`verify: ${(error as Error).message}`);
  process.exitCode = 1;
}
