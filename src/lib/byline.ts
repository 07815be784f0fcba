/** A byline as one line of text, for story cards: "By A, B and C", the wire's credit, or nothing. */
export function bylineText(
  authorNames: string[],
  sourceAuthor?: string,
  sourcePublisher?: string,
): string | undefined {
  if (authorNames.length) return `By ${joinNames(authorNames)}`;
  if (sourceAuthor) return `By ${sourceAuthor}${sourcePublisher ? `, ${sourcePublisher}` : ''}`;
  return sourcePublisher ? `From ${sourcePublisher}` : undefined;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
