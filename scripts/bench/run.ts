/**
 * `npm run bench`: builds the real site and its baselines over the same seeded corpus, cold, warm
 * with no change, and after editing one article; prints a table and writes a JSON file.
 *
 *   npm run bench                          N = 1,000 and 10,000, 3 runs each, every target
 *   npm run bench -- --sizes 200 --runs 1  a quick look while developing
 *   npm run bench -- --with-100k           adds N = 100,000 (long: start it with nohup)
 *   npm run bench -- --variants chunked,defer-render --targets wirepress
 *                                          measures Astro options one at a time (variants.ts)
 *   npm run bench -- --install-peers       installs Eleventy 3 into a cache outside the project
 *   npm run bench -- --concurrent          builds a run's targets side by side (when time is short)
 *   npm run bench -- --cold-only           skips the two rebuilds (N = 100,000 when time is short)
 *   npm run bench -- --self-test           tests the harness itself (needs an idle machine)
 *   npm run bench -- --publish-path        times the publish path: correction, new article, hourly
 *   npm run bench -- --highlight-cost      CPU cost of build-time code highlighting, per block
 *   npm run bench -- --memory-max 7G       kills and fails a build whose process tree holds more
 *                                          (a private GitHub runner's memory; memory-limit.ts)
 *   npm run bench -- --heroes every-article  a photograph of its own on every article (what images
 *                                          cost in a real archive; corpus.ts, HeroDensity)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBuildFailure } from './build-failure.ts';
import { benchArticle, DEFAULT_SEED, HERO_DENSITIES, writeCorpus, type HeroDensity } from './corpus.ts';
import { heroJpegs } from './hero-images.ts';
import { runMeasured, type Measured } from './measure.ts';
import { overMemoryMax, parseMemoryMax } from './memory-limit.ts';
import {
  countImageEncodes,
  filesWrittenSince,
  markdownTable,
  median,
  outputSizes,
  diskUsage,
} from './stats.ts';
import {
  eleventyTarget,
  floorTarget,
  hugoTarget,
  installEleventy,
  minimalAstroTarget,
  projectRoot,
  snapshotSite,
  wirepressTarget,
  type BenchTarget,
} from './targets.ts';
import { VARIANTS } from './variants.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'with-100k': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    targets: { type: 'string', default: 'wirepress,minimal-astro,floor-unified,eleventy,hugo' },
    variants: { type: 'string', default: 'as-configured' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'install-peers': { type: 'boolean', default: false },
    'heap-mb': { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    concurrent: { type: 'boolean', default: false },
    'cold-only': { type: 'boolean', default: false },
    'self-test': { type: 'boolean', default: false },
    'publish-path': { type: 'boolean', default: false },
    'highlight-cost': { type: 'boolean', default: false },
    'memory-max': { type: 'string' },
    heroes: { type: 'string', default: 'every-tenth' },
  },
});

if (args['self-test']) {
  const vitest = join(projectRoot, 'node_modules/vitest/vitest.mjs');
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', join(projectRoot, 'scripts/bench/self-test.config.ts')],
    { cwd: projectRoot, stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
if (args['highlight-cost']) {
  await import('./highlight-cost.ts').then(({ highlightCost }) => highlightCost());
  process.exit(0);
}
if (args['publish-path']) {
  await import('./publish-path.ts').then(({ publishPath }) =>
    publishPath({ sizes: args.sizes.split(',').map(Number), seed: Number(args.seed), out: args.out }),
  );
  process.exit(0);
}

const sizes = [...args.sizes.split(',').map(Number), ...(args['with-100k'] ? [100_000] : [])];
const runs = Number(args.runs);
const seed = Number(args.seed);
if (!HERO_DENSITIES.includes(args.heroes as HeroDensity))
  throw new Error(`unknown --heroes ${args.heroes}; known: ${HERO_DENSITIES.join(', ')}`);
const heroDensity = args.heroes as HeroDensity;
const heapMb = args['heap-mb'] ? Number(args['heap-mb']) : undefined;
const memoryMaxBytes = args['memory-max'] === undefined ? undefined : parseMemoryMax(args['memory-max']);
const cacheRoot = join(tmpdir(), 'wirepress-bench-cache');
const peersDir = join(cacheRoot, 'peers');
if (args['install-peers']) installEleventy(peersDir);

const variantNames = args.variants.split(',');
for (const name of variantNames)
  if (!VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
const snapshot = snapshotSite(mkdtempSync(join(tmpdir(), 'wirepress-bench-site-')));
const allTargets: BenchTarget[] = [
  ...variantNames.map((name) => wirepressTarget(VARIANTS[name]!, { snapshot, heapMb })),
  minimalAstroTarget({ heapMb }),
  floorTarget,
  eleventyTarget(peersDir),
  hugoTarget,
];
const wanted = new Set(args.targets.split(','));
const targets = allTargets.filter((target) => wanted.has(target.name.replace(/\[.*\]$/, '')));

interface BuildFigures extends Measured {
  imageEncodes: number;
  /** Disk space of the target's caches after the build (read after the measurement, untimed). */
  cacheBytes: number;
  /** Disk space of the output and the caches together (a file linked into both counted once). */
  diskBytes: number;
  log: string;
}
interface RunFigures {
  cold: BuildFigures & { outputBytes: number; articlePages: number; avgArticleHtmlBytes: number };
  warm?: BuildFigures;
  edit?: BuildFigures;
  /** Builds that exited non-zero after writing every article page (figures kept, failure shown). */
  buildFailures: string[];
}
interface TargetResult {
  target: string;
  size: number;
  unavailable?: string;
  failed?: string;
  runs: RunFigures[];
  median?: Record<string, number>;
}

const EDIT_NOTE = '\n\nThis paragraph was added by the benchmark to measure a one-article edit.\n';

async function build(target: BenchTarget, root: string, logFile: string): Promise<BuildFigures> {
  const { command, args: commandArgs, env } = target.command(root);
  const startedMs = Date.now();
  // The build sees the limit as a runner's build sees its machine's memory (BUILD_MEMORY_BYTES).
  const limited = memoryMaxBytes === undefined ? env : { ...env, BUILD_MEMORY_BYTES: String(memoryMaxBytes) };
  const measured = await runMeasured(command, commandArgs, {
    cwd: root,
    env: limited,
    logFile,
    memoryMaxBytes,
  });
  if (measured.overMemoryMax)
    throw new Error(`${overMemoryMax(measured.peakRssBytes, memoryMaxBytes!)}; see ${logFile}`);
  const fromCaches = filesWrittenSince(target.imageCaches(root), startedMs);
  const fromLog = countImageEncodes(readFileSync(logFile, 'utf8')).encoded;
  const counted = new Set<string>();
  const cacheBytes = diskUsage(target.cacheDirs(root), counted);
  const diskBytes = cacheBytes + diskUsage([target.outDir(root)], counted);
  return { ...measured, imageEncodes: Math.max(fromCaches, fromLog), cacheBytes, diskBytes, log: logFile };
}

function failure(figures: BuildFigures, what: string): string | undefined {
  return describeBuildFailure(what, figures, readFileSync(figures.log, 'utf8'), figures.log);
}

async function runOnce(
  target: BenchTarget,
  size: number,
  contentDir: string,
  workDir: string,
  run: number,
): Promise<RunFigures> {
  const root = join(workDir, `${target.name.replace(/[^\w-]/g, '_')}-${run}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  target.prepare(root, contentDir);
  target.clean(root);
  const logs = join(workDir, 'logs');
  const label = `${target.name} N=${size} run ${run}`;
  progress(`${label}: cold build`);
  const coldBuild = await build(target, root, join(logs, `${target.name}-${size}-${run}-cold.log`));
  const coldFailure = failure(coldBuild, 'cold build');
  // A failed build may leave no dist/ at all (it is moved into place only when the build passes).
  if (coldFailure && !existsSync(target.outDir(root))) throw new Error(coldFailure);
  const sizes = outputSizes(target.outDir(root));
  // A build that wrote every article page and then failed in a post-build check (e.g. the link
  // check) still measured the build: keep its figures, and report the failure next to them.
  if (sizes.articlePages < size)
    throw new Error(
      coldFailure ?? `cold build wrote ${sizes.articlePages} of ${size} article pages; see ${coldBuild.log}`,
    );
  const result: RunFigures = {
    cold: {
      ...coldBuild,
      outputBytes: sizes.bytes,
      articlePages: sizes.articlePages,
      avgArticleHtmlBytes: sizes.articleHtmlBytes / sizes.articlePages,
    },
    buildFailures: coldFailure ? [coldFailure] : [],
  };
  if (target.rebuilds && !args['cold-only']) {
    progress(`${label}: warm rebuild, no change`);
    result.warm = await build(target, root, join(logs, `${target.name}-${size}-${run}-warm.log`));
    const editedFile = join(root, 'content/articles', benchArticle(0, seed, heroDensity).path);
    appendFileSync(editedFile, EDIT_NOTE);
    progress(`${label}: rebuild after editing one article`);
    result.edit = await build(target, root, join(logs, `${target.name}-${size}-${run}-edit.log`));
    for (const [what, figures] of [
      ['warm rebuild', result.warm],
      ['edit rebuild', result.edit],
    ] as const) {
      const problem = failure(figures, what);
      if (problem) result.buildFailures.push(problem);
    }
    if (
      !readFileSync(
        join(target.outDir(root), 'articles', benchArticle(0, seed, heroDensity).slug, 'index.html'),
        'utf8',
      ).includes('added by the benchmark')
    ) {
      throw new Error(`the edited article's page does not show the edit; see ${result.edit.log}`);
    }
  }
  return result;
}

/**
 * ext4 passes over the inodes of files deleted in the last minute when it allocates new ones
 * (recently_deleted(), checked for each file created), so a build started right after another
 * build's 150,000 files were deleted spent several CPU-seconds more in the kernel than the same
 * build on a fresh checkout (docs/performance.md, fifth round). Builds' folders are therefore
 * deleted only after a size's series, and the next size waits a minute after that.
 */
async function deleteBuilds(workDir: string, settle: boolean): Promise<void> {
  for (const entry of readdirSync(workDir))
    if (entry !== 'logs') rmSync(join(workDir, entry), { recursive: true, force: true });
  if (!settle) return;
  execFileSync('sync');
  progress('waiting a minute after deleting the builds, so the next ones do not pay for it');
  await new Promise((done) => setTimeout(done, 65_000));
}

function medians(figures: RunFigures[], size: number): Record<string, number> {
  const of = (pick: (run: RunFigures) => number | undefined) =>
    median(figures.map(pick).filter((v): v is number => v !== undefined));
  return {
    coldMs: of((r) => r.cold.wallMs),
    msPerArticle: of((r) => r.cold.wallMs / size),
    coldCpuSeconds: of((r) => r.cold.cpuSeconds && r.cold.cpuSeconds.user + r.cold.cpuSeconds.system),
    coldPeakRssBytes: of((r) => r.cold.peakRssBytes),
    coldPeakAnonBytes: of((r) => r.cold.peakAnonBytes),
    outputBytes: of((r) => r.cold.outputBytes),
    coldCacheBytes: of((r) => r.cold.cacheBytes),
    // What the runner holds after the run: the last build's output and caches.
    diskBytes: of((r) => (r.edit ?? r.warm ?? r.cold).diskBytes),
    avgArticleHtmlBytes: of((r) => r.cold.avgArticleHtmlBytes),
    coldImageEncodes: of((r) => r.cold.imageEncodes),
    warmMs: of((r) => r.warm?.wallMs),
    warmPeakRssBytes: of((r) => r.warm?.peakRssBytes),
    warmImageEncodes: of((r) => r.warm?.imageEncodes),
    editMs: of((r) => r.edit?.wallMs),
    editImageEncodes: of((r) => r.edit?.imageEncodes),
  };
}

const started = new Date();
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
const out =
  args.out ??
  join(projectRoot, 'scripts/bench/results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(join(out, '..'), { recursive: true });
const machine = () => ({
  cpus: cpus().length,
  totalMemGiB: +(totalmem() / 1024 ** 3).toFixed(1),
  loadAverage: loadavg().map((l) => +l.toFixed(2)),
  node: process.version,
});
const progressLog: string[] = [];
function progress(message: string): void {
  const line = `[${new Date().toISOString().slice(11, 19)}] ${message}`;
  progressLog.push(line);
  console.error(line);
}

const seconds = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms) ? '—' : (ms / 1000).toFixed(1);
const ratio = (a: number | undefined, b: number | undefined) =>
  a && b && !Number.isNaN(a) && !Number.isNaN(b) ? `${(a / b).toFixed(2)}×` : '—';
const cpu = (seconds: number | undefined) =>
  seconds === undefined || Number.isNaN(seconds) ? '—' : seconds.toFixed(1);
const gb = (bytes: number | undefined) =>
  bytes && !Number.isNaN(bytes) ? (bytes / 1024 ** 3).toFixed(2) : '—';
const results: TargetResult[] = [];
const heroes = await heroJpegs(join(cacheRoot, 'heroes-v1'));
for (const size of sizes) {
  const workDir = mkdtempSync(join(tmpdir(), `wirepress-bench-${size}-`));
  mkdirSync(join(workDir, 'logs'));
  const contentDir = join(workDir, 'corpus');
  progress(`N=${size}: writing the corpus into ${contentDir}`);
  writeCorpus(contentDir, size, heroes, seed, heroDensity);
  const forSize = targets.map((target): [BenchTarget, TargetResult] => [
    target,
    { target: target.name, size, unavailable: target.unavailable(), runs: [] },
  ]);
  results.push(...forSize.map(([, result]) => result));
  const series = async (target: BenchTarget, result: TargetResult, run: number) => {
    if (result.unavailable || result.failed) return;
    try {
      result.runs.push(await runOnce(target, size, contentDir, workDir, run));
      result.median = medians(result.runs, size);
    } catch (error) {
      result.failed = error instanceof Error ? error.message : String(error);
      progress(`${target.name} N=${size} FAILED: ${result.failed}`);
    }
    // Written after every build series, so a run stopped early still leaves its figures.
    writeReport();
  };
  // Runs interleave the targets, so a burst of load from other work hits them all alike; with
  // --concurrent the targets of a run build side by side and share whatever the machine has.
  for (let run = 1; run <= runs; run++) {
    if (args.concurrent) await Promise.all(forSize.map(([target, result]) => series(target, result, run)));
    else for (const [target, result] of forSize) await series(target, result, run);
  }
  progress(`N=${size}: done; logs in ${join(workDir, 'logs')}`);
  if (!args.keep) await deleteBuilds(workDir, size !== sizes.at(-1));
}
const table = writeReport();
console.log(`\n${table}\n\nmedian of ${runs} run(s); machine: ${JSON.stringify(machine())}\nJSON: ${out}`);
if (!args.keep) rmSync(snapshot, { recursive: true, force: true });
process.exitCode = results.some((result) => result.failed) ? 1 : 0;

function writeReport(): string {
  const rows = results.map((result) => {
    const m = result.median;
    const same = (name: string) =>
      results.find((other) => other.size === result.size && other.target === name)?.median;
    if (!m)
      return [
        result.size.toLocaleString('en'),
        result.target,
        '0',
        result.unavailable ?? (result.failed ? `failed: ${result.failed}` : 'not run yet'),
        ...Array(14).fill(''),
      ];
    return [
      result.size.toLocaleString('en'),
      result.target,
      String(result.runs.length) +
        (result.failed ? ' (then failed)' : '') +
        (result.runs.some((run) => run.buildFailures.length) ? ' (builds exited non-zero: see JSON)' : ''),
      seconds(m.coldMs),
      m.msPerArticle!.toFixed(2),
      ratio(m.msPerArticle, same('floor-unified')?.msPerArticle),
      ratio(m.msPerArticle, same('minimal-astro')?.msPerArticle),
      cpu(m.coldCpuSeconds),
      ratio(m.coldCpuSeconds, same('minimal-astro')?.coldCpuSeconds),
      gb(m.coldPeakRssBytes),
      seconds(m.warmMs),
      ratio(m.warmMs, m.coldMs),
      seconds(m.editMs),
      Number.isNaN(m.warmImageEncodes!)
        ? '—'
        : `${m.coldImageEncodes} / ${m.warmImageEncodes} / ${m.editImageEncodes}`,
      (m.outputBytes! / 1024 ** 2).toFixed(1),
      (m.coldCacheBytes! / 1024 ** 2).toFixed(1),
      gb(m.diskBytes),
      (m.avgArticleHtmlBytes! / 1024).toFixed(1),
    ];
  });
  const table = markdownTable(
    [
      'N',
      'target',
      'runs',
      'cold s',
      'ms/article',
      '× floor',
      '× minimal Astro',
      'cold CPU s',
      'CPU × minimal Astro',
      'peak RSS GB',
      'warm s',
      'warm/cold',
      'one-edit s',
      'image encodes cold / warm / edit',
      'output MB',
      'caches MB on disk',
      'output + caches GB on disk',
      'article HTML KB',
    ],
    rows,
  );
  const finished = new Date().toISOString();
  const report = {
    command,
    started: started.toISOString(),
    finished,
    seed,
    heroes: heroDensity,
    runs,
    memoryMaxBytes,
    machine: machine(),
    table,
    results,
    progress: progressLog,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  return table;
}
