/**
 * Is anything due? Whether the site would change by the clock alone between the deployed build's
 * clock and now: an article's pubDate passing (it goes live), its `expires` passing (it comes
 * down), or an article leaving the two-day Google News sitemap. Rather than know every field, it
 * takes every date-time written in the content's front matter and author files as a possible
 * moment of change, and that moment plus the news window: a date that changes nothing (e.g.
 * originalPubDate) at worst costs one needless build, never a missed one.
 *
 * Node built-ins only: the scheduled workflow runs it before `npm ci`, so a run with nothing due
 * ends in seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NEWS_WINDOW_MS } from '../../src/lib/news-window.ts';

export interface DueEvent {
  /** The content file, relative to the content folder. */
  file: string;
  /** The date-time as written. */
  written: string;
  /** When the site changes because of it. */
  at: Date;
  what: 'the date passes' | 'it leaves the news sitemap';
}

/** YAML timestamps (spec 1.2, also what z.coerce.date reads from a quoted string): date, optional time and zone. */
const TIMESTAMP = new RegExp(
  /(?<![\w-])(\d{4})-(\d{2})-(\d{2})/.source +
    /(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?[ \t]*(Z|[+-]\d{1,2}(?::?\d{2})?)?)?/.source +
    /(?![\w-])/.source,
  'g',
);

/**
 * Every instant written in a YAML text. A time without a zone is UTC, as YAML defines it (and
 * as a quoted one is read on the UTC runners the workflows use); a bare date is its midnight UTC.
 */
export function instantsIn(yaml: string): { written: string; at: Date }[] {
  const found: { written: string; at: Date }[] = [];
  for (const match of yaml.matchAll(TIMESTAMP)) {
    const [written, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] =
      match;
    const offset =
      zone === 'Z'
        ? 'Z'
        : zone
            .replace(/^([+-])(\d)(?=\D|$)/, '$10$2')
            .replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
            .replace(/^([+-]\d{2})$/, '$1:00');
    const at = new Date(
      `${year}-${month}-${day}T${hour.padStart(2, '0')}:${minute}:${second}${fraction}${offset}`,
    );
    if (!Number.isNaN(at.getTime())) found.push({ written: written.trim(), at });
  }
  return found;
}

/** The front matter of a markdown file (between the opening and closing `---`), or '' when none. */
export function frontMatterOf(markdown: string): string {
  return /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown)?.[1] ?? '';
}

/** The moments a content file can change the built site by the clock alone. */
export function eventsOf(file: string, text: string): DueEvent[] {
  const yaml = file.endsWith('.md') || file.endsWith('.mdx') ? frontMatterOf(text) : text;
  return instantsIn(yaml).flatMap(({ written, at }) => [
    { file, written, at, what: 'the date passes' as const },
    // Still listed at exactly the window's end (newsSitemapEntries), gone a millisecond later.
    {
      file,
      written,
      at: new Date(at.getTime() + NEWS_WINDOW_MS + 1),
      what: 'it leaves the news sitemap' as const,
    },
  ]);
}

/** Events in (since, now]: the deployed build saw the site as of `since`; a build now would not. */
export function dueBetween(files: { file: string; text: string }[], since: Date, now: Date): DueEvent[] {
  return files
    .flatMap(({ file, text }) => eventsOf(file, text))
    .filter((event) => event.at.getTime() > since.getTime() && event.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.file.localeCompare(b.file));
}

/** Markdown and YAML files under the content folder, read. */
export function readContent(contentDir: string): { file: string; text: string }[] {
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|mdx|ya?ml)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { file: relative(contentDir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') };
    });
}
