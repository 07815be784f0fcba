/**
 * The old site's heading ids (src/lib/archive-heading-ids.ts): each generator's rule on the cases
 * where they part from this site's GitHub-style ids, written as `{#old-id}` only where they differ.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { oldHeadingIdRule, withOldHeadingIds, type OldIdRule } from '../../src/lib/archive-heading-ids.ts';
import { writeTree } from './fixtures.ts';

/** The body after import, and its notes as `line: message`. */
function imported(rule: OldIdRule | undefined, body: string) {
  const lines = body.split('\n').map((text, index) => ({ text, line: index + 10 }));
  const result = withOldHeadingIds(lines, rule);
  return {
    body: result.lines.map(({ text }) => text).join('\n'),
    notes: result.notes.map(({ line, message }) => `${line}: ${message}`),
  };
}

/** The `{#…}` written on each heading line, '' where none. */
const written = (rule: OldIdRule, ...headings: string[]) =>
  imported(rule, headings.map((heading) => `## ${heading}`).join('\n\n'))
    .body.split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => /\{#([^}]*)\}$/.exec(line)?.[1] ?? '');

describe("Jekyll's kramdown with GFM input (the default)", () => {
  it('keeps leading digits and Unicode letters, drops punctuation, each space a hyphen', () => {
    // This site gives the same ids ("2019-in-review", "hello-world", "café-au-lait"): nothing written.
    expect(written('kramdown-gfm', '2019 in review', 'Hello, World!', 'Café au lait')).toEqual(['', '', '']);
  });

  it('makes -- an en dash first and then drops it, where this site keeps the hyphens', () => {
    expect(written('kramdown-gfm', 'Before -- after')).toEqual(['before--after']);
  });

  it('numbers repeats -1, -2 with a counter per id', () => {
    expect(written('kramdown-gfm', 'Notes', 'Notes', 'Notes')).toEqual(['', '', '']);
    // The counter is per id: kramdown gave "Notes-1" and the second "Notes" both notes-1; old
    // links went to the first, so the second keeps this site's own id.
    expect(written('kramdown-gfm', 'Notes', 'Notes-1', 'Notes')).toEqual(['', '', '']);
  });
});

describe('kramdown with input: kramdown', () => {
  it('drops everything before the first ASCII letter, and every non-ASCII letter', () => {
    expect(written('kramdown', '2019 in review', '1.0 Release', 'Über café')).toEqual([
      'in-review',
      'release',
      'ber-caf',
    ]);
  });

  it('gives a heading without letters "section", numbered when repeated', () => {
    expect(written('kramdown', '2019', '42', 'Section')).toEqual(['section', 'section-1', 'section-2']);
  });
});

describe("Hugo's goldmark (autoHeadingIDType github)", () => {
  it('keeps letters, digits and _; drops combining marks (this site keeps them)', () => {
    expect(written('goldmark-github', 'Hello, World!', 'snake_case', 'नमस्ते')).toEqual(['', '', 'नमसत']);
  });

  it('gives a heading without letters "heading"; repeats skip ids taken, explicit ones too', () => {
    expect(imported('goldmark-github', '## !!!\n\n## Notes {#notes}\n\n## Notes').body).toBe(
      '## !!! {#heading}\n\n## Notes {#notes}\n\n## Notes',
    );
  });

  it('github-ascii strips accents and drops other non-ASCII letters', () => {
    expect(written('goldmark-github-ascii', 'Café crème', 'Tokyo 東京')).toEqual(['cafe-creme', 'tokyo-']);
  });
});

describe('Zola (slugify.anchors on)', () => {
  it('makes every run of non-alphanumerics one hyphen and transliterates Latin letters', () => {
    expect(written('zola', 'Rust 1.0: the trains', 'Straße & Café', 'Hello world')).toEqual([
      'rust-1-0-the-trains',
      'strasse-cafe',
      '',
    ]);
  });

  it('writes nothing where only deunicode could say (emoji, other scripts)', () => {
    expect(written('zola', '🦀 Crab', 'Привет')).toEqual(['', '']);
  });

  it('numbers repeats -1, -2, and settles when one written id moves another', () => {
    // This site: "ab", "a-b"; Zola: "a-b", then "a-b-1".
    expect(written('zola', 'A.B', 'A B')).toEqual(['a-b', 'a-b-1']);
  });
});

describe('Eleventy with markdown-it-anchor', () => {
  it('keeps punctuation and percent-encodes; an id this site cannot give is listed, not written', () => {
    const result = imported('markdown-it-anchor', '## Hello world\n\n## Hello world\n\n## Why? Because');
    expect(result.body).toBe('## Hello world\n\n## Hello world\n\n## Why? Because');
    expect(result.notes).toEqual([
      '14: the old site\'s id of this heading, "why%3F-because", cannot be kept ' +
        '(has characters an id cannot have); links to it will open the page at the top',
    ]);
  });
});

describe('where the ids are written', () => {
  it("before closing hashes, on a setext heading's text line, not in code, not over an explicit id", () => {
    const body = '## Rust 1.0 ##\n\nRust 1.0\n--------\n\n```\n## Rust 1.0\n```\n\n## Rust 1.0 {#kept}';
    const ids = '## Rust 1.0 {#rust-1-0}\n\nRust 1.0 {#rust-1-0-1}\n--------\n\n';
    expect(imported('zola', body).body).toBe(`${ids}\`\`\`\n## Rust 1.0\n\`\`\`\n\n## Rust 1.0 {#kept}`);
  });

  it('lists an old id it cannot write only when it differs from the id this site gives', () => {
    // Over 200 characters, the same here and on the old site: nothing to say.
    expect(imported('zola', `## ${'Long words '.repeat(20)}`).notes).toEqual([]);
    // "long-words-…" there, "longwords-…" here: old links to it are lost.
    const [note] = imported('zola', `## ${'Long.words '.repeat(20)}`).notes;
    expect(note).toMatch(
      /^10: the old site's id of this heading, "long-words-.*", cannot be kept \(is longer/,
    );
  });

  it('leaves a body alone when the site had no rule', () => {
    expect(imported(undefined, '## Rust 1.0').body).toBe('## Rust 1.0');
  });
});

describe("the old site's rule, from its config", () => {
  let trees: ReturnType<typeof writeTree>[] = [];
  afterEach(() => {
    trees.forEach((tree) => tree.cleanup());
    trees = [];
  });
  const ruleOf = (files: Record<string, string>) => {
    const tree = writeTree({ 'README.md': '', ...files });
    trees.push(tree);
    return oldHeadingIdRule(tree.root);
  };

  it('reads Jekyll, Hugo, Zola and Eleventy configs', () => {
    expect(ruleOf({ '_config.yml': 'title: Old\n' })).toBe('kramdown-gfm');
    expect(ruleOf({ '_config.yml': 'kramdown:\n  input: kramdown\n' })).toBe('kramdown');
    expect(ruleOf({ '_config.yml': 'markdown: CommonMarkGhPages\n' })).toBeUndefined();
    expect(ruleOf({ 'hugo.toml': 'title = "Old"\n' })).toBe('goldmark-github');
    expect(
      ruleOf({ 'config.yaml': 'markup:\n  goldmark:\n    parser:\n      autoHeadingIDType: github-ascii\n' }),
    ).toBe('goldmark-github-ascii');
    expect(
      ruleOf({ 'hugo.toml': '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n' }),
    ).toBeUndefined();
    expect(ruleOf({ 'config.toml': 'base_url = "https://old.example"\n' })).toBe('zola');
    expect(ruleOf({ 'config.toml': 'base_url = "https://old.example"\n[slugify]\nanchors = "safe"\n' })).toBe(
      'zola-safe',
    );
    expect(
      ruleOf({ '.eleventy.js': 'const anchor = require("markdown-it-anchor");\nmd.use(anchor);\n' }),
    ).toBe('markdown-it-anchor');
    expect(
      ruleOf({ '.eleventy.js': 'md.use(require("markdown-it-anchor"), { slugify: (s) => s });\n' }),
    ).toBeUndefined();
    expect(ruleOf({ 'eleventy.config.js': 'export default () => {};\n' })).toBeUndefined();
  });
});
