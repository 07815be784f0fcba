/**
 * `npm run audit [-- --page article|home|search] [--dist dist] [--runs 3]`: Lighthouse (mobile preset:
 * a mid-range phone on a slow 4G link, simulated) on the built site served from 127.0.0.1 in
 * headless Debian Chromium, text gzipped as static hosts send it (tests/helpers/static-server.ts). Prints a
 * scores table and exits 1 when any category of any page scores below 0.95, listing the audits that cost
 * points. Reports (HTML and JSON) are written to test-artifacts/lighthouse/.
 *
 * "The article page" is the original harbour article: the seed wire story is noindex by the
 * syndication policy, and Lighthouse's SEO score punishes noindex. A page that is noindex on
 * purpose (search results) is audited with that one audit (is-crawlable) left out, and the
 * table says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS, requireChromium } from '../tests/helpers/browser.ts';
import { ARTICLE_WITH_IMAGES } from '../tests/helpers/page-templates.ts';
import { resolveStaticPath, serveStatic } from '../tests/helpers/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const THRESHOLD = 0.95;
const PAGES: Record<string, string> = {
  article: `/articles/${ARTICLE_WITH_IMAGES}/`,
  home: '/',
  search: '/search/',
};

const { values } = parseArgs({
  options: {
    page: { type: 'string', multiple: true },
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
  },
});
// One Lighthouse run varies with the machine (a busy core adds blocking time; headless Chromium's
// first paint sometimes lands a frame later), so each page is audited several times and the
// median run is the one scored, as Lighthouse's own docs advise (median-run.js: FCP and TTI).
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}".`);
const dist = resolve(values.dist!);
const chosen = values.page?.length ? values.page : Object.keys(PAGES);
for (const name of chosen) {
  if (!PAGES[name]) throw new Error(`Unknown page "${name}": use one of ${Object.keys(PAGES).join(', ')}.`);
}
for (const name of chosen) {
  if (!resolveStaticPath(dist, PAGES[name])) {
    throw new Error(`${dist} has no page at ${PAGES[name]} (${name}): run \`npm run build\` first.`);
  }
}

function isNoindex(path: string): boolean {
  const html = readFileSync(resolveStaticPath(dist, path)!, 'utf8');
  return /<meta name="robots" content="[^"]*noindex/.test(html);
}

const reports = resolve(import.meta.dirname, '../test-artifacts/lighthouse');
mkdirSync(reports, { recursive: true });
const server = await serveStatic(dist);
const chrome = await chromeLauncher.launch({
  chromePath: requireChromium(),
  chromeFlags: CHROMIUM_ARGS,
});

interface Row {
  page: string;
  scores: Record<string, number>;
  costs: string[];
  note: string;
  /** The performance score of every run, the median one first. */
  performanceRuns: number[];
}
const rows: Row[] = [];
try {
  for (const name of chosen) {
    const path = PAGES[name];
    const noindex = isNoindex(path);
    const results = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(
        server.origin + path,
        { port: chrome.port, output: ['html', 'json'], logLevel: 'error', onlyCategories: [...CATEGORIES] },
        { extends: 'lighthouse:default', settings: noindex ? { skipAudits: ['is-crawlable'] } : {} },
      );
      if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
      if (result.lhr.runtimeError)
        throw new Error(`Lighthouse could not audit ${path}: ${result.lhr.runtimeError.message}`);
      results.push(result);
    }
    const median = computeMedianRun(results.map((result) => result.lhr));
    const chosenRun = results.find((result) => result.lhr === median)!;
    const [html, json] = chosenRun.report as string[];
    writeFileSync(join(reports, `${name}.html`), html);
    writeFileSync(join(reports, `${name}.json`), json);
    const { lhr } = chosenRun;
    const performanceRuns = [
      lhr,
      ...results.map((result) => result.lhr).filter((other) => other !== lhr),
    ].map((other) => other.categories.performance?.score ?? 0);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? 0]));
    const costs = CATEGORIES.filter((id) => scores[id] < 1).flatMap((id) =>
      lhr.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
        .map((ref) => {
          const audit = lhr.audits[ref.id];
          return `${id}: ${ref.id} (${audit.score}) ${audit.displayValue ?? audit.title}`;
        }),
    );
    const note = noindex ? 'noindex by design: is-crawlable not scored' : '';
    rows.push({ page: `${name} ${path}`, scores, costs, note, performanceRuns });
  }
} finally {
  chrome.kill();
  await server.close();
}

const width = Math.max(...rows.map((row) => row.page.length), 4);
console.log(
  `\nLighthouse ${lighthouseVersion()} mobile preset, median of ${runs} run(s), threshold ${THRESHOLD}\n`,
);
console.log(`${'page'.padEnd(width)}  ${CATEGORIES.map((id) => id.padStart(16)).join('')}`);
for (const row of rows) {
  const scores = CATEGORIES.map((id) => row.scores[id].toFixed(2).padStart(16)).join('');
  console.log(`${row.page.padEnd(width)}  ${scores}${row.note ? `  (${row.note})` : ''}`);
}
if (runs > 1) {
  for (const row of rows)
    console.log(
      `${row.page}: performance in each run ` +
        `${row.performanceRuns.map((score) => score.toFixed(2)).join(', ')} (the median run first)`,
    );
}
const failing = rows.filter((row) => CATEGORIES.some((id) => row.scores[id] < THRESHOLD));
for (const row of rows.filter((row) => row.costs.length)) {
  console.log(`\n${row.page} loses points on:\n  ${row.costs.join('\n  ')}`);
}
console.log(`\nReports: ${reports}`);
if (failing.length) {
  console.error(`\nBelow ${THRESHOLD}: ${failing.map((row) => row.page).join(', ')}`);
  process.exitCode = 1;
}

function lighthouseVersion(): string {
  const manifest = join(import.meta.dirname, '../node_modules/lighthouse/package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : '?';
}
