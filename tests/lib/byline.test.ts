import { describe, expect, it } from 'vitest';
import { bylineText, joinNames } from '../../src/lib/byline.ts';

describe('bylineText', () => {
  it('names our authors first', () => {
    expect(bylineText(['Ada Lowe', 'Ben Okri Jr'], 'Wire Writer')).toBe('By Ada Lowe and Ben Okri Jr');
  });
  it('falls back to the source’s writer and publisher, then the publisher alone', () => {
    expect(bylineText([], 'Sam Lee', 'Harbour Gazette')).toBe('By Sam Lee, Harbour Gazette');
    expect(bylineText([], 'Sam Lee')).toBe('By Sam Lee');
    expect(bylineText([], undefined, 'Harbour Gazette')).toBe('From Harbour Gazette');
  });
  it('gives nothing when nobody is credited, so a card shows no empty byline', () => {
    expect(bylineText([])).toBeUndefined();
  });
});

describe('joinNames', () => {
  it.each([
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j -> %s', (names, joined) => expect(joinNames(names)).toBe(joined));
});
