/**
 * How the news agencies mark up plain-text copy, for the wire importer (src/lib/wire-import.ts):
 * bylines, agency lines, datelines, Reuters' credit trailer, end marks and separators. Each
 * recogniser takes one trimmed line or paragraph and says what it is, or undefined.
 */

/** The agencies we recognise, by the tag in their dateline, with the name recorded as source.publisher. */
const AGENCIES: Record<string, string> = {
  AP: 'The Associated Press',
  Reuters: 'Reuters',
  AFP: 'Agence France-Presse',
  PA: 'PA Media',
};

/** Lines naming the agency on their own under the byline. */
const AGENCY_LINES: [RegExp, string][] = [
  [/^(?:The )?Associated Press$/i, AGENCIES.AP!],
  [/^Reuters$/i, AGENCIES.Reuters!],
  [/^(?:AFP|Agence France-Presse)$/i, AGENCIES.AFP!],
  [/^PA(?: Media)?$/, AGENCIES.PA!],
];

export function agencyLine(line: string): string | undefined {
  return AGENCY_LINES.find(([pattern]) => pattern.test(line))?.[1];
}

/**
 * `By Jane Doe and Marcus Webb` (AP, AFP, Reuters) or `By Jane Doe, PA Political Correspondent`
 * (PA: the role after the comma names the agency, and is not part of the name).
 */
export function bylineOf(line: string): { author: string; publisher?: string } | undefined {
  const match = /^by\s+(\S.*)$/i.exec(line);
  if (!match || line.length > 160 || /[.!?]["”’]?$/.test(line)) return undefined;
  const [name, role] = match[1]!.split(/,\s*/, 2) as [string, string | undefined];
  if (role && /^PA\b/.test(role)) return { author: name.trim(), publisher: AGENCIES.PA! };
  const agency = role ? agencyLine(role) : undefined;
  return agency ? { author: name.trim(), publisher: agency } : { author: match[1]!.trim() };
}

/**
 * The agency of a dateline opening the lede: `NEW YORK (AP) — `, `LONDON, Dec 3 (Reuters) - `,
 * `PARIS (AFP) - `, `LONDON (PA) - `. The dateline itself stays in the body as it arrived.
 */
export function agencyFromDateline(paragraph: string): string | undefined {
  const match =
    /^[\p{Lu}][\p{Lu}\p{M} .,'’-]*(?:,\s*[\p{L} .]+\d{0,2})?\s+\((AP|Reuters|AFP|PA)\)\s+[—–-]+\s/u.exec(
      paragraph,
    );
  return match ? AGENCIES[match[1]!] : undefined;
}

/**
 * Reuters' closing credits: `Reporting by Jane Doe in London; Editing by Sam Poe` -> the reporters and the
 * line as written.
 */
export function reutersTrailer(paragraph: string): { author: string; line: string } | undefined {
  const line = paragraph.replace(/^\((.*)\)$/, '$1').trim();
  const reporting = /^(?:Reporting|Writing) by (.+?)(?:\s+in\s+\p{Lu}[\p{L} ,]*?)?(?:;|$)/u.exec(line);
  return reporting ? { author: reporting[1]!.trim(), line } : undefined;
}

/** A line that only separates parts of the story: `***`, `* * *`, `---`, `###`, `___`. */
export const isSeparator = (block: string) =>
  /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|#{3}|(?:_\s*){3,})$/.test(block);

/** The marks agencies put after the last paragraph: `-30-`, `ENDS`, `(END)`, `###` is a separator. */
export const isEndMark = (block: string) => /^(?:-30-|ENDS?|\(END\)|=+END=+)$/.test(block);
