/** JSON text for a TEXT column, or undefined when the value has no JSON form. */
export function toJsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    // BigInt and cyclic values throw; the caller reports them with its own words.
    return undefined;
  }
}

export function fromJsonText(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
