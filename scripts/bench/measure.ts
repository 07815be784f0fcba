/**
 * Runs a command and measures its wall time and the peak resident memory of its whole process
 * tree (the sum over the child and all its descendants, sampled from /proc), which is what a
 * 24 GiB machine actually has to hold. `/usr/bin/time -v` would report only the largest single
 * process.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  exitCode: number;
  wallMs: number;
  peakRssBytes: number;
}

const PAGE_SIZE = 4096;

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

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

/** Resident bytes of `root` and all its descendants right now. */
export function treeRssBytes(root: number): number {
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
  let total = 0;
  for (const pid of tree) total += residentBytes(pid);
  return total;
}

export async function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; sampleMs?: number },
): Promise<Measured> {
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peakRssBytes = 0;
  const sample = () => {
    if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, treeRssBytes(child.pid));
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
  clearInterval(sampler);
  await new Promise((done) => log.end(done));
  return { exitCode, wallMs, peakRssBytes };
}
