import { describe, expect, it } from 'vitest';
import { perEntryVersion } from '../../src/data/per-entry-version.ts';

describe('perEntryVersion', () => {
  const counting = (limit?: number) => {
    const made: string[] = [];
    const get = perEntryVersion((entry: { id: string; digest?: string }) => {
      made.push(`${entry.id}@${entry.digest}`);
      return `${entry.id}@${entry.digest}`;
    }, limit);
    return { get, made };
  };

  it('makes a value once per id and digest', () => {
    const { get, made } = counting();
    expect(get({ id: 'a', digest: '1' })).toBe('a@1');
    expect(get({ id: 'a', digest: '1' })).toBe('a@1');
    expect(made).toEqual(['a@1']);
  });

  it('makes it again once the entry changed (a new digest)', () => {
    const { get, made } = counting();
    get({ id: 'a', digest: '1' });
    expect(get({ id: 'a', digest: '2' })).toBe('a@2');
    expect(made).toEqual(['a@1', 'a@2']);
  });

  it('keeps at most `limit` values, dropping the oldest', () => {
    const { get, made } = counting(2);
    for (const id of ['a', 'b', 'c', 'b', 'a']) get({ id, digest: '1' });
    expect(made).toEqual(['a@1', 'b@1', 'c@1', 'a@1']);
  });
});
