/**
 * `npm run bench -- --publish-path [--sizes 1000]`: how long a change takes from a fresh clone
 * (warm npm cache, restored node_modules/.astro) to a verified, deployable dist/, step by step,
 * as the deploy workflow runs it (.github/workflows/deploy.yml):
 *
 *   (a) a one-word correction to an article;
 *   (b) a new article with a hero image;
 *   (c) an hourly run with nothing due (the plan step alone; the workflow stops there).
 *
 * Each scenario starts from what the runner would have: no node_modules, no Node compile cache,
 * the build cache and the publish record of the previous deploy. Before them, a first deploy
 * (cold build) makes that cache and record. Network steps of the runner (checkout, cache
 * download, upload) are not measured: they depend on GitHub, not on this project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { cacheState, describeSize } from '../publish/cache-state.ts';
import { RECORD_PATH } from '../publish/record.ts';
import { benchArticle, linkOrCopy, writeCorpus } from './corpus.ts';
import { heroJpegs } from './hero-images.ts';
import { markdownTable } from './stats.ts';
import { projectRoot } from './targets.ts';

const CLONE_FILES = [
  'src',
  'public',
  'scripts',
  'astro.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  '.nvmrc',
];

interface Step {
  step: string;
  seconds: number;
  note?: string;
}
interface Scenario {
  size: number;
  scenario: string;
  steps: Step[];
  totalSeconds: number;
  loadAverage: number[];
}

function timed(
  root: string,
  step: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { step: Step; stdout: string } {
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  const seconds = +((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0)
    throw new Error(
      `${step} (${command} ${args.join(' ')}) exited ${run.status}:\n${(run.stdout + run.stderr).slice(-3000)}`,
    );
  return { step: { step, seconds }, stdout: run.stdout + run.stderr };
}

const git = (root: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

function progress(message: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** One deploy as the workflow runs it, from a fresh runner with the previous deploy's cache and record. */
function deploy(
  root: string,
  deployed: { record?: string; cache?: string },
  scenario: string,
  size: number,
  event = 'push',
): Scenario {
  const env = {
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_COMPILE_CACHE: join(root, '.node-compile-cache'),
    // The runner's Node 24 comes from setup-node: this bench's own Node stands for it, so a run
    // that installs without dev dependencies (no `node` package) still builds on Node 24.
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  };
  for (const path of ['node_modules', 'dist', '.node-compile-cache', '.astro'])
    rmSync(join(root, path), { recursive: true, force: true });
  const node = process.execPath;
  const steps: Step[] = [];
  const recordArgs = deployed.record ? ['--record', deployed.record] : [];
  const head = git(root, 'rev-parse', 'HEAD').stdout.trim();
  const plan = timed(root, 'plan (due and code-changed checks)', node, [
    join(root, 'scripts/publish/plan.ts'),
    '--event',
    event,
    '--head',
    head,
    ...recordArgs,
  ]);
  const outputs = Object.fromEntries(
    plan.stdout
      .split('\n')
      .filter((line) => /^\w+=/.test(line))
      .map((line) => line.split('=')),
  );
  steps.push({ ...plan.step, note: `build=${outputs.build}, test=${outputs.test}` });
  if (outputs.build === 'false') return finish(size, scenario, steps);
  // As the workflow does: every dependency when it tests, the build's only when it does not.
  const install = outputs.test === 'true' ? ['ci'] : ['ci', '--omit=dev'];
  steps.push(
    timed(
      root,
      `install (npm ${install.join(' ')}, warm npm cache)`,
      'npm',
      [...install, '--no-audit', '--no-fund'],
      env,
    ).step,
  );
  if (deployed.cache) {
    const started = performance.now();
    cpSync(deployed.cache, join(root, 'node_modules/.astro'), { recursive: true, preserveTimestamps: true });
    steps.push({
      step: 'restore node_modules/.astro (local copy)',
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      note: describeSize(cacheState(deployed.cache).bytes),
    });
  }
  if (outputs.test === 'true')
    steps.push({
      step: 'npm test',
      seconds: NaN,
      note: 'code changed: not measured here (see docs/performance.md)',
    });
  steps.push(
    timed(root, 'content check + build (npm run build)', 'npm', ['run', 'build'], {
      ...env,
      PUBLISH_NOW: outputs.clock,
    }).step,
  );
  const verify = timed(
    root,
    'verify (npm run verify)',
    'npm',
    ['run', 'verify', '--', ...(deployed.record ? ['--previous', deployed.record] : [])],
    env,
  );
  steps.push({ ...verify.step, note: /Nu HTML Checker: ([^(]+)/.exec(verify.stdout)?.[1]?.trim() });
  timed(root, 'record', node, [
    join(root, 'scripts/publish/record.ts'),
    '--dist',
    'dist',
    '--commit',
    head,
    '--clock',
    outputs.clock!,
  ]);
  return finish(size, scenario, steps);
}

function finish(size: number, scenario: string, steps: Step[]): Scenario {
  const totalSeconds = +steps
    .reduce((sum, step) => sum + (Number.isNaN(step.seconds) ? 0 : step.seconds), 0)
    .toFixed(1);
  const result = {
    size,
    scenario,
    steps,
    totalSeconds,
    loadAverage: loadavg().map((load) => +load.toFixed(2)),
  };
  progress(
    `N=${size} ${scenario}: ${totalSeconds} s (${steps.map((step) => `${step.step} ${step.seconds}`).join('; ')})`,
  );
  return result;
}

/** Keeps what the deploy leaves for the next one: its record (as the live site serves it) and the cache. */
function keepDeployed(
  root: string,
  work: string,
  name: string,
): { record: string; cache: string; cacheBytes: number } {
  const record = join(work, `${name}-record.json`);
  cpSync(join(root, 'dist', RECORD_PATH), record);
  const cache = join(work, `${name}-astro-cache`);
  cpSync(join(root, 'node_modules/.astro'), cache, { recursive: true, preserveTimestamps: true });
  return { record, cache, cacheBytes: cacheState(cache).bytes };
}

export async function publishPath(options: {
  sizes: number[];
  seed: number;
  out?: string | undefined;
}): Promise<void> {
  const heroes = await heroJpegs(join(tmpdir(), 'wirepress-bench-cache', 'heroes-v1'));
  const results: Scenario[] = [];
  const cacheSizes: Record<number, number> = {};
  for (const size of options.sizes) {
    const work = mkdtempSync(join(tmpdir(), `wirepress-publish-path-${size}-`));
    const root = join(work, 'clone');
    mkdirSync(root);
    for (const entry of CLONE_FILES) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
    progress(`N=${size}: writing the corpus and committing it in ${root}`);
    writeCorpus(join(root, 'content'), size, heroes, options.seed);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'site and corpus');

    const first = deploy(root, {}, 'first deploy (cold, no cache, no record)', size);
    let deployed = keepDeployed(root, work, 'first');
    results.push(first);

    const corrected = join(root, 'content/articles', benchArticle(1, options.seed).path);
    writeFileSync(corrected, readFileSync(corrected, 'utf8').replace(/(\n\n[^\n]*?)\bthe\b/, '$1a'));
    git(root, 'commit', '-q', '-am', 'a one-word correction');
    results.push(deploy(root, deployed, '(a) one-word correction', size));
    deployed = keepDeployed(root, work, 'correction');

    const slug = 'quay-lamps-relit-for-the-winter-market';
    mkdirSync(join(root, 'content/articles', slug));
    linkOrCopy(heroes[0]!, join(root, 'content/articles', slug, 'hero.jpg'));
    const article = benchArticle(size + 1, options.seed);
    const pubDate = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    writeFileSync(
      join(root, 'content/articles', slug, 'index.md'),
      article.markdown
        .replace(/^pubDate: .*$/m, `pubDate: ${pubDate}`)
        .replace(
          /^---\n(?![\s\S]*heroImage:)/,
          '---\nheroImage:\n  src: ./hero.jpg\n  alt: "Lamps along the quay at dusk."\n',
        ),
    );
    // Only content/: the previous deploys left node_modules/, dist/ and caches in the clone, which
    // has no .gitignore, and committing them made the plan see a code change.
    git(root, 'add', '-A', 'content');
    git(root, 'commit', '-q', '-m', 'a new article with a hero image');
    results.push(deploy(root, deployed, '(b) new article with a hero image', size));
    deployed = keepDeployed(root, work, 'new-article');
    cacheSizes[size] = deployed.cacheBytes;

    results.push(deploy(root, deployed, '(c) hourly run, nothing due', size, 'schedule'));
    rmSync(work, { recursive: true, force: true });
  }
  const rows = results.flatMap((result) => [
    ...result.steps.map((step) => [
      result.size.toLocaleString('en'),
      result.scenario,
      step.step,
      Number.isNaN(step.seconds) ? '—' : step.seconds.toFixed(1),
      step.note ?? '',
    ]),
    [
      result.size.toLocaleString('en'),
      result.scenario,
      '**total**',
      `**${result.totalSeconds.toFixed(1)}**`,
      `load average ${result.loadAverage.join(', ')}`,
    ],
  ]);
  const table = markdownTable(['N', 'scenario', 'step', 's', 'note'], rows);
  const cacheLine = Object.entries(cacheSizes)
    .map(
      ([size, bytes]) =>
        `node_modules/.astro at N = ${Number(size).toLocaleString('en')}: ${describeSize(bytes)}`,
    )
    .join('; ');
  const out =
    options.out ??
    join(
      projectRoot,
      'scripts/bench/results',
      `publish-path-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
  mkdirSync(join(out, '..'), { recursive: true });
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
  const summary = { command, machine: { cpus: cpus().length }, results, cacheSizes, table };
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\n${table}\n\n${cacheLine}\nJSON: ${out}`);
}
