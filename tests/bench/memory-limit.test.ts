import { describe, expect, it } from 'vitest';
import { overMemoryMax, parseMemoryMax } from '../../scripts/bench/memory-limit.ts';

describe('parseMemoryMax', () => {
  it('reads binary units, as systemd does, with or without iB', () => {
    expect(parseMemoryMax('7G')).toBe(7 * 1024 ** 3);
    expect(parseMemoryMax('7GiB')).toBe(7 * 1024 ** 3);
    expect(parseMemoryMax('7168M')).toBe(7 * 1024 ** 3);
    expect(parseMemoryMax('6.5g')).toBe(6.5 * 1024 ** 3);
    expect(parseMemoryMax('512K')).toBe(512 * 1024);
  });

  it.each(['7', '0G', 'seven G', '7T', '-1G', ''])('refuses %j, naming the flag and an example', (raw) => {
    expect(() => parseMemoryMax(raw)).toThrow(`--memory-max "${raw}" must be a size above zero such as 7G`);
  });
});

describe('overMemoryMax', () => {
  it('says how far over the limit the tree went', () => {
    expect(overMemoryMax(7.5 * 1024 ** 3, 7 * 1024 ** 3)).toBe(
      'the process tree held 7.50 GiB, over --memory-max 7.00 GiB: killed, as a runner would',
    );
  });
});
