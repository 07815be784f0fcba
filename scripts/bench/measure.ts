/**
 * Runs a command and measures its wall time and the peak resident memory of its whole process
 * tree (the sum over the child and all its descendants, sampled from /proc), which is what a
 * 24 GiB machine actually has to hold. `/usr/bin/time -v` would report only the largest single
 * process. Resident memory counts file-backed pages too (shared libraries, mapped files); the
 * anonymous part (heaps, buffers) is reported beside it, and so is each process's own peak, so a
 * large figure can be traced to the process that holds it.
 *
 * CPU time (user and system, every process of the tree once it has been waited for) is reported
 * beside the wall time: on a shared virtual machine the wall time of one build can swing by a
 * fifth with the host's load, while the CPU a build needs moves far less, and on 2 cores it is
 * what bounds the wall time from below.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  exitCode: number;
  wallMs: number;
  peakRssBytes: number;
  /** Peak of the tree's anonymous resident memory (RssAnon summed). */
  peakAnonBytes: number;
  /** Each process's own peaks, by "name pid", largest resident first. */
  peakByProcess: { process: string; rssBytes: number; anonBytes: number }[];
  /** CPU seconds of the whole tree; undefined when another measured command ran at the same time. */
  cpuSeconds?: { user: number; system: number };
  /** The tree went over `memoryMaxBytes` and was killed (memory-limit.ts). */
  overMemoryMax: boolean;
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/**
 * CPU seconds of this process's children that have ended and been waited for, with theirs in turn
 * (/proc/self/stat cutime and cstime): a build's figure is the difference across it.
 */
function endedChildrenCpu(): { user: number; system: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which may contain spaces: state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    user: Number(fields[13]) / CLOCK_TICKS_PER_SECOND,
    system: Number(fields[14]) / CLOCK_TICKS_PER_SECOND,
  };
}

/** The measured commands running now, each marked once another one has run beside it. */
const inFlight = new Set<{ overlapped: boolean }>();

/** pid -> parent pid for every process visible in /proc. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: parse after its last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return parents;
}

interface ProcessMemory {
  pid: number;
  process: string;
  rssBytes: number;
  anonBytes: number;
}

function memoryOf(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    // The command, not Name: (Node names its main thread "MainThread").
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.split('/').at(-1) || '?';
    return { pid, process: `${command} ${pid}`, rssBytes: kib('VmRSS'), anonBytes: kib('RssAnon') };
  } catch {
    return undefined;
  }
}

/** `root` and all its descendants right now. */
function treePids(root: number): Set<number> {
  const parents = parentsByPid();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // It ended on its own meanwhile.
  }
}

/** Memory of `root` and each of its descendants right now. */
export function treeMemory(root: number): ProcessMemory[] {
  return [...treePids(root)].map(memoryOf).filter((memory): memory is ProcessMemory => memory !== undefined);
}

/** Resident bytes of `root` and all its descendants right now. */
export const treeRssBytes = (root: number) =>
  treeMemory(root).reduce((sum, memory) => sum + memory.rssBytes, 0);

export async function runMeasured(
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    logFile: string;
    sampleMs?: number;
    memoryMaxBytes?: number;
  },
): Promise<Measured> {
  // The kernel writes dirty pages back ~30 s after they were written: without this, a rebuild
  // started right after a cold build paid for writing back the cold build's output (a warm
  // rebuild at N = 10,000 measured 25.6 s instead of 22).
  execFileSync('sync');
  const log = createWriteStream(options.logFile);
  const overlap = { overlapped: inFlight.size > 0 };
  for (const other of inFlight) other.overlapped = true;
  inFlight.add(overlap);
  const cpuBefore = endedChildrenCpu();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peakRssBytes = 0;
  let peakAnonBytes = 0;
  const peaks = new Map<string, ProcessMemory>();
  let overMemoryMax = false;
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = treeMemory(child.pid);
    const rssBytes = tree.reduce((sum, memory) => sum + memory.rssBytes, 0);
    peakRssBytes = Math.max(peakRssBytes, rssBytes);
    if (options.memoryMaxBytes !== undefined && rssBytes > options.memoryMaxBytes && !overMemoryMax) {
      overMemoryMax = true;
      for (const memory of tree) killQuietly(memory.pid);
    }
    peakAnonBytes = Math.max(
      peakAnonBytes,
      tree.reduce((sum, memory) => sum + memory.anonBytes, 0),
    );
    for (const memory of tree) {
      const peak = peaks.get(memory.process);
      peaks.set(memory.process, {
        pid: memory.pid,
        process: memory.process,
        rssBytes: Math.max(peak?.rssBytes ?? 0, memory.rssBytes),
        anonBytes: Math.max(peak?.anonBytes ?? 0, memory.anonBytes),
      });
    }
  };
  const sampler = setInterval(sample, options.sampleMs ?? 200);
  const exitCode = await new Promise<number>((done) => {
    child.on('error', (error) => {
      log.write(`\n${error.stack ?? error}\n`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
  const wallMs = performance.now() - started;
  const cpuAfter = endedChildrenCpu();
  inFlight.delete(overlap);
  // Rounded to hundredths: tick counts divided by CLK_TCK leave binary fractions (3.780000000000001).
  const seconds = (after: number, before: number) => Math.round((after - before) * 100) / 100;
  const cpuSeconds = overlap.overlapped
    ? undefined
    : { user: seconds(cpuAfter.user, cpuBefore.user), system: seconds(cpuAfter.system, cpuBefore.system) };
  clearInterval(sampler);
  await new Promise((done) => log.end(done));
  const peakByProcess = [...peaks.values()].sort((a, b) => b.rssBytes - a.rssBytes);
  return { exitCode, wallMs, peakRssBytes, peakAnonBytes, peakByProcess, cpuSeconds, overMemoryMax };
}
