import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMeasured, treeRssBytes } from '../../scripts/bench/measure.ts';

describe('treeRssBytes', () => {
  it('sees this process resident', () => {
    expect(treeRssBytes(process.pid)).toBeGreaterThan(10 * 1024 ** 2);
  });
});

describe('runMeasured', () => {
  it('reports the exit code, the output and the memory held by a grandchild', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
    try {
      // A shell whose child holds 300 MB: the peak must count the grandchild, not just the shell.
      const hold =
        `const b = Buffer.alloc(300 * 1024 * 1024, 1); console.log('held', ` +
        `b.length); setTimeout(() => process.exit(3), 1500);`;
      const logFile = join(dir, 'log');
      const result = await runMeasured('sh', ['-c', `"${process.execPath}" -e "${hold}"; exit $?`], {
        cwd: dir,
        env: process.env,
        logFile,
        sampleMs: 50,
      });
      expect(result.exitCode).toBe(3);
      expect(result.peakRssBytes).toBeGreaterThan(250 * 1024 ** 2);
      // The buffer is anonymous memory, and it is the node process's, not the shell's.
      expect(result.peakAnonBytes).toBeGreaterThan(250 * 1024 ** 2);
      expect(result.peakByProcess[0]!.process).toMatch(/^node \d+$/);
      expect(result.peakByProcess[0]!.anonBytes).toBeGreaterThan(250 * 1024 ** 2);
      expect(result.peakByProcess.find((memory) => memory.process.startsWith('sh '))!.rssBytes).toBeLessThan(
        50 * 1024 ** 2,
      );
      expect(readFileSync(logFile, 'utf8')).toContain('held 314572800');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('kills the whole tree once it holds more than memoryMaxBytes, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
    try {
      // The grandchild would hold 300 MB for a minute; 100 MB is the limit.
      const hold = `const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => process.exit(0), 60000);`;
      const command = `"${process.execPath}" -e "${hold}"; exit $?`;
      const logFile = join(dir, 'log');
      const options = { cwd: dir, env: process.env, logFile, sampleMs: 50, memoryMaxBytes: 100 * 1024 ** 2 };
      const result = await runMeasured('sh', ['-c', command], options);
      expect(result.overMemoryMax).toBe(true);
      expect(result.exitCode).not.toBe(0);
      expect(result.wallMs).toBeLessThan(30_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts the CPU time of the grandchild, and none of another command's running beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
    try {
      // About a second of CPU in a grandchild: a busy loop that stops after 1,000 ms of its own CPU.
      const spin = `const t = process.cpuUsage(); while (process.cpuUsage(t).user < 1e6);`;
      const run = () =>
        runMeasured('sh', ['-c', `"${process.execPath}" -e "${spin}"`], {
          cwd: dir,
          env: process.env,
          logFile: join(dir, 'log'),
        });
      const alone = await run();
      expect(alone.cpuSeconds!.user).toBeGreaterThanOrEqual(1);
      expect(alone.cpuSeconds!.user).toBeLessThan(3);
      expect(alone.cpuSeconds!.system).toBeGreaterThanOrEqual(0);
      const [first, second] = await Promise.all([run(), run()]);
      expect(first.cpuSeconds).toBeUndefined();
      expect(second.cpuSeconds).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
