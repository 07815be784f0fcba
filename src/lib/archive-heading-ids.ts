/**
 * The heading ids an archive's old site gave, so that deep links into it (`/2019/03/lamp.html#the-vote`)
 * still land on their heading here. Each generator derives ids from the heading text by its own
 * rule; where the old id differs from the one this site would give (src/markdown/rehype-heading-ids.ts),
 * the importer writes it as an explicit id, `## The vote {#old-id}`, which the pipeline keeps.
 *
 * The rules, read in each generator's source:
 * - Jekyll's kramdown with its default GFM input (kramdown-parser-gfm, lib/kramdown/parser/gfm.rb,
 *   generate_gfm_header_id): lowercase; remove everything but \p{Word} (letters, marks, decimal
 *   digits, connector punctuation), `-`, space and tab; spaces and tabs become `-`; a repeat gets
 *   `-1`, `-2`… (a counter per id, so no check for a heading that is literally `x-1`). The text is
 *   the rendered one: typographic symbols (`--` to an en dash) are made first, and then removed.
 * - kramdown with `input: kramdown` (lib/kramdown/converter/base.rb, basic_generate_id): drop
 *   everything up to the first ASCII letter (so `2019 in review` gives `in-review`), keep only
 *   a-z, A-Z, 0-9, space and `-`, spaces to `-`, lowercase; nothing left gives `section`; repeats `-1`, `-2`.
 * - Hugo's goldmark (markup/goldmark/autoid.go, autoHeadingIDType "github", the default): `-` and
 *   space or tab give `-`; `_`, Unicode letters and digits (unicode.IsLetter/IsDigit, so not
 *   combining marks) are kept lowercased; the rest is dropped; nothing left gives `heading`; an id
 *   already on the page (explicit ones too) gets `-1`, `-2`… "github-ascii" first strips accents
 *   and drops every other non-ASCII character.
 * - Zola (components/markdown, slugify.anchors "on", the default): the `slug` crate: transliterated
 *   to ASCII (deunicode), runs of anything but a-z and 0-9 become one `-`, none at either end; a
 *   taken id gets `-1`, `-2`… (find_anchor). "safe" and "off" replace ASCII whitespace with `_`.
 * - Eleventy has no heading ids of its own; with markdown-it-anchor's default slugify
 *   (encodeURIComponent of the trimmed, lowercased text, whitespace runs to `-`) a taken id gets
 *   `-1`, `-2`… (uniqueSlugStartIndex 1; versions before 5 counted from `-2`).
 * A rule that cannot be followed here (deunicode's transliteration of non-Latin letters and emoji,
 * a custom slugify function) gives no id: nothing is written rather than a guess.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { walkTree } from './walk-tree.ts';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { headingIds, type HeadingSource } from '../markdown/rehype-heading-ids.ts';
import { explicitIdProblem } from '../markdown/remark-explicit-heading-ids.ts';
import type { ImportNote } from './archive-article.ts';
import { markdownHeadingSource } from './article-links.ts';
import type { ConvertedLine } from './archive-shortcodes.ts';
import { slugify } from './slugs.ts';

export type OldIdRule =
  | 'kramdown-gfm'
  | 'kramdown'
  | 'goldmark-github'
  | 'goldmark-github-ascii'
  | 'zola'
  | 'zola-safe'
  | 'markdown-it-anchor';

/** One page's worth of ids: call it with each heading's text in order; undefined when the rule cannot say. */
type IdGenerator = (text: string, explicit?: string) => string | undefined;

/** `x`, then `x-1`, `x-2`… skipping ids already taken (goldmark, Zola, markdown-it-anchor). */
function numberedWhileTaken(taken: Set<string>, slug: string): string {
  let id = slug;
  for (let n = 1; taken.has(id); n++) id = `${slug}-${n}`;
  taken.add(id);
  return id;
}

/** kramdown's typographic symbols, made before the id: `---` an em dash, `--` an en dash, `...` `…`. */
const kramdownTypography = (text: string) =>
  text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/\.\.\./g, '…');

/**
 * deunicode gives ASCII for anything (🦀 becomes "crab", Ж "zh"); followed here are only accents,
 * the Latin letters src/lib/slugs.ts knows, and punctuation and spaces, which become separators either way.
 */
const zolaCanFollow = (text: string) =>
  /^[\x00-\x7f\p{P}\p{Z}ßæœøłđðþı]*$/u.test(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());

function generatorFor(rule: OldIdRule): IdGenerator {
  const taken = new Set<string>();
  const counters = new Map<string, number>();
  /** kramdown's counter per id: the first is as it is, the next `-1`, `-2`… */
  const counted = (id: string) => {
    const count = counters.has(id) ? counters.get(id)! + 1 : 0;
    counters.set(id, count);
    return count > 0 ? `${id}-${count}` : id;
  };
  return (text, explicit) => {
    if (explicit !== undefined) {
      taken.add(explicit);
      return explicit;
    }
    switch (rule) {
      case 'kramdown-gfm': {
        const id = kramdownTypography(text)
          .toLowerCase()
          .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '')
          .replace(/[ \t]/g, '-');
        return id ? counted(id) : undefined;
      }
      case 'kramdown': {
        const id = kramdownTypography(text)
          .replace(/^[^a-zA-Z]+/, '')
          .replace(/[^a-zA-Z0-9 -]/g, '')
          .replace(/ /g, '-')
          .toLowerCase();
        return counted(id || 'section');
      }
      case 'goldmark-github':
      case 'goldmark-github-ascii': {
        const source =
          rule === 'goldmark-github-ascii' ? text.normalize('NFD').replace(/\p{Mn}/gu, '') : text;
        let id = '';
        for (const char of source) {
          if (rule === 'goldmark-github-ascii' && char.codePointAt(0)! > 0x7f) continue;
          if (char === '-' || char === ' ' || char === '\t') id += '-';
          else if (/[_\p{L}\p{Nd}]/u.test(char)) id += char.toLowerCase();
        }
        return numberedWhileTaken(taken, id || 'heading');
      }
      case 'zola': {
        if (!zolaCanFollow(text)) return undefined;
        const id = slugify(text);
        return id ? numberedWhileTaken(taken, id) : undefined;
      }
      case 'zola-safe':
        return numberedWhileTaken(taken, text.replace(/[ \t\n\r\f]/g, '_'));
      case 'markdown-it-anchor':
        return numberedWhileTaken(taken, encodeURIComponent(text.trim().toLowerCase().replace(/\s+/g, '-')));
    }
  };
}

const readIf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** A config file's data, or undefined when it cannot be read (the importer then writes no old ids). */
function configData(file: string): Record<string, unknown> | undefined {
  const text = readIf(file);
  if (text === undefined) return undefined;
  try {
    const data: unknown = file.endsWith('.toml')
      ? parseToml(text)
      : file.endsWith('.json')
        ? JSON.parse(text)
        : parseYaml(text);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}

/** A nested field, keys case-insensitive as Hugo reads them. */
function field(data: unknown, ...path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    const entry = Object.entries(value).find(([name]) => name.toLowerCase() === key.toLowerCase());
    value = entry?.[1];
  }
  return value;
}

const HUGO_CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];
const ELEVENTY_CONFIGS = ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs'];

/**
 * Which generator's rule gave the old site's heading ids, from the config at the site's root;
 * undefined when the site gave none or used a rule not followed here (Hugo's "blackfriday",
 * another Jekyll markdown engine, an Eleventy slugify function of its own).
 */
export function oldHeadingIdRule(siteRoot: string): OldIdRule | undefined {
  const jekyll = ['_config.yml', '_config.yaml'].map((name) => join(siteRoot, name)).find(existsSync);
  if (jekyll) {
    const data = configData(jekyll);
    if (!data) return undefined;
    const engine = String(field(data, 'markdown') ?? 'kramdown').toLowerCase();
    if (engine !== 'kramdown' || field(data, 'kramdown', 'auto_ids') === false) return undefined;
    return String(field(data, 'kramdown', 'input') ?? 'GFM').toLowerCase() === 'kramdown'
      ? 'kramdown'
      : 'kramdown-gfm';
  }
  for (const name of HUGO_CONFIGS) {
    const data = existsSync(join(siteRoot, name)) ? configData(join(siteRoot, name)) : undefined;
    if (!data) continue;
    if (field(data, 'base_url') !== undefined) {
      const anchors = String(field(data, 'slugify', 'anchors') ?? 'on');
      return anchors === 'on' ? 'zola' : 'zola-safe';
    }
    if (field(data, 'markup', 'goldmark', 'parser', 'autoHeadingID') === false) return undefined;
    const type = String(field(data, 'markup', 'goldmark', 'parser', 'autoHeadingIDType') ?? 'github');
    return type === 'github'
      ? 'goldmark-github'
      : type === 'github-ascii'
        ? 'goldmark-github-ascii'
        : undefined;
  }
  const eleventy = ELEVENTY_CONFIGS.map((name) => readIf(join(siteRoot, name))).find(
    (text) => text !== undefined,
  );
  if (eleventy?.includes('markdown-it-anchor') && !/\bslugify\s*:/.test(eleventy))
    return 'markdown-it-anchor';
  return undefined;
}

/** The ids this site gives the headings, with `added` explicit ids (index -> id) on top of those written. */
function siteIds(sources: HeadingSource[], added: Map<number, string>): string[] {
  return headingIds(
    sources.map((source, index) =>
      added.has(index) ? { ...source, explicit: { id: added.get(index)!, line: 0, column: 0 } } : source,
    ),
  ).ids;
}

/**
 * Appends `{#old-id}` to each markdown heading whose old id differs from the id this site would
 * give it. Headings in code are not headings; one with an explicit id keeps it. Adding an id can
 * move another heading's generated one (generated ids step aside), so it settles in rounds. An old
 * id this site cannot give (`caf%C3%A9`) is listed: old links to it will land at the page's top.
 */
export function withOldHeadingIds(
  lines: ConvertedLine[],
  rule: OldIdRule | undefined,
): { lines: ConvertedLine[]; notes: ImportNote[] } {
  if (!rule) return { lines, notes: [] };
  // A converted line may hold several lines of markdown; heading positions count those.
  const flat = lines.flatMap(({ text, line, code }) =>
    text.split('\n').map((part) => ({ text: part, line, code })),
  );
  const tree: Root = fromMarkdown(flat.map(({ text }) => text).join('\n'));
  const headings: Heading[] = [];
  walkTree(tree, 'heading', (node) => void headings.push(node));
  if (!headings.length) return { lines, notes: [] };
  const sources = headings.map(markdownHeadingSource);
  const generate = generatorFor(rule);
  // kramdown can give two headings one id; a link to it opened the first, so only the first keeps it.
  const oldIds = sources
    .map(({ text, explicit }) => generate(text, explicit?.id))
    .map((id, index, all) => (all.indexOf(id) === index ? id : undefined));
  const added = new Map<number, string>();
  const notes: ImportNote[] = [];
  const rowOf = (heading: Heading) => {
    const { start, end } = heading.position!;
    // ATX (`## Text ##`): the heading's line. Setext: its last text line, above the underline.
    return flat[end.line === start.line ? start.line - 1 : end.line - 2]!;
  };
  const ownIds = siteIds(sources, added);
  oldIds.forEach((old, index) => {
    const same = old === undefined || old === ownIds[index] || sources[index]!.explicit;
    const problem = same ? undefined : explicitIdProblem(old);
    if (problem)
      notes.push({
        line: rowOf(headings[index]!).line,
        message:
          `the old site's id of this heading, "${old}", cannot be kept ` +
          `(${problem.message.replace(/^the heading id \S+ /, '')}); ` +
          'links to it will open the page at the top',
      });
  });
  for (let round = 0; round <= headings.length; round++) {
    const ids = siteIds(sources, added);
    const differing = oldIds.flatMap((old, index) =>
      old !== undefined &&
      !sources[index]!.explicit &&
      !added.has(index) &&
      old !== ids[index] &&
      !explicitIdProblem(old)
        ? [index]
        : [],
    );
    if (!differing.length) break;
    for (const index of differing) added.set(index, oldIds[index]!);
  }
  for (const [index, id] of added) {
    const row = rowOf(headings[index]!);
    // Before an ATX heading's closing hashes, which would otherwise end the line.
    row.text = `${row.text.replace(/[ \t]+#+[ \t]*$/, '').trimEnd()} {#${id}}`;
  }
  return { lines: flat, notes };
}
