/**
 * The editor commands, spawned as editors run them: `npm run new` scaffolds a valid draft,
 * `npm run import` turns wire copy into an article (reproducing the committed seed byte for byte),
 * and both refuse to overwrite or to read nonsense, with a message saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProjectContent } from '../../src/integrations/content-check.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { AUTHOR, PIXEL_PNG, writeTree } from './fixtures.ts';

const SEED = join(projectRoot, 'tests/fixtures/seed-articles/000_8f9d78f08d0ec58e.txt');
const SEED_ARTICLE = join(
  projectRoot,
  'content/articles/chrissy-teigen-breaks-down-in-tears-during-therapy-three/index.md',
);
const SEED_FLAGS = [
  '--section',
  'entertainment',
  '--tag',
  'Chrissy Teigen',
  '--tag',
  'John Legend',
  '--content-note',
  'This article discusses pregnancy loss.',
  '--date',
  '2026-11-29T09:00:00Z',
  '--publish',
];

let trees: ReturnType<typeof writeTree>[] = [];
afterEach(() => {
  trees.forEach((tree) => tree.cleanup());
  trees = [];
});

/** A temp project with an authors folder, so scaffolded articles can be checked as a build would. */
function project(files: Record<string, string | Buffer> = {}) {
  const tree = writeTree({ 'content/authors/amara-okafor.yaml': AUTHOR, ...files });
  trees.push(tree);
  return { root: tree.root, articles: join(tree.root, 'content/articles') };
}

function run(script: 'new' | 'import', args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', `${script}.ts`), ...args], {
    cwd: projectRoot,
    env: { ...process.env, PUBLISH_NOW: '2026-07-01T08:30:00Z', SITE_TIMEZONE: 'Europe/London', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const errorsIn = (root: string) =>
  checkProjectContent(pathToFileURL(`${root}/`)).problems.filter((problem) => problem.severity === 'error');

describe('npm run new', () => {
  it('scaffolds a valid draft dated now with the site offset, and prints its path', () => {
    const { root, articles } = project();
    const result = run('new', ['Harbour café: the lamp is lit', '--section', 'coast', '--out', articles]);
    const path = join(articles, 'harbour-cafe-the-lamp-is-lit/index.md');
    expect(result).toMatchObject({ status: 0, stdout: path });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('title: "Harbour café: the lamp is lit"\n');
    expect(text).toContain('pubDate: 2026-07-01T09:30:00+01:00\n');
    expect(text).toContain('section: coast\n');
    expect(text).toContain('source:\n  relationship: original\n');
    expect(text).toContain('draft: true\n');
    expect(errorsIn(root)).toEqual([]);
  });

  it('refuses to overwrite an existing article, folder or single file', () => {
    const { articles } = project({
      'content/articles/taken/index.md': 'original text',
      'content/articles/flat.md': 'flat text',
    });
    const folder = run('new', ['Taken', '--out', articles]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe(
      `new: ${join(articles, 'taken')} already exists; not overwriting. Rename or remove it first.`,
    );
    expect(readFileSync(join(articles, 'taken/index.md'), 'utf8')).toBe('original text');
    const flat = run('new', ['Flat', '--out', articles]);
    expect(flat.stderr).toBe(
      `new: ${join(articles, 'flat')}.md already exists; not overwriting. Rename or remove it first.`,
    );
    expect(existsSync(join(articles, 'flat'))).toBe(false);
  });

  it('explains its usage without a headline, and rejects a headline without letters or digits', () => {
    expect(run('new', [])).toMatchObject({
      status: 1,
      stderr: 'new: usage: npm run new -- "Headline" [--section news]',
    });
    expect(run('new', ['?!', '--out', project().articles]).stderr).toContain(
      'cannot make a URL slug from this headline',
    );
    expect(run('new', ['Fine', '--section', 'Local News', '--out', project().articles]).stderr).toBe(
      'new: --section "Local News" must be a slug such as news or entertainment.',
    );
    expect(run('import', [SEED, '--colour', 'red']).stderr).toMatch(
      /^import: Unknown option '--colour'[\s\S]*usage: npm run import -- <file.txt>/,
    );
  });
});

describe('npm run import', () => {
  it('reproduces the committed seed article byte for byte', () => {
    const { articles } = project();
    const result = run('import', [SEED, ...SEED_FLAGS, '--out', articles]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      join(articles, 'chrissy-teigen-breaks-down-in-tears-during-therapy-three/index.md'),
    );
    expect(readFileSync(result.stdout)).toEqual(readFileSync(SEED_ARTICLE));
  });

  it('reads CRLF copy exactly like LF copy', () => {
    const { root, articles } = project({ 'crlf.txt': readFileSync(SEED, 'utf8').replace(/\n/g, '\r\n') });
    const result = run('import', [join(root, 'crlf.txt'), ...SEED_FLAGS, '--out', articles]);
    expect(readFileSync(result.stdout)).toEqual(readFileSync(SEED_ARTICLE));
  });

  it('takes publisher and URL from a `Source: Publisher (https://…)` line', () => {
    const { root, articles } = project({
      'wire.txt': 'Lamp lit again\n\nThe lamp shone.\n\nSource: Coast Wire (https://wire.example/lamp)\n',
    });
    const text = readFileSync(
      run('import', [join(root, 'wire.txt'), '--out', articles, '--date', '2026-11-29T09:00:00Z']).stdout,
      'utf8',
    );
    expect(text).toContain(
      'source:\n  relationship: syndicated\n  publisher: Coast Wire\n  url: https://wire.example/lamp\n',
    );
    expect(text).toContain('left unset: source.author, source.originalPubDate.');
    expect(text.endsWith('---\n\nThe lamp shone.\n')).toBe(true);
    expect(errorsIn(root)).toEqual([]);
  });

  it('imports copy without a Source line, leaving the source unknown', () => {
    const { root, articles } = project({
      'wire.txt': 'Lamp lit again\n\nThe lamp shone.\n\nCrowds watched.\n',
    });
    const text = readFileSync(
      run('import', [join(root, 'wire.txt'), '--out', articles, '--date', '2026-11-29T09:00:00Z']).stdout,
      'utf8',
    );
    expect(text).toContain('source:\n  relationship: syndicated\ndraft: true\n---');
    expect(text).toContain('The lamp shone.\n\nCrowds watched.\n');
    expect(errorsIn(root)).toEqual([]);
  });

  it('refuses empty, binary and non-UTF-8 input with a clear message', () => {
    const { root, articles } = project({
      'empty.txt': ' \n\n',
      'photo.txt': PIXEL_PNG,
      'latin1.txt': Buffer.from('Caf\xe9 news\n\nBody.\n', 'latin1'),
    });
    expect(run('import', [join(root, 'empty.txt'), '--out', articles])).toMatchObject({
      status: 1,
      stderr: `import: ${join(root, 'empty.txt')}: The file is empty: expected a headline on the first line.`,
    });
    expect(run('import', [join(root, 'photo.txt'), '--out', articles]).stderr).toContain(
      'The file looks binary',
    );
    expect(run('import', [join(root, 'latin1.txt'), '--out', articles]).stderr).toContain(
      'is not valid UTF-8 text',
    );
  });

  it('refuses to overwrite an existing article', () => {
    const { root, articles } = project({ 'wire.txt': 'Lamp lit again\n\nNew text.\n' });
    writeFileSync(join(root, 'wire2.txt'), 'Lamp lit again\n\nOther text.\n');
    expect(run('import', [join(root, 'wire.txt'), '--out', articles]).status).toBe(0);
    const second = run('import', [join(root, 'wire2.txt'), '--out', articles]);
    expect(second).toMatchObject({
      status: 1,
      stderr: `import: ${join(articles, 'lamp-lit-again')} already exists; not overwriting. Rename or remove it first.`,
    });
    expect(readFileSync(join(articles, 'lamp-lit-again/index.md'), 'utf8')).toContain('New text.');
  });

  it('rejects a --date without timezone offset', () => {
    const result = run('import', [SEED, '--date', '2026-11-29 09:00', '--out', project().articles]);
    expect(result).toMatchObject({ status: 1 });
    expect(result.stderr).toContain('--date: "2026-11-29 09:00" has no timezone offset');
  });
});
