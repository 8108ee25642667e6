/**
 * The one plural rule of every count the console writes: "1 label", "2 labels", "0 tapes".
 * English nouns the console counts all take -s, except those given their plural.
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
