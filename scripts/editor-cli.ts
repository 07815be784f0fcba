/** What the editor commands (new, import) share: argument parsing and failing with a one-line reason. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { SLUG_PATTERN } from '../src/lib/slugs.ts';

export function editorCommand<T extends ParseArgsOptionsConfig>(name: string, usage: string, options: T) {
  const fail = (message: string): never => {
    console.error(`${name}: ${message}`);
    process.exit(1);
  };
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options });
    const { section } = values as { section?: unknown };
    if (typeof section === 'string' && !SLUG_PATTERN.test(section))
      fail(`--section "${section}" must be a slug such as news or entertainment.`);
    return { values, positionals, usage: () => fail(usage), fail };
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}
