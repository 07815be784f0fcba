/**
 * `--memory-max`: the memory a build may hold, as a runner would allow it (GitHub's private
 * runners have about 7 GB). systemd-run's MemoryMax cannot be used here (the container runs no
 * systemd; its cgroups belong to the machine, not to the bench), so the limit is held
 * against the process tree's sampled resident memory (measure.ts): a build whose tree goes over
 * it is killed, as a runner's out-of-memory killer would, and the run fails saying so.
 */

const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "7G", "7GiB", "7168M", "512K": binary units, as systemd's MemoryMax reads them. */
export function parseMemoryMax(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([KMG])(?:i?B)?$/i.exec(raw.trim());
  const bytes = match ? Math.round(Number(match[1]) * UNITS[match[2]!.toUpperCase()]!) : 0;
  if (!bytes)
    throw new Error(
      `--memory-max "${raw}" must be a size above zero such as 7G, 7GiB or 7168M (binary units)`,
    );
  return bytes;
}

export const gibibytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

/** The failure a build over the limit is reported with. */
export const overMemoryMax = (peakBytes: number, limitBytes: number): string =>
  `the process tree held ${gibibytes(peakBytes)}, over --memory-max ${gibibytes(limitBytes)}: ` +
  'killed, as a runner would';
