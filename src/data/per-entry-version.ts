/**
 * Memoises `create` per version of a collection entry: keyed by id and digest, so an edit in
 * `astro dev` is never answered from before it. `limit` bounds how many are kept (oldest out).
 */
export function perEntryVersion<Entry extends { id: string; digest?: string | number | undefined }, Value>(
  create: (entry: Entry) => Value,
  limit = Number.POSITIVE_INFINITY,
): (entry: Entry) => Value {
  const kept = new Map<string, Value>();
  return (entry) => {
    const key = `${entry.id}\u0000${entry.digest ?? ''}`;
    if (kept.has(key)) return kept.get(key)!;
    const value = create(entry);
    kept.set(key, value);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return value;
  };
}
