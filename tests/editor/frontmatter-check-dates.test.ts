/** Dates as editors type them: real moments with an offset pass; everything else says why. */
import { describe, expect, it } from 'vitest';
import { instantProblem } from '../../src/lib/frontmatter-check-dates.ts';

describe('instantProblem', () => {
  it.each([
    '2026-11-29T09:00:00+00:00',
    '2026-11-29T09:00:00Z',
    '2026-11-29 09:00:00 +01:00',
    '2024-02-29T00:00:00-05:00',
    '2026-11-29T09:00:00.001+05:30',
    '2026-11-29t09:00z',
    '2026-11-29T23:59:59+0100',
  ])('accepts %s', (raw) => expect(instantProblem(raw)).toBeUndefined());

  it.each([
    ['2024-02-30T09:00:00+00:00', '2024-02 has 29 days; check the day and month'],
    ['2023-02-29T09:00:00+00:00', '2023-02 has 28 days; check the day and month'],
    ['2026-04-31T09:00:00+00:00', '2026-04 has 30 days; check the day and month'],
    ['2026-13-01T09:00:00+00:00', 'check the month (1-12), day, hour (0-23) and minutes'],
    ['2026-11-29T24:00:00+00:00', 'check the month (1-12), day, hour (0-23) and minutes'],
    ['2026-11-29T09:60:00+00:00', 'check the month (1-12), day, hour (0-23) and minutes'],
  ])('rejects the impossible %s', (raw, hint) => {
    expect(instantProblem(raw)).toEqual({
      kind: 'impossible',
      message: `"${raw}" is not a real calendar date or time`,
      hint,
    });
  });

  it.each([
    ['2026-11-29', '2026-11-29T00:00:00+00:00'],
    ['2026-11-29T09:00', '2026-11-29T09:00:00+00:00'],
    ['2026-1-5 7:30:15', '2026-01-05T07:30:15+00:00'],
  ])('rejects %s without an offset, suggesting %s', (raw, suggestion) => {
    const problem = instantProblem(raw);
    expect(problem?.kind).toBe('no-offset');
    expect(problem?.hint).toContain(suggestion);
  });

  it.each(['20261129', 'next Tuesday', '29/11/2026 09:00', '2026-11-29T09:00:00+00:00 and more', ''])(
    'rejects %j as not a date',
    (raw) => {
      expect(instantProblem(raw)?.kind).toBe('not-a-date');
    },
  );
});
