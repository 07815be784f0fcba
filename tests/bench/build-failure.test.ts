import { describe, expect, it } from 'vitest';
import { describeBuildFailure } from '../../scripts/bench/build-failure.ts';

const FIGURES = {
  exitCode: 1,
  wallMs: 3_000_000,
  peakRssBytes: 4.47 * 1024 ** 3,
  cpuSeconds: { user: 2500, system: 140 },
};
const LOG = [
  '12:40:01 [build] 150842 page(s) built',
  'RangeError: Invalid string length',
  '    at JSON.stringify (<anonymous>)',
  '    at writeManifest (astro/dist/core/build/incremental.js:90:20)',
].join('\n');

describe('describeBuildFailure', () => {
  it('says nothing about a build that passed', () => {
    expect(describeBuildFailure('cold build', { ...FIGURES, exitCode: 0 }, LOG, 'cold.log')).toBeUndefined();
  });

  it("names the build's own last error line and what was measured until it ended", () => {
    expect(describeBuildFailure('cold build', FIGURES, LOG, 'cold.log')).toBe(
      'cold build exited 1 (RangeError: Invalid string length) after 3000.0 s, 2640.0 CPU-s, ' +
        'peak 4.47 GiB; see cold.log',
    );
  });

  it('says so when the log has no error line, and leaves out CPU when it was not measured', () => {
    expect(
      describeBuildFailure('edit rebuild', { ...FIGURES, cpuSeconds: undefined }, 'Killed', 'edit.log'),
    ).toBe('edit rebuild exited 1 (no error line) after 3000.0 s, peak 4.47 GiB; see edit.log');
  });
});
