/** What the project's CI and host configs may run: the npm scripts package.json defines. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/build-site.ts';

export const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
export const definedScripts: string[] = Object.keys(packageJson.scripts);

/** The npm scripts a shell command runs: `npm test`, `npm run build`, `npm run-script x`. */
export function npmScriptsRun(shell: string): string[] {
  return [...shell.matchAll(/\bnpm\s+(?:(test|start|stop|restart)\b|run(?:-script)?\s+([\w:.-]+))/g)].map(
    ([, lifecycle, script]) => (lifecycle ?? script)!,
  );
}
