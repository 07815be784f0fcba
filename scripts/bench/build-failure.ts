/**
 * What the benchmark says about a build that exited non-zero: the build's own last error line
 * (not a later ENOENT from measuring a dist/ the build never wrote) and what was measured until it
 * ended, since the run that fails is often the one whose memory and time matter (N = 100,000).
 */
import type { Measured } from './measure.ts';
import { gibibytes } from './memory-limit.ts';

export function describeBuildFailure(
  what: string,
  figures: Pick<Measured, 'exitCode' | 'wallMs' | 'peakRssBytes' | 'cpuSeconds'>,
  log: string,
  logFile: string,
): string | undefined {
  if (figures.exitCode === 0) return undefined;
  const lastError = log.split('\n').findLast((line) => line.includes('[ERROR]') || line.includes('Error:'));
  const cpu = figures.cpuSeconds
    ? `, ${(figures.cpuSeconds.user + figures.cpuSeconds.system).toFixed(1)} CPU-s`
    : '';
  return (
    `${what} exited ${figures.exitCode} (${lastError?.trim().slice(0, 300) ?? 'no error line'}) ` +
    `after ${(figures.wallMs / 1000).toFixed(1)} s${cpu}, peak ${gibibytes(figures.peakRssBytes)}; see ${logFile}`
  );
}
