/**
 * Dates as an editor typed them. YAML loaders roll impossible dates over (2024-02-30 becomes
 * 1 March) and read a date without an offset as UTC, so both are checked on the raw text.
 */

/** YAML 1.1 timestamps and ISO 8601: date, optional time, optional offset. */
const INSTANT = new RegExp(
  /^(\d{4})-(\d{1,2})-(\d{1,2})/.source +
    /(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/.source +
    /[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/.source,
);

export const INSTANT_EXAMPLE = '2026-11-29T09:00:00+00:00';

export type InstantProblem =
  | { kind: 'not-a-date'; message: string; hint: string }
  | { kind: 'impossible'; message: string; hint: string }
  | { kind: 'no-offset'; message: string; hint: string };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What is wrong with a written date, or undefined when it is a real moment with an explicit offset. */
export function instantProblem(raw: string): InstantProblem | undefined {
  const match = INSTANT.exec(raw.trim());
  if (!match) {
    return {
      kind: 'not-a-date',
      message: `"${raw}" is not a date`,
      hint: `write the date, time and timezone offset, e.g. ${INSTANT_EXAMPLE}`,
    };
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) {
    return {
      kind: 'impossible',
      message: `"${raw}" is not a real calendar date or time`,
      hint:
        mo >= 1 && mo <= 12 && d > daysIn(y, mo)
          ? `${year}-${month.padStart(2, '0')} has ${daysIn(y, mo)} days; check the day and month`
          : 'check the month (1-12), day, hour (0-23) and minutes',
    };
  }
  if (offset === undefined) {
    const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const time = `${hour.padStart(2, '0')}:${minute}:${second.padStart(2, '0')}`;
    return {
      kind: 'no-offset',
      message: `"${raw}" has no timezone offset, so it is ambiguous`,
      hint: `add the offset of the time you mean, e.g. ${date}T${time}+00:00 (UTC) or ${date}T${time}+01:00`,
    };
  }
  return undefined;
}
