/**
 * Plain-text wire copy -> an article bundle (front matter + markdown body).
 *
 * Input: the headline on the first line, then optionally a byline (`By Jane Doe and Marcus Webb`,
 * `By Jane Doe, PA Political Correspondent`) and an agency line (`The Associated Press`), then
 * paragraphs separated by blank lines, and an optional trailing attribution line `Source: …`
 * (free text such as "Read Full Article", `Publisher Name (https://…)`, or a bare URL). Recognised
 * on the way (src/lib/wire-formats.ts): the agency from its dateline (`NEW YORK (AP) — `,
 * `LONDON, Dec 3 (Reuters) - `, `PARIS (AFP) - `) or agency line, Reuters' `Reporting by …;
 * Editing by …` trailer, end marks (`-30-`, `ENDS`) and separators (`***`, `---`).
 *
 * The byline never becomes body text: it goes to source.author, the agency to source.publisher.
 * The dateline stays as the first words of the body, exactly as it arrived. The text is kept
 * verbatim: markdown syntax characters are escaped and smart punctuation is switched off, so the
 * page shows exactly the words and quotes that arrived. Nothing is invented: facts the copy does
 * not give stay unset (a dateline's "Dec 3" has no year, so it does not set originalPubDate).
 */
import { stringify } from 'yaml';
import { isHttpUrl } from './urls.ts';
import { slugFromHeadline } from './slugs.ts';
import {
  agencyFromDateline,
  agencyLine,
  bylineOf,
  isEndMark,
  isSeparator,
  reutersTrailer,
} from './wire-formats.ts';

export class WireImportError extends Error {
  override name = 'WireImportError';
}

export interface WireImportOptions {
  /** Publication moment on this site (ISO 8601 with offset). */
  pubDate: string;
  section: string;
  tags?: string[];
  contentNote?: string;
  /** False publishes on pubDate; true (the default, like `npm run new`) keeps it a draft. */
  draft?: boolean;
}

/** A paragraph of the body, or a separator between parts of the story. */
export type WireBlock = string | { separator: true };

export interface WireCopy {
  headline: string;
  paragraphs: WireBlock[];
  source: { publisher?: string; url?: string; author?: string; attributionLine?: string };
}

const SOURCE_LINE = /^Source:\s*(.*)$/;
const PUBLISHER_WITH_URL = /^(.+?)\s*\((\S+)\)$/;

export function parseWireCopy(text: string): WireCopy {
  if (text.includes('\u0000') || /[\u0001-\u0008\u000E-\u001F]/.test(text)) {
    throw new WireImportError(
      'The file looks binary (it contains control bytes). Import plain UTF-8 text only.',
    );
  }
  if (text.includes('\uFFFD')) {
    throw new WireImportError(
      'The file is not valid UTF-8 text (it contains bytes that ' +
        'are not characters). Save it as UTF-8 and import it again.',
    );
  }
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = normalised
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  if (blocks.length === 0)
    throw new WireImportError('The file is empty: expected a headline on the first line.');

  const [first, ...rest] = blocks;
  const [headlineLine, ...firstBlockRest] = first!.split('\n');
  const headline = headlineLine!.trim();
  // Lines under the headline, before the first paragraph: byline and agency lines, one block or several.
  const lines = [...firstBlockRest, ...rest.join('\n\n').split('\n')];
  const source: WireCopy['source'] = {};
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    const byline = bylineOf(line);
    const agency = agencyLine(line);
    if (line === '') continue;
    if (byline && !source.author) {
      source.author = byline.author;
      if (byline.publisher) source.publisher = byline.publisher;
    } else if (agency && !source.publisher) source.publisher = agency;
    else break;
  }
  // Paragraphs keep every character as it arrived (a trailing no-break space included).
  const body = lines
    .slice(index)
    .join('\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '' && !isEndMark(block.trim()));
  const paragraphs: WireBlock[] = body.map((block) =>
    isSeparator(block.trim()) ? { separator: true as const } : block.split('\n').join(' '),
  );

  const last = paragraphs.at(-1);
  const sourceMatch = typeof last === 'string' ? SOURCE_LINE.exec(last.trim()) : null;
  if (sourceMatch) {
    paragraphs.pop();
    Object.assign(source, parseSourceLine(sourceMatch[1]!.trim()));
  }
  const trailer =
    typeof paragraphs.at(-1) === 'string' ? reutersTrailer(paragraphs.at(-1) as string) : undefined;
  if (trailer) {
    paragraphs.pop();
    source.author ??= trailer.author;
    source.attributionLine ??= trailer.line;
  }
  while (paragraphs.length && typeof paragraphs.at(-1) !== 'string') paragraphs.pop();
  const lede = paragraphs.find((block): block is string => typeof block === 'string');
  const agency = lede === undefined ? undefined : agencyFromDateline(lede);
  if (agency) source.publisher ??= agency;
  if (lede === undefined) throw new WireImportError('The file has a headline but no body paragraphs.');
  return { headline, paragraphs, source };
}

function parseSourceLine(value: string): WireCopy['source'] {
  const withUrl = PUBLISHER_WITH_URL.exec(value);
  if (withUrl && isHttpUrl(withUrl[2]!)) return { publisher: withUrl[1]!, url: withUrl[2]! };
  if (isHttpUrl(value)) return { url: value };
  return value ? { attributionLine: value } : {};
}

/** Escapes what markdown would otherwise interpret, so a paragraph renders as the same text. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

export function wireCopyToArticle(
  copy: WireCopy,
  options: WireImportOptions,
): { slug: string; markdown: string } {
  const { publisher, url, author, attributionLine } = copy.source;
  const frontMatter = {
    title: copy.headline,
    pubDate: options.pubDate,
    authors: [],
    section: options.section,
    tags: options.tags ?? [],
    ...(options.contentNote ? { contentNote: options.contentNote } : {}),
    smartPunctuation: false,
    // One order for every agency: who published, where, who wrote it, the credit line as it arrived.
    source: Object.fromEntries(
      Object.entries({ relationship: 'syndicated', publisher, url, author, attributionLine }).filter(
        ([, value]) => value !== undefined,
      ),
    ),
    ...(options.draft === false ? {} : { draft: true }),
  };
  const unknown = ['publisher', 'url', 'author', 'originalPubDate']
    .filter((field) => !(field in copy.source))
    .map((field) => `source.${field}`);
  const note = unknown.length
    ? `# Imported wire copy. Not stated by the source, so left unset: ${unknown.join(', ')}.\n`
    : '# Imported wire copy.\n';
  const draftNote =
    options.draft === false
      ? ''
      : '# A draft: shown by `npm run dev` only. Check it, then delete `draft: true` to publish.\n';
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const body = copy.paragraphs
    .map((block) => (typeof block === 'string' ? escapeMarkdownText(block) : '* * *'))
    .join('\n\n');
  return {
    slug: slugFromHeadline(copy.headline),
    markdown: `---\n${note}${draftNote}${yaml}---\n\n${body}\n`,
  };
}
