/**
 * A site built once per test run and shared by every test file that asks for it (SHARED_BUILDS
 * in tests/helpers/global-build.ts, which builds it on the first request).
 */
import { connect } from 'node:net';
import { inject } from 'vitest';
import type { SharedBuildAnswer, SharedBuildName } from './global-build.ts';

/** The shared build `name`, once it is built: its dist/ and output; rejects with the output if it failed. */
export function sharedBuild(name: SharedBuildName): Promise<{ dist: string; output: string }> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(inject('sharedBuildsSocket'));
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const { dist, exitCode, output } = JSON.parse(answer) as SharedBuildAnswer;
      if (exitCode === 0) resolve({ dist, output });
      else reject(new Error(`The shared build "${name}" failed (exit ${exitCode}):\n${output}`));
    });
    socket.end(name);
  });
}
