/** Value formats the validators share, checked strictly (no trimming, no date roll-over). */

/** An absolute http(s) URL exactly as written. */
export function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) && value.trim() === value;
  } catch {
    return false;
  }
}

/** A calendar date that exists: 2026-02-30 does not (JavaScript's Date would roll it over). */
export function isRealDate(year: number | string, month: number | string, day: number | string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}
