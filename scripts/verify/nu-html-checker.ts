/**
 * The W3C Nu HTML Checker (vnu.jar from npm `vnu-jar`) run once, in one JVM, over many files.
 * Runs on the machine's Java; when Java is missing it throws with the install command instead of
 * passing silently. (The package's own launcher would download a JRE: never used here.)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const VNU_JAR = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

export function requireJava(env: NodeJS.ProcessEnv = process.env): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8', env });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java is not installed, so the Nu HTML Checker cannot run: apt-get install -y default-jre-headless',
    );
  }
}

/** Errors (not warnings) the checker reports for the given HTML files. */
export function checkHtml(files: string[]): NuMessage[] {
  requireJava();
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // The checker writes its JSON report to stderr and exits 1 when it found errors.
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(run.stderr);
  } catch {
    throw new Error(
      `The Nu HTML Checker did not produce a report (exit ${run.status}):\n${run.stderr}${run.stdout}`,
    );
  }
  return report.messages;
}

/** `dist/path/index.html:12: message «extract»`, one a line. */
export function describeMessages(messages: NuMessage[], root: string): string {
  return messages
    .map((m) => {
      const file = decodeURIComponent(m.url.replace(/^file:/, '')).replace(root, 'dist');
      const extract = m.extract ? ` «${m.extract.trim()}»` : '';
      return `${file}:${m.lastLine ?? '?'}: ${m.message}${extract}`;
    })
    .join('\n');
}
