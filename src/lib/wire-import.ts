/**
 * Plain-text wire copy -> an article bundle (front matter + markdown body).
 *
 * Input format: the headline on the first line, paragraphs separated by blank lines, and an
 * optional trailing attribution line `Source: …` (either free text such as "Read Full Article",
 * or `Publisher Name (https://…)`). The text is kept verbatim: markdown syntax characters are
 * escaped and smart punctuation is switched off for the article, so the page shows exactly the
 * words and quotes that arrived. Nothing is invented: facts the copy does not give stay unset.
 */
import { stringify } from 'yaml';
import { isHttpUrl } from './urls.ts';
import { slugFromHeadline } from './slugs.ts';

export class WireImportError extends Error {
  override name = 'WireImportError';
}

export interface WireImportOptions {
  /** Publication moment on this site (ISO 8601 with offset). */
  pubDate: string;
  section: string;
  tags?: string[];
  contentNote?: string;
}

export interface WireCopy {
  headline: string;
  paragraphs: string[];
  source: { publisher?: string; url?: string; attributionLine?: string };
}

const SOURCE_LINE = /^Source:\s*(.*)$/;
const PUBLISHER_WITH_URL = /^(.+?)\s*\((\S+)\)$/;

export function parseWireCopy(text: string): WireCopy {
  if (text.includes('\u0000') || /[\u0001-\u0008\u000E-\u001F]/.test(text)) {
    throw new WireImportError('The file looks binary (it contains control bytes). Import plain UTF-8 text only.');
  }
  if (text.includes('\uFFFD')) {
    throw new WireImportError('The file is not valid UTF-8 text (it contains bytes that are not characters). Save it as UTF-8 and import it again.');
  }
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = normalised
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  if (blocks.length === 0) throw new WireImportError('The file is empty: expected a headline on the first line.');

  const [first, ...rest] = blocks;
  const [headlineLine, ...firstBlockRest] = first!.split('\n');
  const headline = headlineLine!.trim();
  const paragraphs = [...(firstBlockRest.length ? [firstBlockRest.join(' ')] : []), ...rest].map((p) =>
    p.split('\n').join(' '),
  );

  let source: WireCopy['source'] = {};
  const last = paragraphs.at(-1);
  const sourceMatch = last === undefined ? null : SOURCE_LINE.exec(last.trim());
  if (sourceMatch) {
    paragraphs.pop();
    source = parseSourceLine(sourceMatch[1]!.trim());
  }
  if (paragraphs.length === 0) throw new WireImportError('The file has a headline but no body paragraphs.');
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

export function wireCopyToArticle(copy: WireCopy, options: WireImportOptions): { slug: string; markdown: string } {
  const frontMatter = {
    title: copy.headline,
    pubDate: options.pubDate,
    authors: [],
    section: options.section,
    tags: options.tags ?? [],
    ...(options.contentNote ? { contentNote: options.contentNote } : {}),
    smartPunctuation: false,
    source: { relationship: 'syndicated', ...copy.source },
  };
  const unknown = ['publisher', 'url', 'author', 'originalPubDate']
    .filter((field) => !(field in copy.source))
    .map((field) => `source.${field}`);
  const note = unknown.length
    ? `# Imported wire copy. Not stated by the source, so left unset: ${unknown.join(', ')}.\n`
    : '# Imported wire copy.\n';
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const body = copy.paragraphs.map(escapeMarkdownText).join('\n\n');
  return { slug: slugFromHeadline(copy.headline), markdown: `---\n${note}${yaml}---\n\n${body}\n` };
}
