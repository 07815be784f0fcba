/**
 * The npm packages some of the project's files import at run time, read from their source: what a
 * deploy that installs without dev dependencies must still have.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/build-site.ts';

/**
 * `import … from 'x'` (not `import type`, erased at run time), `import 'x'`, `import('x')` and
 * `require.resolve('x/…')` (how the Nu HTML Checker finds its jar).
 */
const SPECIFIERS = [
  /^\s*(?:import|export)\b(?!\s+type\b)[^;]*?\bfrom\s+'([^']+)'/gm,
  /^\s*import\s+'([^']+)'/gm,
  /\bimport\(\s*'([^']+)'\s*\)/g,
  /\.resolve\(\s*'([^']+)'/g,
];

/** 'astro/loaders' -> 'astro', '@astrojs/rss' -> '@astrojs/rss'; undefined for built-ins, virtual and relative. */
function packageOf(specifier: string): string | undefined {
  if (/^(?:\.|\/|node:|astro:|virtual:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export function packagesImportedBy(patterns: string[]): string[] {
  const names = new Set<string>();
  for (const file of globSync(patterns, { cwd: projectRoot })) {
    const source = readFileSync(join(projectRoot, file), 'utf8');
    for (const pattern of SPECIFIERS) {
      for (const [, specifier] of source.matchAll(pattern)) {
        const name = packageOf(specifier!);
        if (name) names.add(name);
      }
    }
  }
  return [...names].sort();
}
